package io.tanxin.evidence.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Our checkpoint notes against an independent reading of C2SP signed-note and tlog-checkpoint. */
class SignedNoteTest {

    static final String NAME = "tanxin.io/evidence/test";

    @Test
    void aSignedCheckpointHasTheC2spShapeAndAnIndependentCheckAcceptsIt() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Ed25519Keys.rawFromSpki(pair.getPublic().getEncoded());
        byte[] root = MessageDigest.getInstance("SHA-256").digest("root".getBytes(StandardCharsets.UTF_8));
        String body = new Checkpoint(NAME, 42, root).body();
        String note = SignedNote.sign(body, NAME, raw, pair.getPrivate());

        String[] lines = note.split("\n", -1);
        assertThat(lines[0]).isEqualTo(NAME);
        assertThat(lines[1]).isEqualTo("42");
        assertThat(Base64.getDecoder().decode(lines[2])).isEqualTo(root);
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).startsWith("\u2014 " + NAME + " ");
        assertThat(lines[5]).isEmpty();

        // independent: key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0:4], signature over the body
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(NAME.getBytes(StandardCharsets.UTF_8));
        sha.update(new byte[] {0x0A, 0x01});
        sha.update(raw);
        byte[] keyId = Arrays.copyOf(sha.digest(), 4);
        byte[] sig = Base64.getDecoder().decode(lines[4].substring(lines[4].lastIndexOf(' ') + 1));
        assertThat(sig).hasSize(68);
        assertThat(Arrays.copyOf(sig, 4)).isEqualTo(keyId);
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                pair.getPublic().getEncoded())));
        ed.update(body.getBytes(StandardCharsets.UTF_8));
        assertThat(ed.verify(Arrays.copyOfRange(sig, 4, 68))).isTrue();

        String vkey = Ed25519Keys.verifierKey(NAME, raw);
        assertThat(vkey).isEqualTo(NAME + "+" + HexFormat.of().formatHex(keyId) + "+"
                + Base64.getEncoder().encodeToString(concat(new byte[] {1}, raw)));
        assertThat(SignedNote.verify(note, Ed25519Keys.parseVerifierKey(vkey))).contains(body);
        assertThat(SignedNote.verify(note, new Ed25519Keys.NoteKey(null, Ed25519Keys.rawFromPem(
                Ed25519Keys.pem(pair.getPublic().getEncoded()))))).contains(body);
    }

    @Test
    void anyChangeToTheNoteOrTheWrongKeyFailsVerification() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Ed25519Keys.rawFromSpki(pair.getPublic().getEncoded());
        String note = SignedNote.sign(new Checkpoint(NAME, 7, new byte[32]).body(), NAME, raw, pair.getPrivate());
        Ed25519Keys.NoteKey key = new Ed25519Keys.NoteKey(NAME, raw);
        assertThat(SignedNote.verify(note, key)).isPresent();
        assertThat(SignedNote.verify(note.replace("\n7\n", "\n8\n"), key)).isEmpty();
        assertThat(SignedNote.verify(note, new Ed25519Keys.NoteKey("other.example/log", raw))).isEmpty();
        assertThat(SignedNote.verify(note, new Ed25519Keys.NoteKey(NAME,
                Ed25519Keys.rawFromSpki(other.getPublic().getEncoded())))).isEmpty();
        assertThatThrownBy(() -> Ed25519Keys.parseVerifierKey(Ed25519Keys.verifierKey(NAME, raw)
                .replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+"))).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
