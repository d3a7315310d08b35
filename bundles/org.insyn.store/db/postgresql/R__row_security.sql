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
