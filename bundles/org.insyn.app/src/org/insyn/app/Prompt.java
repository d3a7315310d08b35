package org.insyn.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asks the person at the command line. On a terminal a password is read without echo; when the input is not a
 * terminal (a script, a test) each answer is one line of it, so nothing secret ever goes on the command line.
 */
public interface Prompt {

    /** An answer, or empty when there is nothing more to read. */
    Optional<String> line(String question);

    /** A password, never echoed; empty when there is nothing more to read. */
    Optional<char[]> secret(String question);

    /** The terminal when there is one, else standard input (questions then go to standard error). */
    static Prompt system() {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            return new Prompt() {
                @Override
                public Optional<String> line(String question) {
                    return Optional.ofNullable(console.readLine("%s", question));
                }

                @Override
                public Optional<char[]> secret(String question) {
                    return Optional.ofNullable(console.readPassword("%s", question));
                }
            };
        }
        return reading(new InputStreamReader(System.in, StandardCharsets.UTF_8), System.err);
    }

    /** Answers read line by line; each question is written to {@code questions} first. */
    static Prompt reading(Reader input, PrintStream questions) {
        BufferedReader lines = new BufferedReader(input);
        return new Prompt() {
            @Override
            public Optional<String> line(String question) {
                questions.print(question);
                questions.flush();
                try {
                    return Optional.ofNullable(lines.readLine());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<char[]> secret(String question) {
                return line(question).map(String::toCharArray);
            }
        };
    }

    /** Java 22 and later give a Console also when the input is redirected; only a terminal can hide what is typed. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
