package io.tanxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UsccTest {

    @Test
    void acceptsPublishedCodes() {
        // the worked example of GB 32100-2015 and codes printed on business licences
        for (String code : new String[] {"91350100M000100Y43", "91110000600037341L", "9144030071526726XG",
                "91440300708461136T"}) {
            assertThat(Uscc.isValid(code)).as(code).isTrue();
        }
        assertThat(Uscc.of("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.of("91350100M000100Y43").divisionCode()).isEqualTo("350100");
    }

    @Test
    void refusesWrongLengthForbiddenLettersAndWrongCheck() {
        assertThatThrownBy(() -> Uscc.of("91350100M000100Y4")).hasMessageContaining("18");
        assertThatThrownBy(() -> Uscc.of("91350100M000100I43")).isInstanceOf(InvalidUsccException.class);
        assertThatThrownBy(() -> Uscc.of("91350100M000100Y44"))
                .isInstanceOfSatisfying(InvalidUsccException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_USCC");
                    assertThat(e.messageZh()).contains("校验位");
                });
        assertThatThrownBy(() -> Uscc.of(null)).isInstanceOf(InvalidUsccException.class);
    }

    @Property
    void anyBodyWithItsCheckCharacterIsValid(@ForAll("bodies") String body) {
        assertThat(Uscc.isValid(body + Uscc.checkCharacter(body))).isTrue();
    }

    /** 31 is prime and no weight is 0 mod 31, so every single-character change is caught. */
    @Property
    void everySingleCharacterChangeIsDetected(@ForAll("bodies") String body, @ForAll @IntRange(max = 17) int position,
            @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = body + Uscc.checkCharacter(body);
        int v = Uscc.ALPHABET.indexOf(code.charAt(position));
        char replaced = Uscc.ALPHABET.charAt((v + shift) % 31);
        String tampered = code.substring(0, position) + replaced + code.substring(position + 1);
        assertThat(Uscc.isValid(tampered)).as(tampered).isFalse();
    }

    @Property
    void arbitraryTextNeverThrowsAnythingButTheDomainError(@ForAll String text) {
        try {
            Uscc.of(text);
        } catch (InvalidUsccException expected) {
            assertThat(expected.code()).isEqualTo("INVALID_USCC");
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.of(Uscc.ALPHABET.chars().mapToObj(c -> (char) c).toArray(Character[]::new))
                .list().ofSize(17).map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }
}
