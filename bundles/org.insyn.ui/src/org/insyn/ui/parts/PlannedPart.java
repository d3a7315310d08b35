package org.insyn.ui.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.insyn.ui.Widgets;

/** A part whose view is not built yet: it says what it will show (the part's tooltip text). */
public class PlannedPart {

    @PostConstruct
    public void createControls(Composite parent, MPart part) {
        Widgets.key(parent, part.getElementId());
        parent.setLayout(new GridLayout());
        Label title = new Label(parent, SWT.NONE);
        title.setText(part.getLocalizedLabel());
        title.setFont(JFaceResources.getHeaderFont());
        Label what = new Label(parent, SWT.WRAP);
        what.setText(part.getLocalizedTooltip());
        what.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }
}
