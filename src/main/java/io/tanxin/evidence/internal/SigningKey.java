package io.tanxin.evidence.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

import io.tanxin.evidence.note.Ed25519Keys;
import io.tanxin.evidence.note.SignedNote;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The installation's Ed25519 key. It is made on first start and stored in the database next to the
 * log it signs (private key PKCS#8, public key SPKI), so a backup or move of the database keeps
 * checkpoints verifiable with the same key. Anyone who can read that table can sign checkpoints:
 * the database credentials are the key's protection.
 */
@Component
public class SigningKey {

    private static final String ORIGIN_PREFIX = "tanxin.io/evidence/";

    private final JdbcTemplate jdbc;
    private final String configuredOrigin;
    private volatile Key key;

    SigningKey(JdbcTemplate jdbc, @Value("${tanxin.evidence.origin:}") String configuredOrigin) {
        this.jdbc = jdbc;
        this.configuredOrigin = configuredOrigin.strip();
    }

    public record Key(String name, String installationId, PrivateKey privateKey, byte[] rawPublicKey, byte[] spki,
            FastEd25519 signer) {
    }

    public Key key() {
        Key k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate();
                }
                k = key;
            }
        }
        return k;
    }

    /** The checkpoint origin: {@code tanxin.evidence.origin}, else {@code tanxin.io/evidence/<installation id>}. */
    public String origin() {
        return configuredOrigin.isEmpty() ? ORIGIN_PREFIX + key().installationId() : configuredOrigin;
    }

    public String sign(String text) {
        Key k = key();
        return SignedNote.sign(text, k.name(), k.rawPublicKey(), k.signer()::sign);
    }

    private Key loadOrCreate() {
        return load().orElseGet(() -> {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] id = new byte[8];
                new SecureRandom().nextBytes(id);
                String installationId = HexFormat.of().formatHex(id);
                String name = configuredOrigin.isEmpty() ? ORIGIN_PREFIX + installationId : configuredOrigin;
                jdbc.update("INSERT INTO evidence_signing_key (id, key_name, installation_id, private_key, public_key) "
                        + "VALUES (1, ?, ?, ?, ?)", name, installationId, pair.getPrivate().getEncoded(),
                        pair.getPublic().getEncoded());
            } catch (DuplicateKeyException raced) {
                // another instance made the key first: use theirs
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
            }
            return load().orElseThrow();
        });
    }

    private java.util.Optional<Key> load() {
        List<Key> keys = jdbc.query("SELECT key_name, installation_id, private_key, public_key FROM evidence_signing_key "
                + "WHERE id = 1", (rs, n) -> {
                    try {
                        PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                                .generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes("private_key")));
                        byte[] spki = rs.getBytes("public_key");
                        byte[] raw = Ed25519Keys.rawFromSpki(spki);
                        return new Key(rs.getString("key_name"), rs.getString("installation_id"), privateKey, raw, spki,
                                new FastEd25519(privateKey));
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("the stored evidence signing key is unreadable", e);
                    }
                });
        return keys.stream().findFirst();
    }
}
