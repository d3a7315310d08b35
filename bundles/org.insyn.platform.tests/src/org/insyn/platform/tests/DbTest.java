package org.insyn.platform.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 with AES file encryption, Flyway migrations found inside a bundle, and the PostgreSQL driver, in OSGi. */
class DbTest {

    static DataSource h2(Path dir, String filePwd) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("insyn").toAbsolutePath() + ";CIPHER=AES");
        ds.setUser("sa");
        ds.setPassword(filePwd + " userpwd"); // "<file password> <user password>"
        return ds;
    }

    @Test
    void h2EncryptedFileDb(@TempDir Path dir) throws Exception {
        try (Connection c = h2(dir, "filepwd").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(100))");
            s.execute("INSERT INTO t VALUES (1, 'secret-plaintext-value')");
        }
        byte[] file = Files.readAllBytes(dir.resolve("insyn.mv.db"));
        assertFalse(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("secret-plaintext-value"),
                "DB file must be encrypted");
        try (Connection c = h2(dir, "filepwd").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("secret-plaintext-value", rs.getString(1));
        }
        assertThrows(SQLException.class, () -> h2(dir, "wrongpwd").getConnection().close());
    }

    static MigrateResult migrate(DataSource ds, String schema) {
        Flyway flyway = Flyway.configure(DbTest.class.getClassLoader())
                .dataSource(ds)
                .schemas(schema)
                .locations("classpath:db/migration")
                .load();
        return flyway.migrate();
    }

    static String readNote(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM " + table + " WHERE id = 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void flywayOnEncryptedH2(@TempDir Path dir) throws Exception {
        DataSource ds = h2(dir, "filepwd");
        MigrateResult r = migrate(ds, "PUBLIC");
        assertEquals(2, r.migrationsExecuted, "migrations from classpath:db/migration inside bundle org.insyn.platform.tests");
        assertEquals("hej åäö", readNote(ds, "note"));
        assertEquals(0, migrate(h2(dir, "filepwd"), "PUBLIC").migrationsExecuted, "re-run is a no-op");
    }

    @Test
    void postgresDriverLoads() throws Exception {
        org.postgresql.Driver d = new org.postgresql.Driver();
        assertTrue(d.acceptsURL("jdbc:postgresql://127.0.0.1:5432/insyn"));
        assertTrue(Class.forName("org.postgresql.Driver").getName().endsWith("Driver"));
    }
}
