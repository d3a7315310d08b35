package org.insyn.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A plain JVM outside OSGi that runs a test's main class on the classes of bundles of this runtime: for the tests that
 * kill a real process with SIGKILL in the middle of its work and then look at what it left.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** A started child: its process and the lines it prints after "ready". */
    public record Child(Process process, BufferedReader lines) {
    }

    /** The class path of these bundles, their fragments (the tests' main classes) and every bundle they are wired to. */
    public static String classPath(Bundle... roots) {
        Set<Bundle> bundles = new LinkedHashSet<>();
        for (Bundle root : roots) {
            collect(root, bundles);
        }
        String area = roots[0].getBundleContext() != null ? roots[0].getBundleContext().getProperty("osgi.install.area") : null;
        // relative locations are relative to the framework's install area (Equinox resolves them so)
        Path install = area == null ? Path.of("").toAbsolutePath() : Path.of(area.substring(area.indexOf("file:") + "file:".length()));
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle b : bundles) {
            String location = b.getLocation();
            Path p = install.resolve(location.substring(location.indexOf("file:") + "file:".length())).normalize();
            // a reactor project: its classes under target/, its resources (db/migration) at its root
            for (String out : new String[] { "target/classes", "target/test-classes" }) {
                if (Files.isDirectory(p) && Files.isDirectory(p.resolve(out))) {
                    entries.add(p.resolve(out).toString());
                }
            }
            entries.add(p.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void collect(Bundle b, Set<Bundle> into) {
        if (b.getBundleId() == 0 || !into.add(b)) {
            return;
        }
        BundleWiring wiring = b.adapt(BundleWiring.class);
        for (BundleWire w : wiring.getRequiredWires(null)) {
            collect(w.getProviderWiring().getBundle(), into);
        }
        for (BundleWire w : wiring.getProvidedWires("osgi.wiring.host")) {
            collect(w.getRequirerWiring().getBundle(), into);
        }
    }

    /**
     * Starts {@code main} in a JVM like this one (C1 only, for a quick start) on the class path, with these JVM options
     * and environment variables added, and returns once it printed "ready"; fails the test with what it printed if it
     * ends before that.
     */
    public static Child start(String classPath, List<String> options, Map<String, String> env, Class<?> main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> early = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null && !line.equals("ready")) {
            early.add(line);
        }
        if (line == null) {
            throw new AssertionError(main.getSimpleName() + " did not start:\n" + String.join("\n", early) + "\nclass path: " + classPath);
        }
        return new Child(process, lines);
    }
}
