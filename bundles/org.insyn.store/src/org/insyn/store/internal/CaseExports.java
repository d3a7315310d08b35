package org.insyn.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * R9, R10, R14: the documents of a case the workbench left in the workspace's {@code exports} folder
 * ({@code letter-case-<id>-<stamp>.pdf}, {@code evidence-case-<id>-<stamp>.pdf}, and a {@code .part} a crash left
 * behind) go when the case's content is weeded or erased: they hold the client's name.
 */
final class CaseExports {
    private CaseExports() {
    }

    static boolean of(String fileName, long caseId) {
        return Pattern.matches("[a-z]+-case-" + caseId + "-\\d{8}-\\d{6}\\.pdf(\\.part)?", fileName);
    }

    /** Deletes the case's files in the exports folder; other cases' files stay. */
    static void delete(Path exports, long caseId) throws IOException {
        if (!Files.isDirectory(exports)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(exports, f -> of(f.getFileName().toString(), caseId))) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }
}
