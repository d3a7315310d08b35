-- R10: after how many days from the closing of its case minor-importance material of a unit is weeded. No row, no
-- weeding: material may be weeded only where the unit's handling instructions say so. Other classes never get a row.
CREATE TABLE retention_rule (
    unit_id      VARCHAR(64) NOT NULL REFERENCES unit (id),
    record_class VARCHAR(32) NOT NULL,
    days         INT NOT NULL,
    changed_by   VARCHAR(64) NOT NULL,
    changed      BIGINT NOT NULL,
    PRIMARY KEY (unit_id, record_class)
);

-- R10: who put the case on legal hold, when and why (legal_hold says whether it is on hold).
ALTER TABLE case_file ADD COLUMN hold_reason VARCHAR(2000);
ALTER TABLE case_file ADD COLUMN hold_by VARCHAR(64);
ALTER TABLE case_file ADD COLUMN hold_at BIGINT;

-- Files to remove once the deletion that released them has committed: blobs (by hash; removed only when no capture
-- refers to them any more) and cached exports (by case id). Written in the deleting transaction and worked off after
-- it, or at the next opening when the process died in between, so no file outlives its rows for long and no file
-- goes before its rows.
CREATE TABLE released_file (
    kind     VARCHAR(16) NOT NULL,
    name     VARCHAR(64) NOT NULL,
    released BIGINT NOT NULL,
    PRIMARY KEY (kind, name)
);

-- Finding what is due, per case, without reading every row.
CREATE INDEX case_file_closed ON case_file (closed);
CREATE INDEX note_case_class ON note (case_id, record_class);
CREATE INDEX capture_case_class ON capture (case_id, record_class);
CREATE INDEX justification_case ON justification (case_id);
CREATE INDEX search_run_justification ON search_run (justification_id);
