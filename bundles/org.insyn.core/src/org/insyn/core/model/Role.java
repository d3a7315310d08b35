package org.insyn.core.model;

/** What a user does in the service; a user may hold several. */
public enum Role {
    /** Fältassistent: outreach searches by topic and place (R8). */
    FIELD_WORKER,
    /** Socialsekreterare: client searches after a justification and a transparency note (R1, R4). */
    INVESTIGATOR,
    /** Arbetsledare: reviews the justifications of their own units (R2). */
    SUPERVISOR,
    /** Manages accounts and units; sees no case content. */
    ADMINISTRATOR
}
