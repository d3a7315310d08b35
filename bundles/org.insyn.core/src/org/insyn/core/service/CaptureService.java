package org.insyn.core.service;

import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import org.insyn.core.model.Capture;
import org.insyn.core.model.RecordClass;

/**
 * R7, R15, R17: documents a page as sealed evidence (screenshots, DOM, MHTML, media, WARC, manifest, timestamp)
 * and checks it later. Offered as an OSGi service by the capture bundle.
 */
public interface CaptureService {

    /**
     * Captures the page for the case under the justification, puts its artifacts into the workspace's blob store,
     * logs every request the page made (R15) and saves the capture with its audit entry. The capture exists only
     * once saved: a refusal or a failure leaves nothing behind.
     *
     * @throws org.insyn.core.InsynException INVALID with a message a person can act on (unreachable host, TLS
     *                                       error, a download rather than a page, Chromium missing, ...)
     */
    Capture capture(Workspace workspace, Session session, Request request);

    /** R17: re-hashes the artifacts of every capture in the workspace and checks manifests and timestamps. */
    VerifyReport verify(Workspace workspace);

    /** As {@link #verify(Workspace)}, trusting also the authorities whose certificates are in {@link WorkspaceConfig#tsaAnchors()}. */
    default VerifyReport verify(Workspace workspace, WorkspaceConfig config) {
        return verify(workspace);
    }

    /** Writes the capture as a WACZ package (datapackage.json with every file's SHA-256). */
    void exportWacz(Workspace workspace, Capture capture, OutputStream out);

    /**
     * What to capture, for which case and justification; {@code hitId} when it documents a finding. {@code seen} is the
     * page as the worker saw it in the workbench's browser (a PNG of the visible area), sealed with the capture as
     * {@value #SEEN_SCREENSHOT} (R7).
     */
    record Request(long caseId, long justificationId, Optional<Long> hitId, URI url, RecordClass recordClass, Optional<byte[]> seen) {
        public Request {
            Objects.requireNonNull(hitId, "hitId");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(recordClass, "recordClass");
            Objects.requireNonNull(seen, "seen");
        }

        /** A capture made without the workbench's browser (the command line). */
        public Request(long caseId, long justificationId, Optional<Long> hitId, URI url, RecordClass recordClass) {
            this(caseId, justificationId, hitId, url, recordClass, Optional.empty());
        }
    }

    /** The artifact name of the screenshot of the page as the worker saw it. */
    String SEEN_SCREENSHOT = "screenshot-seen.png";
}
