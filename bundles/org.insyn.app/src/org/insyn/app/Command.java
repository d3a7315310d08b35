package org.insyn.app;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code insyn cli}. */
public interface Command {
    String name();

    /** One line for the usage text. */
    String summary();

    /** @return the process exit code: 0 success, 1 a finding or failure, 2 bad usage */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
