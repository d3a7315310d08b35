package org.insyn.ui;

/** Ids of the workbench's commands (Application.e4xmi), for handlers, menus, key bindings and refusal remedies. */
public final class Commands {
    public static final String SIGN_OUT = "org.insyn.ui.command.signOut";
    public static final String TRANSPARENCY_NOTE = "org.insyn.ui.command.transparencyNote";
    public static final String SHOW_CASES = "org.insyn.ui.command.showCases";

    private Commands() {
    }
}
