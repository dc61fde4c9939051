package io.tanxin.identity;

/** What a user belongs to: an enterprise (by USCC), an institution or park (by code), or no one. */
public enum OrganisationKind {
    ENTERPRISE, INSTITUTION, PARK, CITIZEN, NONE
}
