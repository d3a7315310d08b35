-- R13: how many hits a search found. Irrelevant hits are deleted (R3), so without this count a search whose hits were
-- all sorted away could not be told from one that found nothing. Searches from before count the hits still held.
ALTER TABLE search_run ADD COLUMN hits_found INT DEFAULT 0 NOT NULL;
UPDATE search_run SET hits_found = (SELECT COUNT(*) FROM hit WHERE hit.run_id = search_run.id);
