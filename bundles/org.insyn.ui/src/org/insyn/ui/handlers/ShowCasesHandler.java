package org.insyn.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Brings the Cases part forward, to choose or open a case (the remedy of a client search without a case). */
public class ShowCasesHandler {
    @Execute
    public void execute(EPartService parts) {
        parts.showPart("org.insyn.ui.part.cases", EPartService.PartState.ACTIVATE);
    }
}
