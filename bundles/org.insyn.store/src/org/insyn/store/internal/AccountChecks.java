package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;

/**
 * R9, R16: accounts and units are what their last audit entry says. Every change the product makes writes the
 * new state into the entry's detail, so a row changed outside Insyn (a unit added to one's own account, a
 * disabled account enabled, a unit's review policy relaxed) no longer matches: sign-in refuses such an account and
 * {@code verify} reports it, as it reports an account or unit the trail names that is no longer stored.
 */
final class AccountChecks {
    private static final String USER_STATE = "'" + AuditAction.USER_SAVED + "', '" + AuditAction.ACCOUNT_DISABLED + "', '"
            + AuditAction.ACCOUNT_ENABLED + "'";
    private static final String UNIT_STATE = "'" + AuditAction.UNIT_SAVED + "'";

    private AccountChecks() {
    }

    static String target(User u) {
        return "user:" + u.id();
    }

    static String target(Unit u) {
        return "unit:" + u.id();
    }

    /** The state of an account as its audit entries record it. */
    static String detail(User u) {
        return "roles=" + u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")) + " units="
                + String.join(",", new TreeSet<>(u.unitIds())) + " enabled=" + u.enabled();
    }

    static String detail(Unit u) {
        return "review=" + u.reviewPolicy().name().toLowerCase();
    }

    /** Throws INTEGRITY unless the stored account is the state its last (intact) audit entry records. */
    static void requireAudited(Connection c, User row) throws SQLException {
        Optional<AuditEntry> last = Db.one(c, "SELECT * FROM audit WHERE target = ? AND action IN (" + USER_STATE
                + ") ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY", StoreWorkspace::auditRow, target(row));
        if (last.isEmpty() || !AuditChain.hash(last.get()).equals(last.get().hash()) || !last.get().detail().equals(detail(row))) {
            throw new InsynException(InsynException.Kind.INTEGRITY, Optional.of(Rule.R16), "store.accountChanged", row.id());
        }
    }

    /** Every account and unit against the trail: changed, unrecorded and removed ones. */
    static List<Problem> check(Connection c, List<User> users, List<Unit> units) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        compare(c, USER_STATE, users.stream().collect(Collectors.toMap(AccountChecks::target, AccountChecks::detail)), problems);
        compare(c, UNIT_STATE, units.stream().collect(Collectors.toMap(AccountChecks::target, AccountChecks::detail)), problems);
        return problems;
    }

    private static void compare(Connection c, String actions, Map<String, String> stored, List<Problem> problems)
            throws SQLException {
        Map<String, AuditEntry> audited = new HashMap<>();
        for (AuditEntry e : Db.query(c, "SELECT * FROM audit WHERE action IN (" + actions + ") ORDER BY seq",
                StoreWorkspace::auditRow)) {
            audited.put(e.target(), e);
        }
        new TreeSet<>(stored.keySet()).forEach(target -> {
            AuditEntry last = audited.get(target);
            if (last == null) {
                problems.add(new Problem(Kind.ACCOUNT_CHANGED, target, "stored without any audit entry: made outside Insyn"));
            } else if (!last.detail().equals(stored.get(target))) {
                problems.add(new Problem(Kind.ACCOUNT_CHANGED, target, "stored as '" + stored.get(target)
                        + "' but audit #" + last.seq() + " left it '" + last.detail() + "'"));
            }
        });
        new TreeSet<>(audited.keySet()).stream().filter(t -> !stored.containsKey(t)).forEach(target -> problems
                .add(new Problem(Kind.ACCOUNT_REMOVED, target, "named by audit #" + audited.get(target).seq() + " but no longer stored")));
    }

    /** Units a user is given must exist. */
    static void requireUnits(Connection c, Set<String> unitIds) throws SQLException {
        for (String unitId : unitIds) {
            if (StoreWorkspace.unit(c, unitId).isEmpty()) {
                throw InsynException.notFound("unit", unitId);
            }
        }
    }
}
