package io.tanxin.reporting.report;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import tools.jackson.core.SerializableString;

/**
 * An immutable list of a report's shared content whose canonical JSON is written once: the reports
 * of one content version carry the same accounts, trend, findings and objections, and writing them
 * again for each report was work repeated to the byte. {@link CanonicalBody} writes the kept text.
 */
final class CanonicalList<E> extends AbstractList<E> implements RandomAccess {

    private final List<E> items;
    // racing first writers compute the same text; either may be kept
    private volatile SerializableString canonical;

    CanonicalList(List<E> items) {
        this.items = List.copyOf(items);
    }

    /** With its canonical text written already, which must be what {@link CanonicalBody} would write. */
    CanonicalList(List<E> items, SerializableString canonical) {
        this(items);
        this.canonical = canonical;
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    SerializableString canonical(java.util.function.Function<List<E>, SerializableString> write) {
        SerializableString text = canonical;
        if (text == null) {
            text = write.apply(items);
            canonical = text;
        }
        return text;
    }
}
