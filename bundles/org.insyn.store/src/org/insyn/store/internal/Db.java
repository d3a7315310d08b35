package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.ConnectionPoolDataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.service.WorkspaceConfig;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The database of a workspace: an AES-encrypted H2 file in the workspace (R9), or a schema on a shared PostgreSQL
 * server; the same Flyway migrations make the same schema on both. Small JDBC helpers keep the SQL readable.
 */
public final class Db implements AutoCloseable {
    private final JdbcConnectionPool pool;
    private final boolean postgres;

    private Db(JdbcConnectionPool pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
    }

    public static Db open(WorkspaceConfig config, Keys keys) {
        ConnectionPoolDataSource source;
        Optional<String> schema = Optional.empty();
        if (config.postgresUrl().isPresent()) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(config.postgresUrl().get());
            config.postgresUser().ifPresent(pg::setUser);
            config.postgresPassword().ifPresent(p -> pg.setPassword(new String(p)));
            schema = Optional.ofNullable(pg.getCurrentSchema());
            source = pg;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            // Crash safety (CrashTest): WRITE_DELAY=0 writes each commit before it returns; with space of old chunks
            // reused (retention 45 s, compaction on close) a process killed after a restart lost its last commits
            // and once whole tables, so old chunks are never reused and the file only grows.
            h2.setURL("jdbc:h2:file:" + config.directory().resolve("insyn").toAbsolutePath()
                    + ";CIPHER=AES;LOCK_TIMEOUT=20000;WRITE_DELAY=0;MAX_COMPACT_TIME=0;RETENTION_TIME=2147483647");
            h2.setUser("insyn");
            // H2 takes "<file password> <user password>"; both come from the passphrase, neither is stored.
            h2.setPassword(keys.databasePassword() + " " + keys.databasePassword());
            source = h2;
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(16);
        pool.setLoginTimeout(30);
        try {
            FluentConfiguration flyway = Flyway.configure(Db.class.getClassLoader()).dataSource(pool)
                    .locations("classpath:db/migration");
            schema.ifPresent(flyway::schemas);
            flyway.load().migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            if (rootCause(e) instanceof SQLException sql && sql.getErrorCode() == 90049) {
                throw new InsynException(InsynException.Kind.INVALID, Optional.of(Rule.R9), e, "store.wrongPassphrase");
            }
            throw new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "store.cannotOpen",
                    config.postgresUrl().orElse(config.directory().toString()), String.valueOf(rootCause(e).getMessage()));
        }
        return new Db(pool, config.postgresUrl().isPresent());
    }

    public boolean postgres() {
        return postgres;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.dispose();
    }

    /**
     * Closes an H2 database by writing its live pages into a new file that then replaces the old one atomically
     * ({@code SHUTDOWN COMPACT}), so the old chunks, which this store never reuses, go with what deleted rows they held
     * (R3, R10, R14). A process killed meanwhile leaves the old file whole. PostgreSQL reclaims space on its own.
     */
    public void closeCompacted() {
        if (!postgres) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                // the data is committed either way; only the space and the deleted rows' old copies stay
                System.getLogger(Db.class.getName()).log(System.Logger.Level.WARNING, "compaction at close failed", e);
            }
        }
        close();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> rows = query(c, sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Hands the rows to the sink one at a time (a thousand fetched at once), so a scan of a million rows never holds
     * them all. PostgreSQL streams only inside a transaction: the connection must not be in auto-commit.
     */
    public static <T> void stream(Connection c, String sql, RowMapper<T> mapper, RowSink<T> sink, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(mapper.map(rs));
                }
            }
        }
    }

    @FunctionalInterface
    public interface RowSink<T> {
        void accept(T row) throws SQLException;
    }

    /** Runs the statement once per set of arguments, as one JDBC batch. */
    public static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] args : rows) {
                bind(ps, args);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** "(?, ?, ?)" for an IN list of n values (n > 0). */
    public static String in(int n) {
        return "(" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Inserts a row and returns its generated id. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] { "id" })) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i] instanceof Optional<?> o ? o.orElse(null) : args[i];
            if (a instanceof Instant t) {
                a = t.toEpochMilli();
            } else if (a instanceof Enum<?> e) {
                a = e.name();
            }
            if (a == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    public static Optional<Long> optLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    public static Optional<Instant> optInstant(ResultSet rs, String column) throws SQLException {
        return optLong(rs, column).map(Instant::ofEpochMilli);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
