package org.insyn.capture.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.insyn.core.InsynException;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.service.BlobStore;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.CaptureSettings;
import org.insyn.core.service.Session;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.VerifyReport.Problem;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The capture service over Debian's Chromium (R7, R15, R17). The blobs go to the workspace's encrypted blob store
 * first and the capture row last, in one transaction with its audit entry: until that row is written there is no
 * capture, and a failure before it takes back the blobs this capture added.
 */
@Component(name = "org.insyn.capture", service = CaptureService.class)
public final class ChromiumCaptureService implements CaptureService {
    /**
     * The RFC 3161 timestamp authority: this system property, else the environment variable {@value #TSA_ENV}, else the
     * {@link CaptureSettings#timestampAuthority() setting} (Window › Preferences in the workbench).
     */
    public static final String TSA_PROPERTY = "insyn.capture.tsa";
    public static final String TSA_ENV = "INSYN_TSA_URL";
    public static final String TSA_PREFERENCE = "tsa.url";
    /** R17: a folder of PEM certificates of the timestamp authorities the city trusts; property, environment, preference. */
    public static final String ANCHORS_PROPERTY = "insyn.capture.tsaAnchors";
    public static final String ANCHORS_ENV = "INSYN_TSA_ANCHORS";

    private final Supplier<CaptureOptions> options;
    private final Trackers trackers;
    private final String tool;
    private final ZoneId zone;
    /** Bound by DS when the runtime has preferences; read at each capture, so a changed authority applies at once. */
    private volatile CaptureSettings preferences;

    /** The OSGi component: Debian's Chromium, the built-in tracker list, the authority as configured now. */
    public ChromiumCaptureService() {
        this.options = () -> CaptureOptions.defaults().withTimestampAuthority(timestampAuthority(System::getProperty, System::getenv,
                key -> preferences == null ? null : preferences.timestampAuthority().orElse(null)));
        this.trackers = Trackers.builtIn();
        this.tool = "Insyn " + bundleVersion();
        this.zone = ZoneId.systemDefault();
    }

    @Reference(name = "preferences", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetPreferences")
    public void setPreferences(CaptureSettings preferences) {
        this.preferences = preferences;
    }

    public void unsetPreferences(CaptureSettings gone) {
        if (preferences == gone) {
            preferences = null;
        }
    }

    /** The system property first, then the environment, then the preference; blank counts as not set. */
    public static Optional<URI> timestampAuthority(UnaryOperator<String> properties, UnaryOperator<String> environment,
            UnaryOperator<String> preferences) {
        return Optional.ofNullable(properties.apply(TSA_PROPERTY)).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(environment.apply(TSA_ENV)).filter(s -> !s.isBlank()))
                .or(() -> Optional.ofNullable(preferences.apply(TSA_PREFERENCE)).filter(s -> !s.isBlank()))
                .map(s -> URI.create(s.strip()));
    }

    /**
     * The trusted timestamp authorities' certificates: from the folder the property, environment or preference names,
     * and from the workspace's own folder when there is one.
     */
    private List<java.security.cert.X509Certificate> trustAnchors(Optional<java.nio.file.Path> inWorkspace) throws IOException {
        Optional<String> folder = Optional.ofNullable(System.getProperty(ANCHORS_PROPERTY)).filter(f -> !f.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(ANCHORS_ENV)).filter(f -> !f.isBlank()))
                .or(() -> preferences == null ? Optional.empty() : preferences.timestampTrustAnchors());
        List<java.security.cert.X509Certificate> anchors = new ArrayList<>();
        if (folder.isPresent()) {
            anchors.addAll(TimestampTrust.anchors(java.nio.file.Path.of(folder.get().strip())));
        }
        if (inWorkspace.isPresent()) {
            anchors.addAll(TimestampTrust.anchors(inWorkspace.get()));
        }
        return anchors;
    }

    /** With the options read at each capture, the built-in tracker list, the tool's name and the local time zone. */
    public ChromiumCaptureService(Supplier<CaptureOptions> options, String tool, ZoneId zone) {
        this.options = options;
        this.trackers = Trackers.builtIn();
        this.tool = tool;
        this.zone = zone;
    }

    private static String bundleVersion() {
        Bundle bundle = FrameworkUtil.getBundle(ChromiumCaptureService.class);
        return bundle == null ? "development" : bundle.getVersion().toString();
    }

    @Override
    public Capture capture(Workspace workspace, Session session, Request request) {
        // R1, R2, R4: the store decides and audits, in one transaction, before the browser starts
        session.startCapture(request.caseId(), request.justificationId(), request.url());
        Evidence evidence;
        PageCapture page;
        try {
            page = new PageCapturer(options.get(), trackers).capture(request.url());
            log(workspace, session, page);
            evidence = new Sealer(tool, zone, options.get().timestampAuthority()
                    .map(tsa -> new TimestampClient(tsa, workspace.networkLog()::record, session.user().id()))).seal(page,
                    new CaptureContext(session.user().id(), request.caseId(), request.justificationId(), request.hitId()), request.seen());
        } catch (IOException e) {
            throw InsynException.invalid("capture.failed", request.url(), Sealer.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InsynException.invalid("capture.failed", request.url(), "interrupted");
        }
        return store(workspace, session, request, evidence);
    }

    private Capture store(Workspace workspace, Session session, Request request, Evidence evidence) {
        BlobStore blobs = workspace.blobs();
        List<String> added = new ArrayList<>();
        try {
            Map<String, String> artifacts = new LinkedHashMap<>();
            for (Artifact a : evidence.artifacts()) {
                artifacts.put(a.name(), put(blobs, a.content(), added));
            }
            String manifest = put(blobs, evidence.manifest(), added);
            return session.saveCapture(new Capture(0, request.caseId(), request.justificationId(), request.hitId(),
                    evidence.url(), evidence.finalUrl(), evidence.httpStatus(), evidence.capturedAt(), evidence.zoneId(),
                    session.user().id(), evidence.tool(), artifacts, manifest, evidence.timestampToken(),
                    request.recordClass(), evidence.complete()));
        } catch (RuntimeException e) {
            added.forEach(blobs::delete);
            throw e;
        }
    }

    /** Puts the bytes and remembers their hash when they were not stored before (only those are taken back). */
    private static String put(BlobStore blobs, byte[] content, List<String> added) {
        String sha256 = Hashes.sha256(content);
        boolean existed = blobs.exists(sha256);
        String stored = blobs.put(new ByteArrayInputStream(content));
        if (!existed) {
            added.add(stored);
        }
        if (!stored.equals(sha256)) {
            throw new InsynException(InsynException.Kind.INTEGRITY, Optional.empty(), "capture.failed", sha256, "blob store hash " + stored);
        }
        return stored;
    }

    /** R15: every request the page made, and every one blocked, goes to the network log. */
    private static void log(Workspace workspace, Session session, PageCapture page) {
        for (RequestLogEntry r : page.requests()) {
            workspace.networkLog().record(new NetworkRequest(0, r.at(), session.user().id(), "capture", r.method(), r.url(),
                    r.status(), r.bytes(), r.millis(), r.outcome(), Optional.empty()));
        }
    }

    @Override
    public VerifyReport verify(Workspace workspace) {
        return verify(workspace, Optional.empty());
    }

    @Override
    public VerifyReport verify(Workspace workspace, WorkspaceConfig config) {
        return verify(workspace, Optional.of(config.tsaAnchors()));
    }

    private VerifyReport verify(Workspace workspace, Optional<java.nio.file.Path> anchorsInWorkspace) {
        BlobStore blobs = workspace.blobs();
        List<Problem> problems = new ArrayList<>();
        List<VerifyReport.Timestamp> timestamps = new ArrayList<>();
        long checked = 0;
        List<java.security.cert.X509Certificate> anchors;
        try {
            anchors = trustAnchors(anchorsInWorkspace);
        } catch (IOException e) {
            problems.add(new Problem(VerifyReport.Kind.CAPTURE_MISMATCH, "timestamp trust anchors", e.getMessage()));
            anchors = List.of();
        }
        CaptureVerifier verifier = new CaptureVerifier(anchors);
        // every capture of the workspace, read as the system does for the index (in shared mode: those the login sees)
        Map<Long, Capture> captures = new TreeMap<>();
        workspace.indexSource().forEachCapture(capture -> captures.put(capture.id(), capture));
        for (Capture capture : captures.values()) {
            checked += capture.artifacts().size() + 1;
            problems.addAll(verifier.verify("capture " + capture.id(), () -> read(blobs, capture.manifestSha256()),
                    capture.manifestSha256(), capture.artifacts(), name -> read(blobs, Optional
                            .ofNullable(capture.artifacts().get(name)).orElseThrow(() -> InsynException.notFound("artifact", name))),
                    capture.timestampToken()));
            verifier.verdict().ifPresent(v -> timestamps.add(new VerifyReport.Timestamp(capture.id(), v.signedBy(), v.trusted())));
        }
        return new VerifyReport(0, checked, problems, timestamps);
    }

    @Override
    public void exportWacz(Workspace workspace, Capture capture, OutputStream out) {
        BlobStore blobs = workspace.blobs();
        byte[] manifest = read(blobs, capture.manifestSha256());
        List<Artifact> artifacts = new ArrayList<>();
        try {
            for (var a : Cdp.JSON.readTree(manifest).path("artifacts")) {
                artifacts.add(new Artifact(a.path("name").asText(), a.path("mediaType").asText(),
                        read(blobs, capture.artifacts().get(a.path("name").asText())), a.path("sha256").asText()));
            }
            String title = Cdp.JSON.readTree(manifest).path("title").asText();
            Wacz.write(new Evidence(capture.url(), capture.finalUrl(), capture.httpStatus(), title, capture.capturedAt(),
                    capture.zoneId(), capture.tool(), capture.complete(), artifacts, manifest, capture.manifestSha256(),
                    capture.timestampToken()), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(BlobStore blobs, String sha256) {
        try (InputStream in = blobs.open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
