package io.tanxin.rating;

import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark of issue 4, not part of the test run: full re-rating of the demo province (every
 * enterprise, every year with data and the rolling twelve months; then one year) on PostgreSQL.
 * Run with bench/rating.sh.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "tanxin.bench", matches = "true")
class RatingBench {

    @Autowired
    RatingManagement ratings;

    @Test
    void fullReRatingOfTheDemoProvince() {
        ratings.rateEverything(); // warm-up
        long best = Long.MAX_VALUE;
        long bestYear = Long.MAX_VALUE;
        Recalculation last = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            last = ratings.rateEverything();
            best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
            t = System.nanoTime();
            ratings.rateAll(2025);
            bestYear = Math.min(bestYear, (System.nanoTime() - t) / 1_000_000);
        }
        System.out.printf("rating benchmark: full re-rating of %d enterprises (%d ratings: every year + rolling 12 months) "
                + "best of 3: %d ms; one year (2025): %d ms%n", last.enterprises(), last.rated(), best, bestYear);
    }
}
