package org.insyn.core.report;

import java.util.Map;

import org.insyn.core.redact.PersonalDetail;

/** What an export wrote: its pages, its SHA-256, and how many personal details of each kind it scrubbed (R12). */
public record ReportResult(int pages, String sha256, Map<PersonalDetail, Integer> redacted) {
    public ReportResult {
        redacted = Map.copyOf(redacted);
    }
}
