package io.tanxin.identity;

import java.util.Optional;

import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the current caller from any module, without touching Spring Security's types. */
public final class Actors {

    private Actors() {
    }

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    public static Actor require() {
        return current().orElseThrow(() -> new DomainException("UNAUTHENTICATED", "请先登录", "Please sign in")
                .withStatus(401));
    }

    /** Refuses an enterprise user who asks about an enterprise other than its own. */
    public static void requireEnterpriseAccess(String uscc) {
        // a malformed code is the caller's mistake (400), not an empty list of an enterprise that cannot exist
        io.tanxin.shared.Uscc.ofPath(uscc);
        Actor actor = require();
        if (!actor.mayAccessEnterprise(uscc)) {
            throw forbiddenTenant();
        }
    }

    /**
     * A record of some enterprise, by id, for a caller who may see it: an enterprise user is told
     * alike that a record is another enterprise's and that there is none, so that trying ids in
     * turn does not reveal which exist.
     */
    public static <T> T requireOwnRecord(java.util.function.Supplier<T> load, java.util.function.Function<T, String> usccOf) {
        T record;
        try {
            record = load.get();
        } catch (NotFoundException e) {
            if (require().confinedToOwnEnterprise()) {
                throw forbiddenTenant();
            }
            throw e;
        }
        requireEnterpriseAccess(usccOf.apply(record));
        return record;
    }

    /** The refusal of an enterprise's data to a caller outside it (another enterprise, another park). */
    public static DomainException forbiddenTenant() {
        return new DomainException("FORBIDDEN_TENANT", "无权访问其他企业的数据", "You may not access another enterprise's data")
                .withStatus(403);
    }

    /** Implemented by the security principal so that other modules never see Spring's UserDetails. */
    public interface ActorPrincipal {
        Actor actor();
    }
}
