package io.tanxin.identity;

import java.util.Set;

/** The authenticated caller as the modules see it: who, with which roles, for which organisation. */
public record Actor(String username, String displayName, Set<Role> roles, OrganisationKind organisationKind,
        String organisationCode) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * An enterprise user is confined to its own enterprise, whatever other roles it holds; every
     * institutional role reaches enterprises through its own rules (consent for banks, later).
     */
    public boolean confinedToOwnEnterprise() {
        return organisationKind == OrganisationKind.ENTERPRISE || has(Role.ENTERPRISE);
    }

    /**
     * A park administrator with no role that sees the whole province (regulator, agency analyst,
     * verifier) reaches only the enterprises of its own park, {@link #organisationCode}; without a
     * park, none.
     */
    public boolean confinedToPark() {
        return has(Role.PARK_ADMIN) && !has(Role.REGULATOR) && !has(Role.AGENCY_ANALYST) && !has(Role.VERIFIER);
    }

    /** Whether this caller's organisation is the park {@code parkCode}; never without a park of its own. */
    public boolean worksForPark(String parkCode) {
        return organisationCode != null && organisationCode.equals(parkCode);
    }

    public boolean mayAccessEnterprise(String uscc) {
        return !confinedToOwnEnterprise() || (organisationCode != null && organisationCode.equals(uscc));
    }
}
