package org.insyn.index.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.insyn.core.InsynException;
import org.insyn.core.service.IndexSource;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndex.Progress;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;

/**
 * Opens the encrypted index of a workspace under {@code <workspace>/index} for its signed-in person; a Declarative
 * Services component.
 */
public final class IndexService implements SearchIndexProvider {

    @Override
    public SearchIndex open(WorkspaceConfig config, Workspace workspace, Progress progress) {
        try {
            IndexSource source = workspace.indexSource();
            Directory directory = directory(config.directory().resolve("index"), workspace.indexKey());
            boolean healthy = LuceneIndex.isHealthy(directory);
            if (!healthy) {
                // Derived data: a missing or corrupt index is thrown away and rebuilt from the store.
                for (String file : directory.listAll()) {
                    directory.deleteFile(file);
                }
            }
            LuceneIndex lucene = new LuceneIndex(directory);
            WorkspaceIndex index = new WorkspaceIndex(lucene, source, workspace.blobs(), workspace.session());
            // Follow before rebuilding, so that no change made meanwhile is missed.
            index.follow(workspace);
            if (!healthy || lucene.size() != source.count()) {
                index.reindex(progress);
            }
            return index;
        } catch (IOException e) {
            throw new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "search.failed", e.getMessage());
        }
    }

    @Override
    public List<Problem> check(WorkspaceConfig config, Workspace workspace) {
        Path folder = config.directory().resolve("index");
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
