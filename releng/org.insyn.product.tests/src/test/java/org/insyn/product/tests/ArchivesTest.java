package org.insyn.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives people install from (./insyn build makes both): the Linux one carries its own Java runtime, so it runs
 * on a machine without a JDK; the Windows one has the Windows SWT and a batch launcher.
 */
class ArchivesTest {
    /** The tools the launch script calls besides java; the PATH of these tests holds these and nothing else. */
    static final Set<String> SCRIPT_TOOLS = Set.of("sh", "dirname", "sed", "ls", "sort", "head", "tail");

    static Path archive(String name) {
        Path file = Path.of(System.getProperty("insyn.releng", "releng"), "org.insyn.product", "target", "products", name)
                .toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(file), "no " + file + ": build it first (./insyn build)");
        return file;
    }

    /** Unpacks the Linux archive as a user does, with tar, and returns its product folder. */
    static Path unpackLinux(Path dir) throws Exception {
        Process tar = new ProcessBuilder("tar", "-xzf", archive("insyn-linux.gtk.x86_64.tar.gz").toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), out);
        return dir.resolve("insyn");
    }

    /** A PATH with only the script's tools: no java, no JDK anywhere on it. */
    static Path pathWithoutJava(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : SCRIPT_TOOLS) {
            Path found = Files.isExecutable(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        return bin;
    }

    /** The product's launch script from the unpacked archive, with no JDK on the PATH and no JAVA_HOME. */
    static ProcessBuilder script(Path folder, Path bin, Path workspace, String... args) {
        ProcessBuilder pb = new ProcessBuilder(folder.resolve("insyn").toString());
        pb.command().addAll(java.util.List.of(args));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("INSYN_") || name.startsWith("JAVA") || name.startsWith("JDK"));
        env.put("PATH", bin.toString());
        env.put("INSYN_WORKSPACE", workspace.toString());
        return pb;
    }

    /** The launch script execs java: once it has, the process is the runtime it chose. */
    static String runtimeOf(Process p) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (p.isAlive() && System.nanoTime() < until) {
            String command = p.info().command().orElse("");
            if (command.endsWith("/java")) {
                return command;
            }
            Thread.sleep(5);
        }
        return "(ended before starting java)";
    }

    @Test
    void linuxArchiveRunsTheCommandLineOnItsOwnRuntimeWithoutAnyJdk(@TempDir Path dir) throws Exception {
        Path folder = unpackLinux(dir);
        Path java = folder.resolve("jre/bin/java");
        assertTrue(Files.isExecutable(java), "the archive carries a Java runtime in jre/");
        assertTrue(Files.readString(folder.resolve("jre/release")).contains("JAVA_VERSION="), "a runtime made by jlink");

        Path output = dir.resolve("cli.txt");
        Process p = script(folder, pathWithoutJava(dir), dir.resolve("workspace"), "cli", "--help").redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        String runtime = runtimeOf(p);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "insyn cli --help ended");
        String printed = Files.readString(output);
        assertEquals(0, p.exitValue(), printed);
        assertEquals(java.toRealPath().toString(), runtime, "the command line runs on the archive's own runtime");
        assertTrue(printed.contains("insyn cli --help | --version"), printed);
        assertTrue(!ProductTest.ERROR_ENTRY.matcher(printed).find(), printed);
    }

    @Test
    void linuxArchiveStartsTheWorkbenchOnItsOwnRuntimeWithoutAnyJdk(@TempDir Path dir) throws Exception {
        Path folder = unpackLinux(dir);
        Path workspace = ProductTest.workspaceWithInvestigator(dir.resolve("workspace"));
        Path console = dir.resolve("console.log");
        Product insyn = new Product(folder, Product.INSYN_WINDOW);
        ProcessBuilder workbench = script(folder, pathWithoutJava(dir), workspace);
        workbench.environment().put("INSYN_LANG", "en");
        Process p = workbench.redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            assertEquals(folder.resolve("jre/bin/java").toRealPath().toString(), runtimeOf(p), "the workbench runs on the archive's own runtime");
            Duration window = ProductTest.signInAndWait(insyn, p, console);
            assertTrue(p.isAlive());
            String log = Files.readString(console);
            assertTrue(!ProductTest.ERROR_ENTRY.matcher(log).find(), "errors logged at start:\n" + log);
            System.out.println("Insyn workbench from the Linux archive, window after sign-in " + window.toMillis() + " ms from start");
        } finally {
            Product.stop(p);
        }
    }

    @Test
    void windowsArchiveHasTheWindowsSwtAndABatchLauncher() throws Exception {
        Set<String> entries = new TreeSet<>();
        String launcher;
        try (ZipFile zip = new ZipFile(archive("insyn-win32.win32.x86_64.zip").toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
            ZipEntry cmd = zip.getEntry("insyn/insyn.cmd");
            assertTrue(cmd != null, "insyn/insyn.cmd in " + entries);
            launcher = new String(zip.getInputStream(cmd).readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("insyn/plugins/org.eclipse.swt.win32.win32.x86_64_")), "Windows SWT");
        assertTrue(entries.stream().noneMatch(e -> e.contains("gtk")), "nothing of GTK");
        assertTrue(entries.stream().noneMatch(e -> e.equals("insyn/insyn")), "no shell script");
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("insyn/plugins/org.eclipse.equinox.launcher_")), "the Equinox launcher");
        assertTrue(launcher.contains("\r\n"), "Windows line ends");
        assertTrue(launcher.contains("-application org.insyn.app.cli"), "insyn cli");
    }
}
