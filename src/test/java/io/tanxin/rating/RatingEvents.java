package io.tanxin.rating;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every RatingChanged in the test context (picked up by component scanning of the test classpath). */
@Component
class RatingEvents {

    final List<RatingChanged> changes = new CopyOnWriteArrayList<>();

    @EventListener
    void on(RatingChanged changed) {
        changes.add(changed);
    }
}
