package org.insyn.ui.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

public class SwitchPerspectiveHandler {
    public static final String PARAMETER = "org.insyn.ui.commandparameter.perspective";

    @Execute
    public void execute(@Named(PARAMETER) String perspectiveId, EPartService parts) {
        parts.switchPerspective(perspectiveId);
    }
}
