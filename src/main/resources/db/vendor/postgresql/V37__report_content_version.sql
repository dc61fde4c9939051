-- A credit report shows, besides its query records, only what these tables hold for the enterprise:
-- accounts (calculation_run, account_data_quality), rating (rating, rating_override), data sources
-- (intake_activity_month), findings (verification_finding), negative information (penalty,
-- ets_verified, and submission, whose status decides through a join whether their rows show) and
-- objections (reporting_objection, reporting_objection_step). Each statement changing them adds a
-- row for each enterprise it changed, in the changing transaction, so a report may reuse what it
-- read while the enterprise's rows here are the same (reporting.report.ReportContents): a change
-- shows here exactly when it is visible, on every instance, whichever module or SQL made it.
--
-- The version is the newest row's id and the number of rows. Rows are only ever added, never
-- locked, so a writer never waits for another (a counter row per enterprise would make a
-- transaction wait for any other open one that changed the same enterprise: a deadlock where one
-- thread holds one transaction open while it runs another). A row committing late with an older id
-- still raises the count; folding many rows into one (ReportContents.fold) adds a row newer than
-- all and deletes older ones in one transaction, so no (newest id, count) ever comes back.
CREATE TABLE report_content_change (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uscc VARCHAR(18) NOT NULL
);
CREATE INDEX report_content_change_idx ON report_content_change (uscc, id);

-- enterprises without a row have no version, and their reports read afresh every time
INSERT INTO report_content_change (uscc) SELECT uscc FROM enterprise ORDER BY uscc;

-- Statement triggers with transition tables: a statement changing a thousand rows (COPY, a bulk
-- UPDATE) adds one row an enterprise.
CREATE FUNCTION report_content_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_content_change (uscc) SELECT DISTINCT uscc FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO report_content_change (uscc) SELECT uscc FROM new_rows UNION SELECT uscc FROM old_rows;
    ELSE
        INSERT INTO report_content_change (uscc) SELECT DISTINCT uscc FROM old_rows;
    END IF;
    RETURN NULL;
END
$$;

-- an objection's steps name it, not the enterprise
CREATE FUNCTION report_content_changed_by_objection_step() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_content_change (uscc) SELECT DISTINCT o.uscc FROM reporting_objection o
        WHERE o.id IN (SELECT objection_id FROM new_rows);
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO report_content_change (uscc) SELECT DISTINCT o.uscc FROM reporting_objection o
        WHERE o.id IN (SELECT objection_id FROM new_rows UNION SELECT objection_id FROM old_rows);
    ELSE
        INSERT INTO report_content_change (uscc) SELECT DISTINCT o.uscc FROM reporting_objection o
        WHERE o.id IN (SELECT objection_id FROM old_rows);
    END IF;
    RETURN NULL;
END
$$;

-- a submission's status decides whether its penalties and ETS results show; its other columns do not
CREATE FUNCTION report_content_changed_by_submission() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_content_change (uscc)
    WITH changed AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE n.status IS DISTINCT FROM o.status)
    SELECT uscc FROM penalty WHERE submission_id IN (SELECT id FROM changed)
    UNION SELECT uscc FROM ets_verified WHERE submission_id IN (SELECT id FROM changed);
    RETURN NULL;
END
$$;

-- TRUNCATE names no rows: every enterprise changes
CREATE FUNCTION report_content_all_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_content_change (uscc) SELECT DISTINCT uscc FROM report_content_change;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t TEXT;
    f TEXT;
BEGIN
    FOR t, f IN SELECT * FROM (VALUES
            ('calculation_run', 'report_content_changed'),
            ('account_data_quality', 'report_content_changed'),
            ('rating', 'report_content_changed'),
            ('rating_override', 'report_content_changed'),
            ('intake_activity_month', 'report_content_changed'),
            ('verification_finding', 'report_content_changed'),
            ('penalty', 'report_content_changed'),
            ('ets_verified', 'report_content_changed'),
            ('reporting_objection', 'report_content_changed'),
            ('reporting_objection_step', 'report_content_changed_by_objection_step')) AS v (t, f)
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_content_ins', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_content_upd', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_content_del', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION report_content_all_changed()', t || '_content_trunc', t);
    END LOOP;
END
$$;

CREATE TRIGGER submission_content_upd AFTER UPDATE ON submission
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_content_changed_by_submission();
CREATE TRIGGER submission_content_trunc AFTER TRUNCATE ON submission
    FOR EACH STATEMENT EXECUTE FUNCTION report_content_all_changed();
