package io.tanxin.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

import org.junit.jupiter.api.Test;

class FastEd25519Test {

    @Test
    void signsByteForByteAsTheJdkDoesAndTheJdkVerifiesIt() throws Exception {
        for (int k = 0; k < 5; k++) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            FastEd25519 fast = new FastEd25519(pair.getPrivate());
            for (String text : new String[] {"", "tanxin.io/evidence/x\n42\nAAAA\n", "碳信用报告\n".repeat(50)}) {
                byte[] message = text.getBytes(StandardCharsets.UTF_8);
                Signature jdk = Signature.getInstance("Ed25519");
                jdk.initSign(pair.getPrivate());
                jdk.update(message);
                byte[] signature = fast.sign(message);
                assertThat(signature).isEqualTo(jdk.sign());
                Signature verify = Signature.getInstance("Ed25519");
                verify.initVerify(pair.getPublic());
                verify.update(message);
                assertThat(verify.verify(signature)).isTrue();
            }
        }
    }
}
