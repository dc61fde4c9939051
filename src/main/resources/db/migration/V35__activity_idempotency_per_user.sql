-- An Idempotency-Key is the submitter's own: looked up across all users, a reused key handed one
-- user another enterprise's activity data and run.
DROP INDEX activity_set_idem_idx;
CREATE UNIQUE INDEX activity_set_idem_idx ON activity_set (submitted_by, idempotency_key);
