package org.insyn.core.model;

/** R10: what kind of record a note or capture is; decides whether it may be weeded. */
public enum RecordClass {
    /** Part of the client file (personakt): kept, exported to the file. */
    CLIENT_FILE,
    /** A registered record (diarieförd): kept by law, never weeded or erased by the product. */
    REGISTERED,
    /** Of minor importance (ringa betydelse): weeded when no longer needed. */
    MINOR_IMPORTANCE;

    /**
     * R10: only material of minor importance may be weeded by the product; registered records and client-file
     * material are exported for the register and the client file (R11) and kept.
     */
    public boolean mayBeWeeded() {
        return this == MINOR_IMPORTANCE;
    }
}
