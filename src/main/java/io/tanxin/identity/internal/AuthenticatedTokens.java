package io.tanxin.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.stereotype.Component;

/**
 * Whose each API token is, remembered for a short while. Every API request presents a token, and
 * reading it was a round trip to the database before the request's own work: about 8 % of the
 * server's JVM samples under credit-report load (async-profiler). A token is remembered for at
 * most {@link #FRESH_FOR}, and never past its own expiry; only tokens of enabled users are
 * remembered, so an unknown, expired or revoked token is read (and refused) every time.
 *
 * <p>The platform neither revokes tokens nor disables users itself yet; one revoked or disabled in
 * the database stops working within {@link #FRESH_FOR} on every instance.
 */
@Component
class AuthenticatedTokens {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Known(Users.StoredUser user, Instant expiresAt) {
    }

    private final Users users;
    private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfter(Expiry.creating((String hash, Known k) -> freshFor(k.expiresAt(), Instant.now())))
            .build();

    AuthenticatedTokens(Users users) {
        this.users = users;
    }

    /** The enabled user holding the token with this hash, if the token is valid. */
    Optional<Users.StoredUser> user(String tokenHash) {
        // an entry lives no longer than its token (the cache's expiry), so a remembered one is valid
        Known k = known.getIfPresent(tokenHash);
        if (k != null) {
            return Optional.of(k.user());
        }
        Optional<Users.TokenHolder> holder = users.findByTokenHash(tokenHash);
        holder.filter(h -> h.user().enabled())
                .ifPresent(h -> known.put(tokenHash, new Known(h.user(), h.expiresAt())));
        return holder.map(Users.TokenHolder::user);
    }

    /** How long a token expiring at {@code expiresAt} (null: never) may be remembered from {@code now}. */
    static Duration freshFor(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return FRESH_FOR;
        }
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(FRESH_FOR) < 0 ? left : FRESH_FOR;
    }
}
