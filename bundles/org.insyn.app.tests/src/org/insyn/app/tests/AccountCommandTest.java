package org.insyn.app.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.insyn.app.AccountCommand;
import org.insyn.app.Cli;
import org.insyn.app.InitCommand;
import org.insyn.app.Prompt;
import org.insyn.app.UnitCommand;
import org.insyn.app.VerifyCommand;
import org.insyn.core.Messages;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insyn cli init}, {@code account} and {@code unit} on the real store (R9): the first start asks for the
 * administrator, who then keeps units and accounts; passwords are answered to prompts (here from a reader standing in
 * for standard input), never given as arguments.
 */
class AccountCommandTest {
    static final String ADMIN = "administratörens-lösen";

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Supplier<WorkspaceProvider> store = () -> service(WorkspaceProvider.class);

    /** Runs one command line, answering the prompts with the given lines. */
    int run(Locale locale, String answers, String... args) {
        out.reset();
        err.reset();
        Prompt prompt = Prompt.reading(new StringReader(answers), new PrintStream(new ByteArrayOutputStream()));
        Cli cli = new Cli("1", List.of(new InitCommand(store, env, prompt, locale), new AccountCommand(store, env, prompt, locale),
                new UnitCommand(store, env, prompt, locale), new VerifyCommand(store, env, prompt, locale)));
        return cli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    int run(String answers, String... args) {
        return run(Locale.ENGLISH, answers, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void as(String user, String password) {
        env.put("INSYN_USER", user);
        env.put("INSYN_PASSWORD", password);
    }

    void init() {
        env.put("INSYN_WORKSPACE", dir.toString());
        assertEquals(Cli.OK, run("admin\nAdministratören\n" + ADMIN + "\n" + ADMIN + "\n", "init"), this::err);
    }

    @Test
    void R9_theFirstStartAsksForTheAdministratorAndMakesTheWorkspace() {
        env.put("INSYN_WORKSPACE", dir.toString());
        assertEquals(Cli.USAGE, run("admin\nAdmin\nett-lösenord-1\nett-annat-2\n", "init"));
        assertTrue(err().contains("The two passwords differ"), err());
        assertFalse(Files.exists(dir.resolve("accounts.keys")), "nothing was made");

        assertEquals(Cli.USAGE, run("admin\nAdmin\nkort\nkort\n", "account", "list"));
        assertTrue(err().contains("insyn cli init"), "a command on no workspace says how to make one: " + err());

        assertEquals(Cli.OK, run(Messages.SWEDISH, "admin\nAdministratören\n" + ADMIN + "\n" + ADMIN + "\n", "init"), this::err);
        assertTrue(out().contains("Arbetsytan är skapad i " + dir + " med administratören admin"), out());
        assertTrue(Files.exists(dir.resolve("accounts.keys")));
        assertEquals(1, run("", "init"));
        assertTrue(err().contains("already a workspace"), err());

        as("admin", ADMIN);
        assertEquals(Cli.OK, run("", "account", "list"), this::err);
        assertEquals("admin\tAdministratören\tADMINISTRATOR\t\tenabled\n", out());
    }

    @Test
    void R9_anAdministratorKeepsUnitsAndAccountsAndEveryoneTheirOwnPassword() {
        init();
        as("admin", ADMIN);
        assertEquals(Cli.OK, run("", "unit", "save", "north", "--name", "IFO Nord", "--review", "after"), this::err);
        assertEquals("north\tIFO Nord\treview=after\n", out());
        assertEquals(Cli.OK, run("annas-första-lösen\nannas-första-lösen\n", "account", "create", "anna", "--name", "Anna Ek",
                "--roles", "investigator", "--units", "north"), this::err);
        assertEquals("anna\tAnna Ek\tINVESTIGATOR\tnorth\tenabled\n", out());
        assertEquals(Cli.USAGE, run("", "account", "create", "bo", "--roles", "chef"));
        assertTrue(err().contains("chef is not a role: use field_worker, investigator, supervisor, administrator"), err());
        assertEquals(1, run("x-lösenord-1234\nx-lösenord-1234\n", "account", "change", "anna", "--units", "north,south"));
        assertTrue(err().contains("south"), err());
        assertEquals(1, run("kort\nkort\n", "account", "create", "bo", "--roles", "investigator"));
        assertTrue(err().contains("at least 10 characters"), err());

        as("anna", "annas-första-lösen");
        assertEquals(1, run("bos-lösenord-123\nbos-lösenord-123\n", "account", "create", "bo", "--roles", "administrator"));
        assertTrue(err().contains("R9") && err().contains("role administrator"), "only an administrator makes accounts: " + err());
        assertEquals(Cli.OK, run("annas-andra-lösen\nannas-andra-lösen\n", "account", "password"), this::err);
        assertEquals(1, run("", "verify"), "the old password no longer opens the workspace");
        as("anna", "annas-andra-lösen");
        assertEquals(Cli.OK, run("", "verify"), this::err);

        as("admin", ADMIN);
        assertEquals(Cli.OK, run("", "account", "disable", "anna"), this::err);
        assertTrue(out().endsWith("\tdisabled\n"), out());
        as("anna", "annas-andra-lösen");
        assertEquals(1, run("", "verify"));
        as("admin", ADMIN);
        assertEquals(Cli.OK, run("annas-tredje-lösen\nannas-tredje-lösen\n", "account", "enable", "anna"), this::err);
        as("anna", "annas-tredje-lösen");
        assertEquals(Cli.OK, run("", "verify"), this::err);
    }

    @Test
    void R9_repeatedWrongPasswordsMustWaitAndTheUserIsAskedWhenNotGiven() {
        init();
        env.remove("INSYN_USER");
        env.remove("INSYN_PASSWORD");
        assertEquals(Cli.OK, run("admin\n" + ADMIN + "\n", "account", "list"), this::err);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, run("admin\nfel-lösenord-" + i + "\n", "account", "list"));
            assertTrue(err().contains("Wrong user name or password"), err());
        }
        assertEquals(1, run("admin\n" + ADMIN + "\n", "account", "list"));
        assertTrue(err().contains("Too many failed attempts: wait 1 seconds"), err());
    }
}
