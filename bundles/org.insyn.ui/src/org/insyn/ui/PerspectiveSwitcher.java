package org.insyn.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.osgi.service.event.Event;

/** One toggle button per perspective in the top trim; follows switches made by menu or keyboard too. */
public class PerspectiveSwitcher {
    private ToolBar bar;

    @PostConstruct
    public void createControls(Composite parent, MApplication app, EModelService models, EPartService parts) {
        bar = Widgets.key(new ToolBar(parent, SWT.FLAT | SWT.RIGHT), "org.insyn.ui.perspectiveswitcher");
        for (MPerspective p : models.findElements(app, null, MPerspective.class)) {
            ToolItem item = Widgets.key(new ToolItem(bar, SWT.RADIO), p.getElementId());
            item.setText(p.getLocalizedLabel());
            item.setToolTipText(p.getLocalizedLabel());
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection()) {
                    parts.switchPerspective(p);
                }
            });
            item.setSelection(p.getParent() != null && p.getParent().getSelectedElement() == p);
        }
    }

    @Inject
    @Optional
    void perspectiveChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT) Event event) {
        if (bar == null || bar.isDisposed() || !(event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MPerspectiveStack)
                || !(event.getProperty(UIEvents.EventTags.NEW_VALUE) instanceof MPerspective selected)) {
            return;
        }
        for (ToolItem item : bar.getItems()) {
            item.setSelection(selected.getElementId().equals(item.getData(Widgets.KEY)));
        }
    }
}
