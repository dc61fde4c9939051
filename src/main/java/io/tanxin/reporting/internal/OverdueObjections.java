package io.tanxin.reporting.internal;

import java.util.List;

import io.tanxin.reporting.Objection;
import io.tanxin.reporting.Objections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every hour for objections past their 20-day deadline. The analysts' list
 * ({@code GET /api/v1/objections?overdue=true}) shows them at any time; this job puts them in the
 * operations log so that a missed deadline is noticed even when nobody looks.
 */
@Component
class OverdueObjections {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueObjections.class);

    private final Objections objections;

    OverdueObjections(Objections objections) {
        this.objections = objections;
    }

    @Scheduled(initialDelayString = "${tanxin.reporting.overdue-check-initial-ms:60000}",
            fixedDelayString = "${tanxin.reporting.overdue-check-interval-ms:3600000}")
    void flag() {
        List<Objection> overdue = objections.overdue();
        for (Objection o : overdue) {
            LOG.warn("异议 {} 已超过答复期限 {} / objection {} of {} is past its due date {}", o.id(), o.dueDate(), o.id(),
                    o.uscc(), o.dueDate());
        }
    }
}
