package org.insyn.core.model;

/** How the client was told that the service may search public internet sources about them (R4). */
public enum NoticeChannel {
    IN_PERSON, LETTER, PHONE
}
