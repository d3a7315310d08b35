package org.insyn.store.internal;

import java.nio.file.Path;
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
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The database of a workspace: an AES-encrypted H2 file in the workspace (R9), or a schema on a shared PostgreSQL
 * server; the same Flyway migrations make the same schema on both. Small JDBC helpers keep the SQL readable.
 */
public final class Db implements AutoCloseable {
    private volatile JdbcConnectionPool pool;
    private final Optional<SharedSchema> shared;
    private final Optional<PGConnectionPoolDataSource> server;
    private final String where;

    private Db(JdbcConnectionPool pool, Optional<SharedSchema> shared, Optional<PGConnectionPoolDataSource> server, String where) {
        this.pool = pool;
        this.where = where;
        this.shared = shared;
        this.server = server;
    }

    /** The encrypted H2 file of the workspace, opened with the file password derived from the master key (R9). */
    static Db embedded(Path directory, String filePassword) {
        JdbcDataSource h2 = new JdbcDataSource();
        // Crash safety (CrashTest): WRITE_DELAY=0 writes each commit before it returns; with space of old chunks
        // reused (retention 45 s, compaction on close) a process killed after a restart lost its last commits
        // and once whole tables, so old chunks are never reused and the file only grows.
        h2.setURL("jdbc:h2:file:" + directory.resolve("insyn").toAbsolutePath()
                + ";CIPHER=AES;LOCK_TIMEOUT=20000;WRITE_DELAY=0;MAX_COMPACT_TIME=0;RETENTION_TIME=2147483647");
        h2.setUser("insyn");
        // H2 takes "<file password> <user password>"; both derive from the master key, neither is stored.
        h2.setPassword(filePassword + " " + filePassword);
        return open(h2, Optional.empty(), Optional.empty(), directory.toString());
    }

    /**
     * A schema on a shared PostgreSQL server, as the person's own login (R9). Migrations need the schema's owner: a
     * workspace is created by its first administrator, and later migrations wait until they sign in.
     */
    static Db shared(String url, String login, char[] password) {
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(withoutLogin(url));
        pg.setUser(login);
        pg.setPassword(new String(password));
        SharedSchema schema = new SharedSchema(pg.getDatabaseName(), Optional.ofNullable(pg.getCurrentSchema()).orElse("public"));
        return open(pg, Optional.of(schema), Optional.of(pg), withoutLogin(url));
    }

    /**
     * The URL without a user and password in it: the person's own login is given apart (a password in the URL would
     * win over it), and a URL shown in a message must not carry a password.
     */
    static String withoutLogin(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String rest = java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password=")).collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, query) + (rest.isEmpty() ? "" : "?" + rest);
    }

    private static Db open(ConnectionPoolDataSource source, Optional<SharedSchema> shared,
            Optional<PGConnectionPoolDataSource> server, String where) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(16);
        pool.setLoginTimeout(30);
        try {
            FluentConfiguration config = Flyway.configure(Db.class.getClassLoader()).dataSource(pool)
                    .locations(shared.isPresent() ? new String[] { "classpath:db/migration", "classpath:db/postgresql" }
                            : new String[] { "classpath:db/migration" });
            shared.ifPresent(s -> config.schemas(s.schema()).placeholders(s.placeholders()));
            Flyway flyway = config.load();
            if (shared.isEmpty() || flyway.info().pending().length > 0) {
                migrate(flyway, shared);
            }
        } catch (RuntimeException e) {
            pool.dispose();
            if (e instanceof InsynException ie) {
                throw ie;
            }
            if (rootCause(e) instanceof SQLException sql && (sql.getErrorCode() == 90049 || "28P01".equals(sql.getSQLState()))) {
                // a wrong H2 file key or a refused database login: the account's wrapped key does not fit
                throw new InsynException(InsynException.Kind.INTEGRITY, Optional.of(Rule.R9), e, "store.keyDoesNotFit", where);
            }
            throw new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "store.cannotOpen", where,
                    String.valueOf(rootCause(e).getMessage()));
        }
        return new Db(pool, shared, server, where);
    }

    private static void migrate(Flyway flyway, Optional<SharedSchema> shared) {
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            if (shared.isPresent() && rootCause(e) instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                // insufficient privilege: only the schema's owner may change it
                throw new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "store.needsMigration");
            }
            throw e;
        }
    }

    /** Where the database is, for messages: the H2 file's folder or the server's address without a login. */
    String where() {
        return where;
    }

    /**
     * Shared mode, before anyone is signed in: a connection as the login in the workstation's JDBC address, which
     * may read wrapped keys and count failed sign-ins (DbKeyRing), nothing else.
     */
    static Connection workstation(String url) throws SQLException {
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(url);
        pg.setLoginTimeout(30);
        return pg.getConnection();
    }

    /** Shared mode: the database, schema and the names of the roles made for them. */
    Optional<SharedSchema> shared() {
        return shared;
    }

    public boolean postgres() {
        return shared.isPresent();
    }

    public Connection connection() throws SQLException {
        if (server.isEmpty()) {
            return pool.getConnection();
        }
        // Shared mode: after the server restarted or cut its connections, every pooled connection is dead. The first
        // call to find one renews the pool, so the client reconnects instead of failing once per pooled connection.
        JdbcConnectionPool current = pool;
        Connection c = current.getConnection();
        if (c.isValid(5)) {
            return c;
        }
        c.close();
        synchronized (this) {
            if (pool == current) {
                pool = JdbcConnectionPool.create(server.get());
                pool.setMaxConnections(16);
                pool.setLoginTimeout(30);
                current.dispose();
            }
        }
        return pool.getConnection();
    }

    /**
     * Shared mode: a connection of its own outside the pool, as the same login, for a listener that holds it for as
     * long as the workspace is open (LISTEN lives on one connection).
     */
    Connection dedicated() throws SQLException {
        return server.orElseThrow(() -> new SQLException("not a shared workspace")).getConnection();
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
        if (shared.isEmpty()) {
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
