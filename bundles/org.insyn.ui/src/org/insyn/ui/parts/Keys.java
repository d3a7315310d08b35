package org.insyn.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

/**
 * Keys a part's widgets answer themselves (SWT key listeners), besides the buttons' mnemonics: they work wherever the
 * focus is in the part, without the workbench's key bindings.
 */
final class Keys {
    private Keys() {
    }

    /** F5 reads again what the control shows. */
    static void onF5(Control control, Runnable reload) {
        on(control, SWT.F5, 0, reload);
    }

    /** Runs {@code action} on the key (an SWT key code or character) with exactly these modifiers. */
    static void on(Control control, int key, int modifiers, Runnable action) {
        control.addListener(SWT.KeyDown, e -> {
            int pressed = e.keyCode != 0 ? e.keyCode : e.character;
            boolean same = pressed == key || key < Character.MIN_SUPPLEMENTARY_CODE_POINT
                    && Character.toLowerCase(pressed) == Character.toLowerCase(key);
            if (same && (e.stateMask & SWT.MODIFIER_MASK) == modifiers) {
                e.doit = false;
                action.run();
            }
        });
    }
}
