package io.tanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuthenticatedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

    @Test
    void aTokenIsRememberedForAShortWhileAndNeverPastItsExpiry() {
        assertThat(AuthenticatedTokens.freshFor(null, NOW)).isEqualTo(AuthenticatedTokens.FRESH_FOR);
        assertThat(AuthenticatedTokens.freshFor(NOW.plus(Duration.ofDays(30)), NOW))
                .isEqualTo(AuthenticatedTokens.FRESH_FOR);
        assertThat(AuthenticatedTokens.freshFor(NOW.plusSeconds(3), NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(AuthenticatedTokens.freshFor(NOW.minusSeconds(1), NOW)).isEqualTo(Duration.ZERO);
    }
}
