package org.insyn.ui.work;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.insyn.ui.SignedIn;

/**
 * Where the workbench writes the documents it makes (letters, evidence reports): the workspace's {@code exports}
 * folder, one file per document, named by what it is and when it was made. A file appears whole or not at all.
 */
public final class Exports {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Exports() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The workspace's exports folder, where documents go unless the person chooses another. */
    public static Path folder(SignedIn signedIn) {
        return signedIn.location().directory().resolve("exports");
    }

    /** Writes {@code name-STAMP.pdf} in the exports folder and returns its path. */
    public static Path write(SignedIn signedIn, String name, Writer writer) {
        return write(folder(signedIn), name, writer);
    }

    /** Writes {@code name-STAMP.pdf} in {@code into} (made if missing) and returns its path. */
    public static Path write(Path into, String name, Writer writer) {
        try {
            Path folder = Files.createDirectories(into);
            Path file = folder.resolve(name + "-" + STAMP.format(LocalDateTime.now()) + ".pdf");
            Path partial = folder.resolve(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                writer.write(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
