package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.insyn.core.service.BlobStore;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;

/**
 * R16, R17: what {@code verify} checks beyond the audit chain and the blobs the captures name. Every table is read
 * to its last row and column (a damaged database page fails there, with the table and row named), and every blob
 * the store holds but no capture names is reported, never deleted: it may be what a person needs to see.
 */
final class StoreChecks {
    /** PostgreSQL: the login may not read every table of a shared schema; that is a right, not damage. */
    private static final String NO_PRIVILEGE = "42501";

    private StoreChecks() {
    }

    static List<Problem> tables(Connection c) {
        List<Problem> problems = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] { "TABLE", "BASE TABLE" })) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        } catch (SQLException | RuntimeException e) {
            problems.add(new Problem(Kind.DATABASE_DAMAGED, "database", "the list of tables cannot be read: " + reason(e)));
            return problems;
        }
        for (String table : tables) {
            long row = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"");
                    ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    row++;
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            } catch (SQLException e) {
                if (!NO_PRIVILEGE.equals(e.getSQLState())) {
                    problems.add(new Problem(Kind.DATABASE_DAMAGED, "table " + table.toLowerCase(java.util.Locale.ROOT)
                            + ", row " + (row + 1), "the database cannot read it: " + reason(e)));
                }
            } catch (RuntimeException e) {
                problems.add(new Problem(Kind.DATABASE_DAMAGED, "table " + table.toLowerCase(java.util.Locale.ROOT)
                        + ", row " + (row + 1), "the database cannot read it: " + reason(e)));
            }
        }
        return problems;
    }

    /** Blobs the store holds that no capture names: reported, not deleted. */
    static List<Problem> unknownBlobs(BlobStore blobs, Set<String> known) {
        List<Problem> problems = new ArrayList<>();
        for (String hash : blobs.list()) {
            if (!known.contains(hash)) {
                problems.add(new Problem(Kind.BLOB_UNKNOWN, "blob " + hash,
                        "no capture names this file; it is kept (run verify again after a capture in progress has ended)"));
            }
        }
        return problems;
    }

    /** The database's own words without its internal error code ("... [90030-232]"). */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int code = message.lastIndexOf(" [");
        message = code > 0 && message.endsWith("]") ? message.substring(0, code) : message;
        int line = message.indexOf('\n');
        return line > 0 ? message.substring(0, line) : message;
    }
}
