-- Which enterprise-months each activity submission reported and where their rows sit in the file
-- (row_no counts the file's data rows from 1). Readers find an enterprise's activity rows through
-- this table, one row per enterprise-month and submission (35 times fewer than intake_activity in
-- the import benchmark), then read intake_activity by submission and row number. That lets
-- PostgreSQL keep intake_activity without a btree entry per row (db/vendor/postgresql/V31_2), which
-- cost a COPY of a million rows about as much again as the COPY itself.
ALTER TABLE intake_activity ADD COLUMN row_no INTEGER;

CREATE TABLE intake_activity_month (
    submission_id BIGINT      NOT NULL,
    source_type   VARCHAR(24) NOT NULL,
    uscc          VARCHAR(18) NOT NULL,
    period        VARCHAR(7)  NOT NULL,
    first_row     INTEGER,
    last_row      INTEGER,
    PRIMARY KEY (uscc, period, submission_id)
);

-- rows imported before row numbers existed: no range, so readers take the submission's rows of the enterprise
INSERT INTO intake_activity_month (submission_id, source_type, uscc, period)
SELECT DISTINCT submission_id, source_type, uscc, period FROM intake_activity;

-- H2 keeps its (uscc, period) btree: EnterpriseFacts.greenPower joins intake_activity with itself on
-- (uscc, period), which H2 can only do through an index. PostgreSQL drops it (V31_2) and hash-joins.
CREATE INDEX intake_activity_row_idx ON intake_activity (submission_id, row_no);
