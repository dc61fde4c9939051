-- A resolution step's note is the written answer (up to 2,000 characters) plus what the correction
-- did ("[recalculated run …]", "[penalty … withdrawn; re-rated …]"): a full-length answer overflowed.
ALTER TABLE reporting_objection_step ALTER COLUMN note SET DATA TYPE VARCHAR(2400);
