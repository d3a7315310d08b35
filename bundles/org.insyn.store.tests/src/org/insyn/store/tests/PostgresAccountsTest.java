package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.insyn.core.model.Justification;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.Db;
import org.insyn.store.internal.StoreWorkspace;
import org.junit.jupiter.api.Test;

/**
 * Accounts on a real PostgreSQL server, and what the database itself enforces there: each person is their own
 * login, sees only their units' rows (row-level security), writes the trail and reviews only in their own name,
 * and has no more rights on the schema than the product needs (R9, R2, R16).
 */
class PostgresAccountsTest extends AccountsContract {

    @Override
    WorkspaceConfig config(Path directory) {
        return Postgres.config(directory);
    }

    @Override
    boolean rowSecurity() {
        return true;
    }

    /** Shared mode keeps the wrapped keys in the database: the same lines as accounts.keys would hold. */
    @Override
    java.util.Map<String, String> keyLines() throws Exception {
        java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();
        Postgres.owner(ws, c -> Db.query(c, "SELECT user_id, wrapped, db_login, failures FROM account_key ORDER BY user_id", rs -> {
            String id = rs.getString(1);
            lines.put(id + ".key", rs.getString(2));
            Optional.ofNullable(rs.getString(3)).ifPresent(l -> lines.put(id + ".login", l));
            if (rs.getInt(4) > 0) {
                lines.put(id + ".failures", Integer.toString(rs.getInt(4)));
            }
            return id;
        }));
        return lines;
    }

    static List<Long> ids(Connection c, String sql) throws SQLException {
        return Db.query(c, sql, rs -> rs.getLong(1));
    }

    @Test
    void R9_twoLoginsSeeOnlyTheRowsOfTheirOwnUnits() throws Exception {
        long north = clientCase(anna, "north", true);
        long south = clientCase(bo, "south", true);
        note(anna, north);
        StoreWorkspace boWs = signIn("bo");
        try (Connection a = annaWs.db().connection(); Connection b = boWs.db().connection();
                Connection s = signIn("sara").db().connection()) {
            String annaLogin = Db.one(a, "SELECT current_user", rs -> rs.getString(1)).orElseThrow();
            assertNotEquals(annaLogin, Db.one(b, "SELECT current_user", rs -> rs.getString(1)).orElseThrow());
            assertNotEquals(annaLogin, Db.one(ws.db().connection(), "SELECT current_user", rs -> rs.getString(1)).orElseThrow(),
                    "each person connects with their own login");
            assertEquals(List.of(north), ids(a, "SELECT id FROM case_file ORDER BY id"));
            assertEquals(List.of(south), ids(b, "SELECT id FROM case_file ORDER BY id"));
            assertEquals(List.of(north, south), ids(s, "SELECT id FROM case_file ORDER BY id"));
            assertEquals(1, ids(a, "SELECT id FROM note").size());
            assertEquals(List.of(), ids(b, "SELECT id FROM note"), "a case's rows follow the case");
            assertEquals(List.of(), ids(b, "SELECT id FROM subject WHERE case_id = " + north));
            assertEquals(List.of(), ids(b, "SELECT seq FROM audit WHERE case_id = " + north), "nor its trail");

            // writing past the product: into another unit, in another's name, or outside the product's grants
            assertThrows(SQLException.class, () -> Db.update(b, "INSERT INTO case_file (unit_id, title, owner_id, opened,"
                    + " legal_hold, flagged) VALUES ('north', 'x', 'bo', 0, FALSE, FALSE)"));
            assertEquals(0, Db.update(b, "UPDATE case_file SET title = 'x' WHERE id = " + north), "an invisible row is not changed");
            assertEquals(0, Db.update(b, "DELETE FROM note"));
            assertThrows(SQLException.class, () -> Db.update(b, "INSERT INTO audit (seq, at_ms, actor_id, action, target, detail,"
                    + " previous_hash, hash) VALUES (999999, 0, 'anna', 'CASE_VIEWED', 'x', '', 'x', 'x')"), "a line in anna's name");
            assertThrows(SQLException.class, () -> Db.update(a, "UPDATE audit SET detail = '' WHERE seq = 1"), "the trail is append-only");
            assertThrows(SQLException.class, () -> Db.update(a, "DELETE FROM audit"));
            assertThrows(SQLException.class, () -> Db.update(a, "UPDATE app_user SET unit_ids = 'north,south' WHERE id = 'anna'"),
                    "only administrators change accounts");
            assertThrows(SQLException.class, () -> Db.execute(a, "CREATE TABLE mine (x INT)"));
        }
    }

    @Test
    void R2_theDatabaseTakesAReviewOnlyInTheReviewersOwnName() throws Exception {
        Justification j = clientJustification(bo, clientCase(bo, "south", true), "south");
        try (Connection b = signIn("bo").db().connection(); Connection s = signIn("sara").db().connection()) {
            assertThrows(SQLException.class, () -> Db.update(b, "INSERT INTO review (justification_id, reviewer_id, author_id,"
                    + " decision, remark, at_ms) VALUES (?, 'sara', 'bo', 'APPROVE', '', 0)", j.id()), "bo cannot approve as sara");
            assertThrows(SQLException.class, () -> Db.update(s, "INSERT INTO review (justification_id, reviewer_id, author_id,"
                    + " decision, remark, at_ms) VALUES (?, 'sara', 'sara', 'APPROVE', '', 0)", j.id()));
            Db.update(s, "INSERT INTO review (justification_id, reviewer_id, author_id, decision, remark, at_ms)"
                    + " VALUES (?, 'sara', 'bo', 'APPROVE', '', 0)", j.id());
        }
        assertEquals(1, bo.reviews(j.id()).size());
    }

    @Test
    void R9_aDisabledAccountsLoginSeesNothingAndCannotLogInAgain() throws Exception {
        long south = clientCase(bo, "south", true);
        StoreWorkspace boWs = signIn("bo");
        try (Connection b = boWs.db().connection()) {
            String login = Db.one(b, "SELECT current_user", rs -> rs.getString(1)).orElseThrow();
            assertEquals(List.of(south), ids(b, "SELECT id FROM case_file"));
            ws.accounts().disable("bo");
            assertEquals(List.of(), ids(b, "SELECT id FROM case_file"), "a connection still open sees nothing");
            try (Connection owner = ws.db().connection()) {
                assertEquals(Optional.of(false), Db.one(owner, "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?",
                        rs -> rs.getBoolean(1), login));
            }
        }
        assertTrue(ws.verify().clean(), ws.verify().problems()::toString);
    }

    void note(org.insyn.core.service.Session s, long caseId) {
        s.saveNote(new org.insyn.core.model.Note(0, caseId, s.user().id(), "Anteckning", org.insyn.core.model.RecordClass.CLIENT_FILE,
                List.of(), List.of(), java.time.Instant.now(), java.time.Instant.now()));
    }
}
