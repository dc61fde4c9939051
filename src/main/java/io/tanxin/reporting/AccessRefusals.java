package io.tanxin.reporting;

import java.util.List;

import io.tanxin.reporting.internal.RefusalStore;
import io.tanxin.shared.Page;
import org.springframework.stereotype.Service;

/** The audit of refused report reads, for regulators and the agency's analysts only. */
@Service
public class AccessRefusals {

    private final RefusalStore store;

    AccessRefusals(RefusalStore store) {
        this.store = store;
    }

    /** Refusals, the newest first; {@code uscc} (as it was asked for) null for all. */
    public Page<AccessRefusal> find(String uscc, int page, int size) {
        Page.check(page, size);
        String asked = uscc == null || uscc.isBlank() ? null : uscc.strip();
        List<AccessRefusal> items = store.find(asked, page * size, size);
        return Page.of(items, page, size, () -> store.count(asked));
    }
}
