package io.tanxin.accounting.web;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Uscc;

/**
 * Tenant rules on top of the role rules: an enterprise user reaches only its own enterprise, a
 * park administrator only the enterprises of its park.
 */
final class EnterpriseAccess {

    private EnterpriseAccess() {
    }

    /** The enterprise of a path variable, once the caller has passed every rule to see it. */
    static Enterprise resolve(DirectoryManagement directory, String rawUscc) {
        String uscc = Uscc.ofPath(rawUscc).value();
        // tenant check before existence, so that a foreign enterprise user learns nothing
        Actors.requireEnterpriseAccess(uscc);
        Enterprise enterprise = directory.enterprise(uscc);
        check(enterprise);
        return enterprise;
    }

    static void check(Enterprise enterprise) {
        Actor actor = Actors.require();
        boolean allowed = actor.mayAccessEnterprise(enterprise.uscc());
        if (allowed && actor.confinedToPark()) {
            allowed = actor.worksForPark(enterprise.parkCode());
        }
        if (!allowed) {
            throw new DomainException("FORBIDDEN_TENANT", "无权访问该企业的数据", "You may not access this enterprise's data")
                    .withStatus(403);
        }
    }
}
