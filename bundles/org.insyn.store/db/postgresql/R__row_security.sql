-- Shared mode only (PostgreSQL): each person connects with their own login, a member of ${workers} (and of
-- ${admins} for administrators). The schema grants only what the product needs, and row-level security shows a
-- login only the rows of its own units (R9), lets it write audit entries and reviews only in its own name (R16, R2),
-- and nothing once its account is disabled. The schema's owner (the first administrator) is not bound by it.
-- Runs again whenever this file changes: a table added by a later migration gets its grants and policy here.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${workers}') THEN
        CREATE ROLE "${workers}" NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${admins}') THEN
        CREATE ROLE "${admins}" NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${signin}') THEN
        CREATE ROLE "${signin}" NOLOGIN;
    END IF;
END
$$;
GRANT "${workers}" TO "${admins}";

-- The signed-in person and their units, by the login the session was opened with (session_user: inside these
-- SECURITY DEFINER functions current_user is the owner).
CREATE OR REPLACE FUNCTION insyn_user_id() RETURNS VARCHAR LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ SELECT id FROM app_user WHERE db_login = session_user AND enabled $$;

CREATE OR REPLACE FUNCTION insyn_is_supervisor() RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ SELECT COALESCE((SELECT 'SUPERVISOR' = ANY (string_to_array(roles, ',')) FROM app_user
    WHERE db_login = session_user AND enabled), FALSE) $$;

CREATE OR REPLACE FUNCTION insyn_units() RETURNS VARCHAR[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ SELECT string_to_array(unit_ids, ',')::VARCHAR[] FROM app_user WHERE db_login = session_user AND enabled $$;

-- Which of these blobs a capture still refers to, across all units: a login that erases or weeds sees only its own
-- units' captures, but the same bytes may be evidence in another unit's case too. Says yes or no, nothing more.
CREATE OR REPLACE FUNCTION insyn_blobs_in_use(hashes VARCHAR[]) RETURNS SETOF VARCHAR LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ SELECT h FROM unnest(hashes) AS h WHERE EXISTS (SELECT 1 FROM capture c WHERE c.manifest_sha256 = h
    OR c.artifacts LIKE '%"' || h || '"%') $$;

REVOKE ALL ON ALL TABLES IN SCHEMA "${flyway:defaultSchema}" FROM "${workers}", "${admins}";
GRANT USAGE ON SCHEMA "${flyway:defaultSchema}" TO "${workers}";
GRANT SELECT ON unit, app_user, flyway_schema_history TO "${workers}";
GRANT INSERT, UPDATE ON unit, app_user TO "${admins}";
GRANT SELECT, INSERT, UPDATE, DELETE ON case_file, subject, transparency_note, justification, review, search_run, hit,
    capture, note TO "${workers}";
-- R10: the retention schedule (changes checked by the policy and audited) and the files deletions release.
GRANT SELECT, INSERT, DELETE ON retention_rule, released_file TO "${workers}";
-- R16: the trail is append-only for everyone but the owner.
GRANT SELECT, INSERT ON audit, network_request TO "${workers}";
GRANT SELECT, UPDATE ON audit_head TO "${workers}";
-- The change feed: appended with every change, read by every login's own index and views (rows below).
GRANT SELECT, INSERT ON change_feed TO "${workers}";
-- Blobs: read by those who may see a capture of them (rows below), put by anyone, removed only by the store.
GRANT SELECT, INSERT ON blob TO "${workers}";
GRANT SELECT ON capture_blob TO "${workers}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA "${flyway:defaultSchema}" TO "${workers}";

ALTER TABLE case_file ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON case_file;
CREATE POLICY unit_rows ON case_file USING (unit_id = ANY (insyn_units()));

ALTER TABLE justification ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON justification;
CREATE POLICY unit_rows ON justification USING (unit_id = ANY (insyn_units()))
    WITH CHECK (unit_id = ANY (insyn_units()) AND author_id = insyn_user_id());

-- The rows of a case or a justification follow it: the subquery sees only what the policies above let through.
ALTER TABLE subject ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON subject;
CREATE POLICY unit_rows ON subject USING (case_id IN (SELECT id FROM case_file));

ALTER TABLE transparency_note ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON transparency_note;
CREATE POLICY unit_rows ON transparency_note USING (case_id IN (SELECT id FROM case_file));

ALTER TABLE capture ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON capture;
CREATE POLICY unit_rows ON capture USING (case_id IN (SELECT id FROM case_file));

ALTER TABLE note ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON note;
CREATE POLICY unit_rows ON note USING (case_id IN (SELECT id FROM case_file));

-- R2: a review is written in the reviewer's own name (and the foreign key and check of V2 keep it off their own).
ALTER TABLE review ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON review;
CREATE POLICY unit_rows ON review USING (justification_id IN (SELECT id FROM justification))
    WITH CHECK (justification_id IN (SELECT id FROM justification) AND reviewer_id = insyn_user_id());

ALTER TABLE search_run ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON search_run;
CREATE POLICY unit_rows ON search_run USING (justification_id IN (SELECT id FROM justification));

ALTER TABLE hit ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON hit;
CREATE POLICY unit_rows ON hit USING (run_id IN (SELECT id FROM search_run));

-- R15: each person reads their own requests, supervisors those of the people of their units, administrators all.
ALTER TABLE network_request ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_rows ON network_request;
CREATE POLICY own_rows ON network_request USING (user_id = insyn_user_id());
DROP POLICY IF EXISTS unit_rows ON network_request;
CREATE POLICY unit_rows ON network_request FOR SELECT USING (insyn_is_supervisor() AND user_id IN
    (SELECT id FROM app_user WHERE string_to_array(unit_ids, ',')::VARCHAR[] && insyn_units()));
DROP POLICY IF EXISTS admin_rows ON network_request;
CREATE POLICY admin_rows ON network_request FOR SELECT TO "${admins}" USING (true);

-- R16: entries are appended in one's own name; read are those of visible cases and those without a case.
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS append_own ON audit;
CREATE POLICY append_own ON audit FOR INSERT WITH CHECK (actor_id = insyn_user_id());
DROP POLICY IF EXISTS read_visible ON audit;
CREATE POLICY read_visible ON audit FOR SELECT
    USING (case_id IS NULL OR case_id IN (SELECT id FROM case_file) OR actor_id = insyn_user_id());
DROP POLICY IF EXISTS admin_rows ON audit;
CREATE POLICY admin_rows ON audit FOR SELECT TO "${admins}" USING (true);

-- The change feed says what changed, never its content. A login reads the changes of the cases it may see, those
-- without a case (their items are read back under the policies above) and every deletion, so that what was weeded,
-- erased or sorted away leaves every person's index (R3, R10, R14).
ALTER TABLE change_feed ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS append_any ON change_feed;
CREATE POLICY append_any ON change_feed FOR INSERT WITH CHECK (insyn_user_id() IS NOT NULL);
DROP POLICY IF EXISTS read_visible ON change_feed;
CREATE POLICY read_visible ON change_feed FOR SELECT
    USING (deleted OR case_id IS NULL OR case_id IN (SELECT id FROM case_file));

-- Which captures refer to which blob, kept by a trigger (a capture names its blobs in its artifacts text).
CREATE OR REPLACE FUNCTION insyn_capture_blobs() RETURNS TRIGGER LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$
BEGIN
    INSERT INTO capture_blob (capture_id, sha256, case_id)
        SELECT NEW.id, h, NEW.case_id FROM (SELECT value AS h FROM json_each_text(NEW.artifacts::json)
            UNION SELECT NEW.manifest_sha256) AS hashes
        ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS capture_blobs ON capture;
CREATE TRIGGER capture_blobs AFTER INSERT ON capture FOR EACH ROW EXECUTE FUNCTION insyn_capture_blobs();
INSERT INTO capture_blob (capture_id, sha256, case_id)
    SELECT c.id, h.value, c.case_id FROM capture c, json_each_text(c.artifacts::json) AS h
    UNION SELECT c.id, c.manifest_sha256, c.case_id FROM capture c
    ON CONFLICT DO NOTHING;

ALTER TABLE capture_blob ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS unit_rows ON capture_blob;
CREATE POLICY unit_rows ON capture_blob USING (case_id IN (SELECT id FROM case_file));

-- R9: a blob is read by whoever may see a capture that refers to it, and by the person who put it until then.
ALTER TABLE blob ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS put_own ON blob;
CREATE POLICY put_own ON blob FOR INSERT WITH CHECK (put_by = insyn_user_id());
DROP POLICY IF EXISTS read_visible ON blob;
CREATE POLICY read_visible ON blob FOR SELECT
    USING (put_by = insyn_user_id() OR sha256 IN (SELECT sha256 FROM capture_blob));

-- Whether a blob with these bytes is stored at all (the caller holds the bytes, so this tells nothing new), and the
-- removal of blobs no capture refers to any more (R3, R10, R14), for any unit's blob.
CREATE OR REPLACE FUNCTION insyn_blob_exists(h VARCHAR) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ SELECT EXISTS (SELECT 1 FROM blob WHERE sha256 = h) $$;

CREATE OR REPLACE FUNCTION insyn_blob_delete(h VARCHAR) RETURNS BOOLEAN LANGUAGE sql SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ WITH gone AS (DELETE FROM blob WHERE sha256 = h AND insyn_user_id() IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM capture_blob WHERE sha256 = h) RETURNING 1) SELECT EXISTS (SELECT 1 FROM gone) $$;

-- R9: the accounts' wrapped keys (Argon2id, as in accounts.keys). The workstations' own login, a member of
-- ${signin}, may only read one account's wrapped key and count a failed attempt, before anyone is signed in;
-- administrators write keys, and each person their own when changing their password.
GRANT SELECT, INSERT, UPDATE, DELETE ON account_key TO "${admins}";
GRANT SELECT, UPDATE ON account_key TO "${workers}";
ALTER TABLE account_key ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS admin_rows ON account_key;
CREATE POLICY admin_rows ON account_key TO "${admins}" USING (true);
DROP POLICY IF EXISTS own_row ON account_key;
CREATE POLICY own_row ON account_key USING (user_id = insyn_user_id());

CREATE OR REPLACE FUNCTION insyn_has_accounts() RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ SELECT EXISTS (SELECT 1 FROM account_key) $$;

CREATE OR REPLACE FUNCTION insyn_key(id VARCHAR)
    RETURNS TABLE (wrapped VARCHAR, db_login VARCHAR, failures INT, last_failure BIGINT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ SELECT k.wrapped, k.db_login, k.failures, k.last_failure FROM account_key k WHERE k.user_id = id $$;

CREATE OR REPLACE FUNCTION insyn_key_attempts(id VARCHAR, f INT, last BIGINT) RETURNS VOID LANGUAGE sql SECURITY DEFINER
    SET search_path = "${flyway:defaultSchema}", pg_catalog
AS $$ UPDATE account_key SET failures = f, last_failure = last WHERE user_id = id $$;

REVOKE ALL ON FUNCTION insyn_has_accounts(), insyn_key(VARCHAR), insyn_key_attempts(VARCHAR, INT, BIGINT) FROM PUBLIC;
GRANT USAGE ON SCHEMA "${flyway:defaultSchema}" TO "${signin}";
GRANT EXECUTE ON FUNCTION insyn_has_accounts(), insyn_key(VARCHAR), insyn_key_attempts(VARCHAR, INT, BIGINT)
    TO "${signin}", "${workers}";
