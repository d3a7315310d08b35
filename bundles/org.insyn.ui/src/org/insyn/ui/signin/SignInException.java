package org.insyn.ui.signin;

import org.insyn.core.InsynException;
import org.insyn.ui.Texts;

/** Why signing in did not work, said so that the person can put it right; the dialog shows it and keeps what was typed. */
public final class SignInException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which field to put right, so the dialog can put the cursor there. */
    public enum Field {
        FOLDER, PASSWORD, REPEAT, NAME, UNIT_NAME, USER, POSTGRES, NONE
    }

    private final Field field;

    public SignInException(Field field, String textKey, Object... args) {
        super(Texts.get(textKey, args));
        this.field = field;
    }

    public SignInException(Field field, InsynException cause) {
        super(Texts.of(cause), cause);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
