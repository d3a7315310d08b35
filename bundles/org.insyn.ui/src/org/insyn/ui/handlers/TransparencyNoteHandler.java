package org.insyn.ui.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.Subject;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.SignedIn;
import org.insyn.ui.dialogs.TransparencyNoteDialog;

/** R4: records the transparency note of the active case (also the remedy of a search refused for lack of it). */
public class TransparencyNoteHandler {
    @CanExecute
    public boolean canExecute(@Optional SignedIn signedIn, @Optional @Named(ActiveCase.KEY) CaseFile active) {
        return signedIn != null && active != null;
    }

    @Execute
    public void execute(Shell shell, SignedIn signedIn, @Named(ActiveCase.KEY) CaseFile active, EPartService parts) {
        parts.showPart("org.insyn.ui.part.caseOverview", EPartService.PartState.VISIBLE);
        String client = signedIn.session().subject(active.id()).map(Subject::name).orElse(active.title());
        new TransparencyNoteDialog(shell, signedIn.session(), active.id(), client, NoticeChannel.IN_PERSON).open();
    }
}
