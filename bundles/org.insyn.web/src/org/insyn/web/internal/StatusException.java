package org.insyn.web.internal;

import org.insyn.core.service.SourceException;

/** An HTTP error answer (status 400 or more), with its body kept so the source can tell a refused key from a used-up quota. */
public final class StatusException extends SourceException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient byte[] body;

    public StatusException(int status, byte[] body) {
        super("source.status", status);
        this.status = status;
        this.body = body.clone();
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body.clone();
    }
}
