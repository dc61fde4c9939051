package io.tanxin.evidence.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.tanxin.evidence.SignedCheckpoint;
import io.tanxin.evidence.note.Checkpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Signs the tree's current root as a C2SP checkpoint and keeps every checkpoint it signed. */
@Component
public class Checkpoints {

    private static final String COLUMNS = "tree_size, root_hash, note_text, created_at";

    private final JdbcTemplate jdbc;
    // the INSERT that ends a sequencing round, on the round's own connections
    private final JdbcTemplate insert;
    private final LogTree tree;
    private final SigningKey key;
    private volatile SignedCheckpoint newest;

    Checkpoints(JdbcTemplate jdbc, SequencingConnections connections, LogTree tree, SigningKey key) {
        this.jdbc = jdbc;
        this.insert = connections.jdbc();
        this.tree = tree;
        this.key = key;
    }

    /** A checkpoint of the tree as it is now; the latest one again if the tree has not grown since. */
    public synchronized SignedCheckpoint checkpoint() {
        tree.catchUp();
        return ofTree();
    }

    /**
     * A checkpoint of the in-memory tree as it stands, for a caller that has just brought it up to
     * date (a sequencing round does): one INSERT, where reading the committed size and the latest
     * checkpoint before and after took three more round trips in every round.
     */
    synchronized SignedCheckpoint ofTree() {
        Object[] sizeAndRoot = tree.read(t -> new Object[] {t.size(), t.root()});
        long size = (Long) sizeAndRoot[0];
        byte[] root = (byte[]) sizeAndRoot[1];
        SignedCheckpoint known = newest != null ? newest : latest().orElse(null);
        if (known != null && known.treeSize() >= size) {
            return known;
        }
        SignedCheckpoint signed = sign(size, root);
        insert.update(INSERT, insertValues(signed));
        newest = signed;
        return signed;
    }

    /**
     * Signs a checkpoint of a tree that a sequencing round is about to commit, for the round to store
     * in its transaction ({@link LeafStore#assign}) so that the two commit together. The round hands
     * it to {@link #published} once committed.
     */
    SignedCheckpoint sign(long size, byte[] root) {
        String note = key.sign(new Checkpoint(key.origin(), size, root).body());
        // microseconds, as the column keeps them, so the checkpoint returned is the one a later read gives
        return new SignedCheckpoint(size, root, note, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** A checkpoint {@link #sign} made, now that the round that stored it has committed. */
    void published(SignedCheckpoint committed) {
        found(committed);
    }

    /** The statement that stores a checkpoint, with {@link #insertValues}. */
    static final String INSERT = "INSERT INTO evidence_checkpoint (tree_size, root_hash, note_text, created_at) "
            + "VALUES (?, ?, ?, ?)";

    static Object[] insertValues(SignedCheckpoint cp) {
        return new Object[] {cp.treeSize(), cp.rootHash(), cp.note(), Timestamp.from(cp.createdAt())};
    }

    /**
     * The newest checkpoint this instance signed or found since it started, without asking the
     * database; another instance may have signed a newer one since.
     */
    public Optional<SignedCheckpoint> newestKnown() {
        return Optional.ofNullable(newest);
    }

    public Optional<SignedCheckpoint> latest() {
        Optional<SignedCheckpoint> latest = jdbc.query("SELECT " + COLUMNS
                + " FROM evidence_checkpoint ORDER BY tree_size DESC, id DESC LIMIT 1", CHECKPOINT).stream().findFirst();
        latest.ifPresent(this::found);
        return latest;
    }

    private synchronized void found(SignedCheckpoint cp) {
        if (newest == null || cp.treeSize() > newest.treeSize()) {
            newest = cp;
        }
    }

    /** Every checkpoint, smallest tree first. */
    public List<StoredCheckpoint> all() {
        return jdbc.query("SELECT id, " + COLUMNS + " FROM evidence_checkpoint ORDER BY tree_size, id",
                (rs, n) -> new StoredCheckpoint(rs.getLong("id"), CHECKPOINT.mapRow(rs, n)));
    }

    public record StoredCheckpoint(long id, SignedCheckpoint checkpoint) {
    }

    private static final RowMapper<SignedCheckpoint> CHECKPOINT = (rs, n) -> new SignedCheckpoint(
            rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note_text"),
            rs.getTimestamp("created_at").toInstant());
}
