package org.insyn.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.crypto.SecretKey;

import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.insyn.core.InsynException;
import org.insyn.core.service.IndexSource;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndex.Progress;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.osgi.service.component.annotations.Component;

/**
 * Opens the encrypted index of a workspace under {@code <workspace>/index} for its signed-in person; a Declarative
 * Services component.
 */
@Component(name = "org.insyn.index", service = SearchIndexProvider.class)
public final class IndexService implements SearchIndexProvider {

    @Override
    public SearchIndex open(WorkspaceConfig config, Workspace workspace, Progress progress) {
        try {
            IndexSource source = workspace.indexSource();
            // Shared mode: each person has their own index in the local profile, holding only what their login may
            // see; embedded mode: one index of the workspace, filtered at search time.
            boolean perPerson = config.postgresUrl().isPresent();
            Set<String> units = workspace.user().unitIds();
            Path folder = folder(config, workspace);
            Optional<Path> scratch = Optional.empty();
            if (perPerson && inUse(folder)) {
                // the same person's other process (the workbench while a command runs) holds their index: this one
                // works on a copy of its own, built now and removed when closed, so neither waits for the other
                Path own = folder.resolveSibling(folder.getFileName() + ".p" + ProcessHandle.current().pid());
                deleteTree(own);
                folder = own;
                scratch = Optional.of(own);
            }
            Optional<FeedState> state = FeedState.read(folder);
            Directory directory = directory(folder, workspace.indexKey());
            boolean healthy = LuceneIndex.isHealthy(directory);
            if (!healthy) {
                // Derived data: a missing or corrupt index is thrown away and rebuilt from the store.
                for (String file : directory.listAll()) {
                    directory.deleteFile(file);
                }
            }
            LuceneIndex lucene = new LuceneIndex(directory);
            WorkspaceIndex index = new WorkspaceIndex(lucene, source, workspace.blobs(), workspace.session());
            index.keepState(folder, perPerson, units);
            // Follow before catching up or rebuilding, so that no change made meanwhile is missed.
            index.follow(workspace);
            index.catchUp(state, !healthy || state.isEmpty() && lucene.size() != source.count(), progress);
            scratch.ifPresent(f -> index.afterClose(() -> deleteTree(f)));
            return index;
        } catch (IOException e) {
            throw new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "search.failed", e.getMessage());
        }
    }

    /** The index of the signed-in person in shared mode, else the workspace's one. */
    private static Path folder(WorkspaceConfig config, Workspace workspace) {
        Path index = config.directory().resolve("index");
        return config.postgresUrl().isPresent() ? index.resolve("people").resolve(folderName(workspace.user().id())) : index;
    }

    private static boolean inUse(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("lucene"));
        try (Directory d = FSDirectory.open(folder.resolve("lucene")); Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A person's id as a folder name: as it is when it is plain, else its hash. */
    static String folderName(String userId) {
        return userId.matches("[A-Za-z0-9._-]{1,64}") && !userId.startsWith(".") ? userId
                : java.util.HexFormat.of().formatHex(sha256(userId), 0, 16);
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Problem> check(WorkspaceConfig config, Workspace workspace) {
        Path folder = folder(config, workspace);
        if (!Files.isDirectory(folder.resolve("lucene"))) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        try (Directory directory = directory(folder, workspace.indexKey())) {
            for (String file : directory.listAll()) {
                if (file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    continue;
                }
                // every Lucene file ends with a CRC32 footer over the whole file (decrypted here)
                try (IndexInput in = directory.openInput(file, IOContext.DEFAULT)) {
                    CodecUtil.checksumEntireFile(in);
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(Kind.INDEX_DAMAGED, "index file " + file,
                            "the search index is damaged: run 'insyn cli reindex' to rebuild it from the store"));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(Kind.INDEX_DAMAGED, "index " + folder,
                    "the search index cannot be read: run 'insyn cli reindex' to rebuild it from the store"));
        }
        return problems;
    }

    /** The encrypted Lucene directory of an index folder, under the workspace's index key (R9). */
    public static Directory directory(Path folder, SecretKey key) throws IOException {
        return new EncryptedDirectory(FSDirectory.open(folder.resolve("lucene")), key);
    }
}
