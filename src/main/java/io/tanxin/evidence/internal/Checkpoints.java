package io.tanxin.evidence.internal;

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
    private final LogTree tree;
    private final SigningKey key;

    Checkpoints(JdbcTemplate jdbc, LogTree tree, SigningKey key) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.key = key;
    }

    /** A checkpoint of the tree as it is now; the latest one again if the tree has not grown since. */
    public synchronized SignedCheckpoint checkpoint() {
        tree.catchUp();
        Object[] sizeAndRoot = tree.read(t -> new Object[] {t.size(), t.root()});
        long size = (Long) sizeAndRoot[0];
        byte[] root = (byte[]) sizeAndRoot[1];
        Optional<SignedCheckpoint> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return latest.get();
        }
        String note = key.sign(new Checkpoint(key.origin(), size, root).body());
        jdbc.update("INSERT INTO evidence_checkpoint (tree_size, root_hash, note_text) VALUES (?, ?, ?)", size, root,
                note);
        return latest().orElseThrow();
    }

    public Optional<SignedCheckpoint> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence_checkpoint ORDER BY tree_size DESC, id DESC LIMIT 1",
                CHECKPOINT).stream().findFirst();
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
