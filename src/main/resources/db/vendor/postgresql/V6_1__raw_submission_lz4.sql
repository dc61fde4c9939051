-- Raw submissions are large and written once: lz4 compresses them several times faster than the
-- default pglz. Builds without lz4 keep pglz.
DO $$
BEGIN
    ALTER TABLE submission_raw ALTER COLUMN content SET COMPRESSION lz4;
EXCEPTION WHEN others THEN
    RAISE NOTICE 'lz4 unavailable, raw submissions stay pglz-compressed';
END $$;
