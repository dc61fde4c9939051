package io.tanxin.demo.generator;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A demo login. The password is set by whoever loads the demo (not here). {@code organisationCode} is an
 * institution code, an enterprise USCC, a park code or a citizen code, according to {@code organisationKind};
 * null for {@link OrganisationKind#NONE}.
 */
public record DemoUser(String username, String displayNameZh, Set<String> roles, OrganisationKind organisationKind,
                       String organisationCode) {

    public enum OrganisationKind { ENTERPRISE, INSTITUTION, PARK, CITIZEN, NONE }

    public DemoUser {
        Objects.requireNonNull(username);
        Objects.requireNonNull(displayNameZh);
        Objects.requireNonNull(organisationKind);
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    }
}
