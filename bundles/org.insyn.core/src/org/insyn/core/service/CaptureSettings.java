package org.insyn.core.service;

import java.util.Optional;

/** The settings of evidence capture that an administrator keeps for a workspace (Window › Preferences). */
public interface CaptureSettings {
    /** The address of the RFC 3161 timestamp authority that seals captures (R17), stripped; empty when none is set. */
    Optional<String> timestampAuthority();

    /** Sets the authority's address and saves it; a blank address removes it. */
    void setTimestampAuthority(String address);

    /** The folder of PEM certificates of the timestamp authorities trusted in verify (R17); empty when none is set. */
    Optional<String> timestampTrustAnchors();
}
