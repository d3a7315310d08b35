package org.insyn.ui.prefs;

import org.eclipse.swt.widgets.Composite;

/** One tab of the preferences: built once, checked, then saved when the person presses Save. */
interface Pane {
    /** Its name in widget keys, e.g. {@code language} for {@code org.insyn.ui.prefs.language.*}. */
    String name();

    /** Fills the tab. */
    void create(Composite tab);

    /** Says what is wrong with what was typed ({@link org.insyn.ui.dialogs.FormDialog.Invalid}), before anything is saved. */
    default void check() {
    }

    /** Saves what changed; a refusal of the store is thrown and shown in the dialog. */
    void save();
}
