package io.tanxin.reporting;

/**
 * An item a report must mark: DISPUTED while its objection is open, ANNOTATED_UNVERIFIABLE for
 * good once the agency could not verify it.
 */
public record DisputedItem(ObjectionItemType itemType, String itemRef, long objectionId, Mark mark) {

    public enum Mark { DISPUTED, ANNOTATED_UNVERIFIABLE }
}
