package org.insyn.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far an index has followed the store's change feed, and for which units it was built (shared mode: what a login
 * may see follows its units). Kept beside the index; holds numbers and unit ids, nothing of the items. Written after
 * the index has committed what it says, so after a crash the index at worst reads some changes again.
 */
record FeedState(long seq, Set<String> units) {
    private static final String FILE = "feed.properties";

    static Optional<FeedState> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            String units = p.getProperty("units", "");
            return Optional.of(new FeedState(Long.parseLong(p.getProperty("seq", "")),
                    units.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(units.split(",")))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // derived data: the index is rebuilt
        }
    }

    void write(Path folder) {
        Properties p = new Properties();
        p.setProperty("seq", Long.toString(seq));
        p.setProperty("units", String.join(",", new TreeSet<>(units)));
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Insyn: how far the index has followed the store");
            }
            Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // derived data: without the file the index is rebuilt at its next opening
            System.getLogger(FeedState.class.getName()).log(System.Logger.Level.WARNING, "index state not written", e);
        }
    }
}
