-- Accounts (R9) and the four-eyes rule in the database (R2). Plain SQL for H2 and PostgreSQL alike.

-- Shared mode: the PostgreSQL login each person connects with (none on the embedded H2 file).
ALTER TABLE app_user ADD COLUMN db_login VARCHAR(63);
ALTER TABLE app_user ADD CONSTRAINT app_user_db_login UNIQUE (db_login);

-- R2 four eyes: a review carries its justification's author, checked against the justification by the foreign key,
-- and may not be by that author.
ALTER TABLE justification ADD CONSTRAINT justification_author UNIQUE (id, author_id);
ALTER TABLE review ADD COLUMN author_id VARCHAR(64);
UPDATE review SET author_id = (SELECT j.author_id FROM justification j WHERE j.id = review.justification_id);
ALTER TABLE review ALTER COLUMN author_id SET NOT NULL;
ALTER TABLE review ADD CONSTRAINT review_of_author FOREIGN KEY (justification_id, author_id)
    REFERENCES justification (id, author_id);
ALTER TABLE review ADD CONSTRAINT review_four_eyes CHECK (reviewer_id <> author_id);

-- Sign-in and verify read an account's or unit's last audit entry.
CREATE INDEX audit_target ON audit (target, seq);
