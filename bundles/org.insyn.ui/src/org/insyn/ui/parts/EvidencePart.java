package org.insyn.ui.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.report.EvidenceInput;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.VerifyReport;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.work.Background;
import org.insyn.ui.work.Exports;

/**
 * The captures of the active case (R7, R17): a thumbnail of the page as it was seen, the metadata and every file's
 * SHA-256, verification of all of them against their manifests and timestamps, and the evidence report as PDF/A
 * (R11, R12: scrubbed of personal details).
 */
public class EvidencePart extends CasePart {
    static final String KEY = "org.insyn.ui.part.evidence";
    private static final int THUMBNAIL_WIDTH = 240;

    @Inject
    Background background;
    @Inject
    @Optional
    CaptureService captures;
    @Inject
    @Optional
    ReportService reports;

    private TableViewer table;
    private Label thumbnail;
    private Text details;
    private Button verify;
    private Button export;
    private Button openExport;
    private Button showFolder;
    private Path exported;
    private Label status;
    private Image image;

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current, @Optional @Named(ActiveCase.KEY) CaseFile c) {
        Widgets.key(parent, KEY);
        parent.setLayout(new GridLayout(2, false));
        Ui.discussionMaterial(parent, 2);
        table = Ui.table(parent, KEY + ".table", SWT.SINGLE, 2);
        Ui.column(table, "evidence.col.id", 40, Capture.class, x -> String.valueOf(x.id()));
        Ui.column(table, "evidence.col.url", 240, Capture.class, Capture::url);
        Ui.column(table, "evidence.col.at", 130, Capture.class, x -> Ui.when(x.capturedAt()));
        Ui.column(table, "evidence.col.status", 50, Capture.class, x -> String.valueOf(x.httpStatus()));
        Ui.column(table, "evidence.col.sealed", 110, Capture.class,
                x -> Texts.get(x.timestampToken().isPresent() ? "evidence.timestamped" : "evidence.hashesOnly"));
        table.addSelectionChangedListener(e -> selected());
        GridData tableData = (GridData) table.getTable().getLayoutData();
        tableData.grabExcessVerticalSpace = false;
        tableData.heightHint = table.getTable().getHeaderHeight() + table.getTable().getItemHeight() * 3 + 4;
        thumbnail = Widgets.key(new Label(parent, SWT.BORDER), KEY + ".thumbnail");
        GridData td = new GridData(SWT.LEFT, SWT.TOP, false, false);
        td.widthHint = THUMBNAIL_WIDTH;
        td.heightHint = 180;
        thumbnail.setLayoutData(td);
        details = Ui.text(parent, KEY + ".details", SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER, 1);
        Composite buttons = Ui.buttons(parent, 2);
        verify = Ui.button(buttons, KEY + ".verify", "evidence.verify", this::verify);
        export = Ui.button(buttons, KEY + ".export", "evidence.export", this::export);
        // the report written last: open it in the desktop's PDF reader, or its folder in the file manager
        openExport = Ui.button(buttons, KEY + ".openExport", "evidence.openExport",
                () -> org.eclipse.swt.program.Program.launch(exported.toString()));
        showFolder = Ui.button(buttons, KEY + ".showFolder", "evidence.showFolder",
                () -> org.eclipse.swt.program.Program.launch(exported.getParent().toString()));
        openExport.setEnabled(false);
        showFolder.setEnabled(false);
        openExport.setToolTipText(Texts.get("evidence.nothingExported"));
        showFolder.setToolTipText(Texts.get("evidence.nothingExported"));
        Ui.done(buttons);
        status = Ui.status(parent, KEY + ".status", 2);
        follow(table.getTable(), current, c);
    }

    @Override
    protected void showCase() {
        status.setText("");
        refresh();
    }

    @Override
    protected void storeChanged(StoreEvent e) {
        if (e.type() == StoreEvent.Type.CAPTURE) {
            refresh();
        }
    }

    private void refresh() {
        if (!shown()) {
            show(List.of());
            return;
        }
        SignedIn who = signedIn;
        long caseId = active.id();
        background.store(table.getTable(), "captures", monitor -> who.session().captures(caseId), list -> {
            if (shown() && active.id() == caseId) {
                show(list);
            }
        });
    }

    private void show(List<Capture> list) {
        boolean shown = shown();
        table.setInput(list);
        if (!list.isEmpty()) {
            table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(list.get(list.size() - 1)), true);
        }
        verify.setEnabled(shown && !list.isEmpty() && captures != null);
        export.setEnabled(shown && reports != null);
        selected();
    }

    private java.util.Optional<Capture> selection() {
        return java.util.Optional.ofNullable((Capture) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private void selected() {
        java.util.Optional<Capture> c = selection();
        details.setText(c.map(EvidencePart::describe).orElse(""));
        if (image != null) {
            image.dispose();
            image = null;
        }
        thumbnail.setImage(null);
        java.util.Optional<String> seen = c.flatMap(x -> java.util.Optional.ofNullable(x.artifacts().getOrDefault(CaptureService.SEEN_SCREENSHOT,
                x.artifacts().get("screenshot-viewport.png"))));
        if (seen.isPresent() && signedIn != null) {
            // the blob is read and decrypted off the UI thread; only the image is made on it
            SignedIn who = signedIn;
            background.store(thumbnail, "thumbnail", monitor -> scaled(who, seen.get()), data -> {
                if (image != null) {
                    image.dispose();
                }
                image = new Image(thumbnail.getDisplay(), data);
                thumbnail.setImage(image);
            });
        }
    }

    private static ImageData scaled(SignedIn who, String sha256) {
        try (InputStream in = who.workspace().blobs().open(sha256)) {
            ImageData data = new ImageData(in);
            int height = Math.max(1, data.height * THUMBNAIL_WIDTH / Math.max(1, data.width));
            return data.scaledTo(THUMBNAIL_WIDTH, Math.min(height, 180));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fact of the capture a court or a colleague may ask for, and each file's SHA-256 (R17). */
    private static String describe(Capture c) {
        StringBuilder b = new StringBuilder();
        b.append(Texts.get("evidence.detail.url", c.url(), c.finalUrl(), c.httpStatus())).append('\n');
        b.append(Texts.get("evidence.detail.at", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(c.capturedAt()), Ui.when(c.capturedAt()))).append('\n');
        b.append(Texts.get("evidence.detail.who", c.operatorId(), c.tool(), c.justificationId())).append('\n');
        b.append(Texts.get("evidence.detail.class", Texts.get("recordClass." + c.recordClass().name()),
                Texts.get(c.complete() ? "evidence.complete" : "evidence.incomplete"))).append('\n');
        b.append(Texts.get(c.timestampToken().isPresent() ? "evidence.timestamped" : "evidence.hashesOnly")).append("\n\n");
        b.append("manifest.json  ").append(c.manifestSha256()).append('\n');
        b.append(c.artifacts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "  " + e.getValue()).collect(Collectors.joining("\n")));
        return b.toString();
    }

    /** R17: re-hashes every file of the workspace's captures and checks their manifests and timestamps. */
    private void verify() {
        SignedIn who = signedIn;
        long caseCaptures = ((List<?>) table.getInput()).size();
        status.setText(Texts.get("evidence.verifying"));
        background.run(Texts.get("evidence.verify.job"), monitor -> captures.verify(who.workspace()), (VerifyReport report) -> {
            if (status.isDisposed()) {
                return;
            }
            status.setText(report.clean() ? Texts.get("evidence.verified", caseCaptures, report.blobsChecked())
                    : Texts.get("evidence.problems", report.problems().stream().map(p -> p.kind() + " " + p.where() + ": " + p.detail())
                            .collect(Collectors.joining("\n"))));
            status.setForeground(status.getDisplay().getSystemColor(report.clean() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_RED));
            status.getParent().layout(true, true);
        });
    }

    /** R11, R12: the case's evidence report as PDF/A in the workspace's exports folder. */
    private void export() {
        SignedIn who = signedIn;
        CaseFile c = active;
        @SuppressWarnings("unchecked")
        List<Capture> shownCaptures = table.getInput() instanceof List<?> l ? (List<Capture>) l : List.of();
        var dialog = new org.insyn.ui.dialogs.ExportDialog(status.getShell(), shownCaptures, Exports.folder(who));
        if (dialog.open() != org.eclipse.jface.window.Window.OK || dialog.folder().isEmpty()) {
            return;
        }
        List<Long> ids = dialog.captureIds();
        Path into = dialog.folder().get();
        status.setText(Texts.get("evidence.exporting"));
        background.run(Texts.get("evidence.export.job", c.title()), monitor -> Exports.write(into, "evidence-case-" + c.id(),
                out -> reports.evidence(EvidenceInput.from(who.workspace(), who.session(), c.id(), ids, List.of(), Instant.now(),
                        Texts.locale()), who.workspace().blobs()::open, out)), (Path file) -> {
                            if (!status.isDisposed()) {
                                exported = file;
                                status.setText(Texts.get("evidence.exported", file.toString()));
                                status.setForeground(status.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
                                openExport.setEnabled(true);
                                showFolder.setEnabled(true);
                                status.getParent().layout(true, true);
                            }
                        });
    }

    @PreDestroy
    void dispose() {
        if (image != null) {
            image.dispose();
        }
    }
}
