package io.tanxin.rating.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.tanxin.rating.engine.RatingModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rating model in force, read from {@code rating/model-<version>.json} and stored in
 * rating_model the first time it is used. A version once stored is never changed: a resource whose
 * content differs from the stored one of the same version stops the rating (publish a new version).
 */
@Component
public class ModelStore {

    public static final String CURRENT = "v1";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile RatingModel current;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RatingModel current() {
        RatingModel m = current;
        if (m == null) {
            synchronized (this) {
                if (current == null) {
                    current = load(CURRENT);
                }
                m = current;
            }
        }
        return m;
    }

    private RatingModel load(String version) {
        String content;
        try (InputStream in = ModelStore.class.getResourceAsStream("/rating/model-" + version + ".json")) {
            if (in == null) {
                throw new IllegalStateException("rating model " + version + " not found");
            }
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RatingModel model = json.readValue(content, RatingModel.class);
        if (!version.equals(model.version())) {
            throw new IllegalStateException("rating model file " + version + " declares version " + model.version());
        }
        String hash = sha256(content);
        Optional<String> stored = jdbc.sql("SELECT content_hash FROM rating_model WHERE version = ?").param(version)
                .query(String.class).optional();
        if (stored.isEmpty()) {
            jdbc.sql("INSERT INTO rating_model (version, content, content_hash) VALUES (?, ?, ?)")
                    .params(version, content, hash).update();
        } else if (!stored.get().equals(hash)) {
            throw new IllegalStateException("rating model " + version + " differs from the stored one; a published "
                    + "version is never edited: publish a new version instead");
        }
        return model;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
