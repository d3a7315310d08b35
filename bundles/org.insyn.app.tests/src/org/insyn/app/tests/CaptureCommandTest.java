package org.insyn.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insyn.app.CaptureCommand;
import org.insyn.app.Cli;
import org.junit.jupiter.api.Test;

/** Bad command lines are refused before any workspace is opened or any page is fetched. */
class CaptureCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        CaptureCommand command = new CaptureCommand(() -> {
            throw new AssertionError("no workspace may be opened");
        }, () -> {
            throw new AssertionError("nothing may be captured");
        }, env, Workspaces.NOTHING_TO_ASK, Locale.ENGLISH);
        return new Cli("1", List.of(command)).run(List.of(args), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void captureWithoutCaseIsAUsageError() {
        assertEquals(Cli.USAGE, run(Workspaces.ANNA, "capture", "--workspace", "/tmp/w", "--user", "anna",
                "--justification", "1", "http://127.0.0.1:1/"));
        assertTrue(err().contains("Missing --case."), err());
        assertTrue(err().contains("usage: insyn cli capture"), err());
    }

    @Test
    void captureWithoutWorkspaceSaysHowToNameOne() {
        assertEquals(Cli.USAGE, run(Map.of(), "capture", "--user", "anna", "--case", "1", "--justification", "1",
                "http://127.0.0.1:1/"));
        assertTrue(err().contains("INSYN_WORKSPACE"), err());
    }

    @Test
    void captureWithoutUrlOrWithWordsForNumbersIsAUsageError() {
        assertEquals(Cli.USAGE, run(Workspaces.ANNA, "capture", "--workspace", "/tmp/w", "--user", "anna",
                "--case", "1", "--justification", "1"));
        assertTrue(err().contains("Missing the address"), err());
        assertEquals(Cli.USAGE, run(Workspaces.ANNA, "capture", "--workspace", "/tmp/w", "--user", "anna",
                "--case", "one", "--justification", "1", "http://127.0.0.1:1/"));
        assertTrue(err().contains("take numbers"), err());
    }

    @Test
    void anAddressWithSpacesIsRefusedInWordsWithAdvice() {
        assertEquals(Cli.USAGE, run(Workspaces.ANNA, "capture", "--workspace", "/tmp/w", "--user", "anna",
                "--case", "1", "--justification", "1", "www blocket.se/annons"));
        assertTrue(err().contains("www blocket.se/annons is not a web address. Write it as it stands in the browser"), err());
        assertFalse(err().contains("Illegal character"), err());
    }
}
