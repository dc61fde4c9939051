package io.tanxin.accounting.factors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.tanxin.accounting.engine.FactorSetCsv;
import org.springframework.core.io.ClassPathResource;

/** Reads the bundled reference CSVs (copied from shared/reference with their source and status). */
final class ReferenceFactorFiles {

    static final List<String> FILES = FactorSetCsv.FILES;

    private ReferenceFactorFiles() {
    }

    static Map<String, String> texts() {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = new ClassPathResource("reference/" + file).getInputStream()) {
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("missing bundled reference file " + file, e);
            }
        }
        return texts;
    }

    static String hash(Map<String, String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            texts.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
