package io.tanxin.identity;

import java.util.Set;

/** What it takes to create a user; the password is hashed on the way in and never stored. */
public record NewUser(String username, String rawPassword, String displayName, Set<Role> roles,
        OrganisationKind organisationKind, String organisationCode, boolean synthetic) {
}
