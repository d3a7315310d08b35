-- R13: what a search came to, kept on the search itself: the hits it found and how they were triaged. Triage deletes
-- irrelevant hits (R3) and weeding deletes old ones (R10), so the hits left cannot say it afterwards. Searches from
-- before count the hits still held.
ALTER TABLE search_run ADD COLUMN hits_found INT DEFAULT 0 NOT NULL;
ALTER TABLE search_run ADD COLUMN hits_relevant INT DEFAULT 0 NOT NULL;
ALTER TABLE search_run ADD COLUMN hits_irrelevant INT DEFAULT 0 NOT NULL;
UPDATE search_run SET hits_found = (SELECT COUNT(*) FROM hit WHERE hit.run_id = search_run.id),
    hits_relevant = (SELECT COUNT(*) FROM hit WHERE hit.run_id = search_run.id AND hit.relevance = 'RELEVANT');
