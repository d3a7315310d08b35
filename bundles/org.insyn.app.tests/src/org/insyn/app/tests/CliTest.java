package org.insyn.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.insyn.app.Cli;
import org.insyn.app.Command;
import org.junit.jupiter.api.Test;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final Command echo = new Command() {
        public String name() { return "echo"; }
        public String summary() { return "prints its arguments"; }
        public int run(List<String> args, PrintStream o, PrintStream e) {
            o.print(String.join(" ", args));
            return args.isEmpty() ? 1 : 0;
        }
    };

    private int run(String... args) {
        return new Cli("1.2.3", List.of(echo)).run(List.of(args), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("echo         prints its arguments"), out::toString);
    }

    @Test
    void noCommandPrintsUsageToStderrAndExitsTwo() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Insyn 1.2.3"));
    }

    @Test
    void unknownCommandSaysSoAndExitsTwo() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("there is no command 'frobnicate'"));
    }

    @Test
    void commandGetsTheRestOfTheArgumentsAndItsExitCodeIsPassedOn() {
        assertEquals(0, run("echo", "a", "b"));
        assertEquals("a b", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("echo"));
    }

    @Test
    void failingCommandReportsItsMessageAndExitsOne() {
        Command boom = new Command() {
            public String name() { return "boom"; }
            public String summary() { return "fails"; }
            public int run(List<String> args, PrintStream o, PrintStream e) { throw new IllegalStateException("disk full"); }
        };
        assertEquals(1, new Cli("1", List.of(boom)).run(List.of("boom"), print(out), print(err)));
        assertEquals("insyn boom: disk full", err.toString(StandardCharsets.UTF_8).trim());
    }
}
