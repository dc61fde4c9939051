-- A sequencing round in one statement (and, called outside a transaction, one round trip with its
-- commit). Every issued report waits for a round, and the round's six round trips (lock, pending,
-- assign, sequencer row, commit) competed for the CPU with every report under load: the round is
-- on each report's critical path. The steps and their order are LeafStore's:
--  1. lock the sequencer row (one sequencer at a time across instances);
--  2. only then read the pending entries: each statement of a VOLATILE function takes a new
--     snapshot, so what the previous holder of the lock sequenced is seen as sequenced;
--  3. give them consecutive indices in id order, fail if any was not updated exactly once;
--  4. advance the sequencer row.
-- Returns the first index and the entries sequenced (id, hash) in index order; one row with a null
-- id when there were none, so that the caller still learns the committed size.
CREATE FUNCTION evidence_sequence(batch integer)
RETURNS TABLE (first_index bigint, entry_id bigint, leaf_hash bytea)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    next bigint;
    wanted bigint;
    assigned bigint;
BEGIN
    SELECT s.next_index INTO next FROM evidence_sequencer s WHERE s.id = 1 FOR UPDATE;
    WITH pending AS (
        SELECT l.id, next - 1 + row_number() OVER (ORDER BY l.id) AS idx
        FROM evidence_leaf l WHERE l.leaf_index IS NULL ORDER BY l.id LIMIT batch
    ), updated AS (
        UPDATE evidence_leaf l SET leaf_index = p.idx, sequenced_at = CURRENT_TIMESTAMP
        FROM pending p WHERE l.id = p.id AND l.leaf_index IS NULL
        RETURNING l.id
    )
    SELECT (SELECT COUNT(*) FROM pending), (SELECT COUNT(*) FROM updated) INTO wanted, assigned;
    IF wanted <> assigned THEN
        RAISE EXCEPTION 'sequencer lost entries: updated % of %', assigned, wanted;
    END IF;
    IF assigned = 0 THEN
        RETURN QUERY SELECT next, NULL::bigint, NULL::bytea;
        RETURN;
    END IF;
    UPDATE evidence_sequencer SET next_index = next + assigned WHERE id = 1;
    RETURN QUERY SELECT next, l.id, l.leaf_hash FROM evidence_leaf l
        WHERE l.leaf_index >= next AND l.leaf_index < next + assigned ORDER BY l.leaf_index;
END
$$;
