package org.insyn.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.service.AuditTrail.ChainHead;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;

/**
 * R16: the hash of an audit entry and the walk that checks a chain. An entry's hash is SHA-256 over the previous
 * entry's hash and the entry's fields, each written with its length so no two field lists hash alike. The sequence
 * number is the entry's place in storage and not hashed: the links alone say the true order, which is how a walk
 * tells a removed, inserted or moved entry from a changed one.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, Instant at, String actorId, AuditAction action, Optional<Long> caseId,
            String target, String detail) {
        return HexFormat.of().formatHex(sha256().digest(canonical(previousHash, at, actorId, action, caseId, target, detail)));
    }

    /** The bytes an entry's hash is taken over. */
    public static byte[] canonical(String previousHash, Instant at, String actorId, AuditAction action, Optional<Long> caseId,
            String target, String detail) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] { previousHash, Long.toString(at.toEpochMilli()), actorId, action.name(),
                caseId.map(String::valueOf).orElse(""), target, detail }) {
            canonical.append(field.length()).append(':').append(field).append(';');
        }
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] canonical(AuditEntry e) {
        return canonical(e.previousHash(), e.at(), e.actorId(), e.action(), e.caseId(), e.target(), e.detail());
    }

    public static String hash(AuditEntry e) {
        return hash(e.previousHash(), e.at(), e.actorId(), e.action(), e.caseId(), e.target(), e.detail());
    }

    /**
     * Checks the entries, in storage order, and where the chain leads. What it cannot see: entries cut from the end
     * (the stored head and the exported {@code expected} head catch that) and a chain rewritten from some point on by
     * someone who recomputes every hash (only an exported head from after that point catches it).
     */
    public static List<Problem> verify(List<AuditEntry> entries, ChainHead storedHead, Optional<ChainHead> expected) {
        List<Problem> problems = new ArrayList<>();
        // Where each hash stands is needed only to explain a broken link or find an exported head: made on first use.
        Map<String, Integer> positionOfHash = new HashMap<>();
        Set<Integer> explained = new HashSet<>();
        // One digest for the whole walk, and the stored hex compared without formatting each hash: on a clean trail
        // hashing is then most of the work, as it should be (docs/BENCHMARKS.md).
        MessageDigest sha = sha256();
        String previous = GENESIS;
        long previousSeq = 0;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            if (!matches(digest(sha, e), e.hash())) {
                problems.add(new Problem(Kind.ENTRY_CHANGED, pos(e.seq()), "the entry no longer matches its hash"));
            }
            if (!e.previousHash().equals(previous)) {
                Integer at = positions(entries, positionOfHash).get(e.previousHash());
                if (e.seq() > previousSeq + 1) {
                    problems.add(new Problem(Kind.ENTRY_REMOVED, removedRange(previousSeq + 1, e.seq() - 1),
                            "entry " + e.seq() + " follows an entry that is no longer stored"));
                } else if (at != null && at > i) {
                    problems.add(new Problem(Kind.ENTRIES_REORDERED, pos(e.seq()),
                            "the entry belongs after entry " + entries.get(at).seq()));
                    explained.add(i);
                } else if (at != null && (explained.contains(at) || explained.contains(i - 1))) {
                    // follows from a move already reported
                } else if (at != null && at == i - 2) {
                    problems.add(new Problem(Kind.ENTRY_INSERTED, pos(entries.get(i - 1).seq()),
                            "the entry is not part of the chain: entry " + e.seq() + " follows entry "
                                    + entries.get(at).seq()));
                    explained.add(i - 1);
                } else if (at != null) {
                    problems.add(new Problem(Kind.ENTRIES_REORDERED, pos(e.seq()),
                            "the entry belongs after entry " + entries.get(at).seq()));
                    explained.add(i);
                } else {
                    problems.add(new Problem(Kind.ENTRY_REMOVED, "before " + pos(e.seq()),
                            "the entry it follows is no longer stored (removed, or changed and re-hashed)"));
                }
            }
            previous = e.hash();
            previousSeq = e.seq();
        }
        // The head row is written with every append, in the same transaction: the trail must end exactly there.
        if (storedHead.seq() > previousSeq) {
            problems.add(new Problem(Kind.ENTRY_REMOVED, removedRange(previousSeq + 1, storedHead.seq()),
                    "the trail ends before its recorded head " + storedHead.seq()));
        } else if (storedHead.seq() < previousSeq) {
            problems.add(new Problem(Kind.ENTRY_INSERTED, removedRange(storedHead.seq() + 1, previousSeq),
                    "entries after the recorded head " + storedHead.seq()));
        } else if (!storedHead.hash().equals(previous)) {
            problems.add(new Problem(Kind.ENTRY_CHANGED, pos(previousSeq), "the last entry is not the recorded head"));
        }
        expected.ifPresent(head -> {
            Integer at = positions(entries, positionOfHash).get(head.hash());
            if (at == null || entries.get(at).seq() != head.seq()) {
                problems.add(new Problem(Kind.HEAD_MISSING, pos(head.seq()),
                        "the trail no longer contains the exported head " + head.hash()));
            }
        });
        return problems;
    }

    /** The same bytes as {@link #canonical(AuditEntry)}, fed to the digest field by field instead of built first. */
    private static byte[] digest(MessageDigest sha, AuditEntry e) {
        field(sha, e.previousHash());
        field(sha, Long.toString(e.at().toEpochMilli()));
        field(sha, e.actorId());
        field(sha, e.action().name());
        field(sha, e.caseId().map(String::valueOf).orElse(""));
        field(sha, e.target());
        field(sha, e.detail());
        return sha.digest();
    }

    private static void field(MessageDigest sha, String field) {
        sha.update((field.length() + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(field.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) ';');
    }

    /** The first place of each hash in the trail, filled in on first use. */
    private static Map<String, Integer> positions(List<AuditEntry> entries, Map<String, Integer> positionOfHash) {
        if (positionOfHash.isEmpty()) {
            for (int i = 0; i < entries.size(); i++) {
                positionOfHash.putIfAbsent(entries.get(i).hash(), i);
            }
        }
        return positionOfHash;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Whether the stored hash (lower-case hex, as written) is this digest. */
    private static boolean matches(byte[] digest, String hex) {
        if (hex == null || hex.length() != digest.length * 2) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (hex.charAt(2 * i) != HEX[(digest[i] >> 4) & 15] || hex.charAt(2 * i + 1) != HEX[digest[i] & 15]) {
                return false;
            }
        }
        return true;
    }

    private static String pos(long seq) {
        return "audit #" + seq;
    }

    private static String removedRange(long from, long to) {
        return from == to ? pos(from) : pos(from) + "-" + to;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
