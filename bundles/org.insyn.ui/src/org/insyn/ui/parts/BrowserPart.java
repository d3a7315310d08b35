package org.insyn.ui.parts;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.browser.ProgressAdapter;
import org.eclipse.swt.browser.ProgressEvent;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.CaptureService;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.SelectedHit;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.work.Background;

/**
 * The chosen hit as a web page, and its capture as evidence (R7, R17): the visible area exactly as the worker sees it
 * here, sealed together with the capture service's own full-page capture of the same address. R15: scripts are off,
 * the browser's session cookies are dropped when the case or user changes, and each page shown is logged.
 */
public class BrowserPart {
    static final String KEY = "org.insyn.ui.part.browser";

    @Inject
    Background background;
    @Inject
    org.eclipse.e4.ui.model.application.MApplication app;
    @Inject
    @Optional
    CaptureService captures;

    private SignedIn signedIn;
    private SelectedHit shown;
    private Label address;
    private Browser browser;
    private Combo recordClass;
    private Button capture;
    private Label status;
    private long loadStarted;

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current, @Optional @Named(SelectedHit.KEY) SelectedHit hit) {
        Widgets.key(parent, KEY);
        parent.setLayout(new GridLayout(3, false));
        Ui.discussionMaterial(parent, 3);
        address = Ui.status(parent, KEY + ".address", 3);
        browser = Widgets.key(new Browser(parent, SWT.NONE), KEY + ".browser");
        browser.setJavascriptEnabled(false);
        browser.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        browser.addProgressListener(new ProgressAdapter() {
            @Override
            public void completed(ProgressEvent event) {
                logShown();
                // what is captured as seen is the page once it is there, not a half-loaded one
                capture.setEnabled(capturable(shown));
                capture.setToolTipText(capture.getEnabled() ? null : capture.getToolTipText());
            }
        });
        Ui.label(parent, "browser.recordClass");
        recordClass = Widgets.key(new Combo(parent, SWT.READ_ONLY), KEY + ".recordClass");
        for (RecordClass c : RecordClass.values()) {
            recordClass.add(Texts.get("recordClass." + c.name()));
        }
        recordClass.select(RecordClass.CLIENT_FILE.ordinal());
        capture = Ui.button(parent, KEY + ".capture", "browser.capture", this::capture);
        capture.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, true, false));
        status = Ui.status(parent, KEY + ".status", 3);
        signedIn = current;
        show(hit);
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn s) {
        if (signedIn != s && browser != null && !browser.isDisposed()) {
            Browser.clearSessions();
            show(null);
        }
        signedIn = s;
    }

    @Inject
    @Optional
    void caseChanged(@Optional @Named(ActiveCase.KEY) CaseFile c) {
        // R15: no cookies carried from one case to the next
        Browser.clearSessions();
    }

    @Inject
    @Optional
    void show(@Optional @Named(SelectedHit.KEY) SelectedHit hit) {
        if (browser == null || browser.isDisposed()) {
            return;
        }
        shown = hit;
        status.setText("");
        if (hit == null) {
            address.setText(Texts.get("browser.nothing"));
            browser.setText("<html><body></body></html>");
        } else {
            address.setText(hit.hit().title() + " \u2013 " + hit.hit().url());
            loadStarted = System.nanoTime();
            browser.setUrl(hit.hit().url());
        }
        capture.setEnabled(false);
        capture.setToolTipText(hit == null ? Texts.get("browser.nothing") : captures == null ? Texts.get("browser.noCaptureService")
                : Texts.get("browser.loading"));
        address.getParent().layout(true, true);
    }

    /** A shown hit can be captured; one from an outreach search without a case is captured into an outreach case (R8). */
    private boolean capturable(SelectedHit hit) {
        return hit != null && captures != null && signedIn != null;
    }

    /** R15: what the embedded browser showed goes to the network log, like every request the product makes. */
    private void logShown() {
        if (shown == null || signedIn == null) {
            return;
        }
        NetworkRequest r = new NetworkRequest(0, Instant.now(), signedIn.user().id(), "browser", "GET",
                browser.getUrl(), 0, 0, (System.nanoTime() - loadStarted) / 1_000_000, "shown", java.util.Optional.empty());
        var log = signedIn.workspace().networkLog();
        background.store(browser, "log-" + r.at().toEpochMilli(), monitor -> {
            log.record(r);
            return r;
        }, logged -> {
        });
    }

    /** The visible area of the page as it is on the screen now, as PNG. */
    private byte[] seen() {
        Rectangle area = browser.getClientArea();
        Point origin = browser.toDisplay(0, 0);
        Image image = new Image(browser.getDisplay(), area.width, area.height);
        GC gc = new GC(browser.getDisplay());
        try {
            gc.copyArea(image, origin.x, origin.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            loader.save(png, SWT.IMAGE_PNG);
            return png.toByteArray();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private void capture() {
        SelectedHit hit = shown;
        if (hit.caseId().isPresent()) {
            capture(hit, hit.caseId().get(), false, seen());
            return;
        }
        // R8: an outreach finding without a case: choose or make the outreach case, then capture, in one step; the page
        // as seen is taken now, before a dialog covers it
        byte[] seen = seen();
        SignedIn who = signedIn;
        capture.setEnabled(false);
        background.store(capture, "outreach-cases", monitor -> {
            var j = who.session().justification(hit.justificationId());
            return java.util.Map.entry(j, who.session().cases().stream().filter(c -> c.isOpen() && c.unitId().equals(j.unitId())).toList());
        }, found -> {
            capture.setEnabled(capturable(shown));
            if (hit != shown || who != signedIn) {
                return;
            }
            var dialog = new org.insyn.ui.dialogs.OutreachCaseDialog(capture.getShell(), who.session(), found.getKey().unitId(),
                    Texts.get("outreachCase.suggested", hit.hit().title()), found.getValue());
            if (dialog.open() == org.eclipse.jface.window.Window.OK && dialog.chosen().isPresent()) {
                CaseFile c = dialog.chosen().get();
                // the page stays as shown; a second capture of it goes to the same case
                shown = new SelectedHit(hit.hit(), hit.justificationId(), java.util.Optional.of(c.id()));
                capture(shown, c.id(), true, seen);
                ActiveCase.set(app.getContext(), c);
            }
        }, failure -> capture.setEnabled(capturable(shown)));
    }

    /** {@code join}: the outreach search's justification joins the case first (R8), so none is left without one. */
    private void capture(SelectedHit hit, long caseId, boolean join, byte[] seen) {
        SignedIn who = signedIn;
        RecordClass recordAs = RecordClass.values()[recordClass.getSelectionIndex()];
        capture.setEnabled(false);
        status.setText(Texts.get("browser.capturing"));
        background.run(Texts.get("browser.capture.job", hit.hit().url()), monitor -> {
            if (join && who.session().justification(hit.justificationId()).caseId().isEmpty()) {
                who.session().attachToCase(hit.justificationId(), caseId);
            }
            return captures.capture(who.workspace(), who.session(),
                new CaptureService.Request(caseId, hit.justificationId(), java.util.Optional.of(hit.hit().id()),
                        URI.create(hit.hit().url()), recordAs, java.util.Optional.of(seen)));
        }, c -> {
                            if (!status.isDisposed()) {
                                capture.setEnabled(capturable(shown));
                                status.setText(Texts.get("browser.captured", c.id(), Ui.when(c.capturedAt()), c.manifestSha256()));
                                status.getParent().layout(true, true);
                            }
                        }, failure -> {
                            if (!status.isDisposed()) {
                                capture.setEnabled(capturable(shown));
                                status.setText("");
                            }
                            background.show(failure);
                        });
    }
}
