package io.tanxin.identity;

import java.util.Optional;

import io.tanxin.shared.DomainException;
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
        Actor actor = require();
        if (!actor.mayAccessEnterprise(uscc)) {
            throw new DomainException("FORBIDDEN_TENANT", "无权访问其他企业的数据",
                    "You may not access another enterprise's data").withStatus(403);
        }
    }

    /** Implemented by the security principal so that other modules never see Spring's UserDetails. */
    public interface ActorPrincipal {
        Actor actor();
    }
}
