-- A btree entry per activity row cost a million-row COPY nearly as much again as the COPY itself.
-- A BRIN index costs next to nothing to keep and fits how rows arrive: one import appends its rows
-- in file order, so each block range holds consecutive rows of one submission. Small ranges (16
-- pages, about 1,300 rows) keep a lookup of one enterprise's rows short. New ranges are summarised
-- right after each import commits (IntakeManagement), not only by autovacuum.
DROP INDEX intake_activity_month_idx;
DROP INDEX intake_activity_row_idx;
CREATE INDEX intake_activity_row_brin ON intake_activity USING brin (submission_id, row_no) WITH (pages_per_range = 16);
