package org.insyn.core.service;

import java.util.List;

/**
 * What a verification found: nothing (clean) or each problem with where it is; and for each capture whose timestamp
 * has a valid signature, who signed it and whether a trusted authority vouches for them (R17).
 */
public record VerifyReport(long entriesChecked, long blobsChecked, List<Problem> problems, List<Timestamp> timestamps) {
    public VerifyReport {
        problems = List.copyOf(problems);
        timestamps = List.copyOf(timestamps);
    }

    public VerifyReport(long entriesChecked, long blobsChecked, List<Problem> problems) {
        this(entriesChecked, blobsChecked, problems, List.of());
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** One finding: what kind, where (an audit sequence number, a blob hash, a capture id) and what was seen. */
    public record Problem(Kind kind, String where, String detail) {
    }

    /** A capture's valid timestamp: the signer's name, and whether one of the trust anchors vouches for them. */
    public record Timestamp(long captureId, String signedBy, boolean trusted) {
    }

    public enum Kind {
        /** An audit entry's content no longer matches its hash. */
        ENTRY_CHANGED,
        /** An audit entry is missing from the chain. */
        ENTRY_REMOVED,
        /** An audit entry was added into the chain. */
        ENTRY_INSERTED,
        /** Audit entries are out of order. */
        ENTRIES_REORDERED,
        /** The chain no longer leads to an exported head. */
        HEAD_MISSING,
        /** A blob's content does not match its hash. */
        BLOB_CHANGED,
        /** A blob the store refers to is missing. */
        BLOB_MISSING,
        /** A capture's manifest or timestamp does not match. */
        CAPTURE_MISMATCH,
        /** An account or unit is not as its last audit entry left it: changed outside Insyn. */
        ACCOUNT_CHANGED,
        /** An account or unit the audit trail names is no longer stored. */
        ACCOUNT_REMOVED,
        /** A table of the database cannot be read to its end: the file is damaged there. */
        DATABASE_DAMAGED,
        /** A blob file no capture names (reported, never deleted). */
        BLOB_UNKNOWN,
        /** A file of the search index does not match its checksum: run reindex. */
        INDEX_DAMAGED
    }
}
