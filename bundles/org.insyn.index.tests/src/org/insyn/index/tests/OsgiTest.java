package org.insyn.index.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.lucene.codecs.Codec;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.SearchQuery;
import org.insyn.index.internal.IndexService;
import org.insyn.index.internal.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Lucene finds its codecs through ServiceLoader, which can break under OSGi: a real round trip in the runtime. */
class OsgiTest {

    @Test
    void luceneIndexRoundTripInsideOsgi(@TempDir Path dir) throws Exception {
        Bundle lucene = FrameworkUtil.getBundle(Codec.class);
        Bundle ours = FrameworkUtil.getBundle(LuceneIndex.class);
        assertNotNull(lucene, "Lucene is loaded from an OSGi bundle");
        assertNotSame(lucene, ours);
        assertEquals(Codec.getDefault(), Codec.forName(Codec.getDefault().getName()));

        try (LuceneIndex index = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            index.put(Items.note(1, 10, "Hembesök hos familjen i Husby, barnen mår bra."));
        }
        try (LuceneIndex reopened = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            assertEquals(1, reopened.search(SearchQuery.of("husby")).found().size());
            assertEquals(1, reopened.search(SearchQuery.of("hembesöket")).found().size());
        }
    }

    @Test
    void providerIsADeclarativeService() throws Exception {
        // Nobody starts the bundle: its lazy activation policy must be enough for SCR to offer the service.
        BundleContext context = FrameworkUtil.getBundle(LuceneIndex.class).getBundleContext();
        assertNotNull(context, "the index bundle is started (lazily) by the framework");
        assertTrue(service(SearchIndexProvider.class) instanceof IndexService, "SCR registered the index provider");
    }
}
