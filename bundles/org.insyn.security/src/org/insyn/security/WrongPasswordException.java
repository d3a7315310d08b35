package org.insyn.security;

/** The password does not open the key: wrong, or the stored key was changed. */
public final class WrongPasswordException extends Exception {
    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super("wrong password");
    }
}
