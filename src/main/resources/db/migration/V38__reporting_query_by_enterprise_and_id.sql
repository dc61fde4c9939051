-- A credit report lists every query of the enterprise's last two years. Each instance keeps the
-- list it read and then reads only the queries added since (ids above the newest it holds), which
-- this index finds without visiting the older rows.
CREATE INDEX reporting_query_uscc_id_idx ON reporting_query (uscc, id);
