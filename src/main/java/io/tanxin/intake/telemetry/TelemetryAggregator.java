package io.tanxin.intake.telemetry;

import java.time.YearMonth;
import java.util.List;

import io.tanxin.intake.ActivityRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly activity rows from meter readings, for intake to submit as a park-platform (MQTT)
 * submission: electricity → ELECTRICITY_PURCHASED/GRID in MWh, natural gas → FUEL/NATURAL_GAS in
 * 10^4 Nm3, heat → HEAT_PURCHASED in GJ, on-site green generation → OUTPUT/ONSITE_GREEN_GENERATION
 * in MWh. Month boundaries follow {@link TelemetryMonth}.
 */
@Service
public class TelemetryAggregator {

    private final Readings readings;

    TelemetryAggregator(Readings readings) {
        this.readings = readings;
    }

    /** Every metered enterprise's rows for the month, ordered by USCC then kind. */
    @Transactional(readOnly = true)
    public List<ActivityRow> aggregate(YearMonth month) {
        return aggregate(month, null, null);
    }

    /** The rows of the enterprises metered through one park. */
    @Transactional(readOnly = true)
    public List<ActivityRow> aggregateForPark(YearMonth month, String parkCode) {
        return aggregate(month, parkCode, null);
    }

    /** One enterprise's rows (across every park that meters it). */
    @Transactional(readOnly = true)
    public List<ActivityRow> aggregateForEnterprise(YearMonth month, String uscc) {
        return aggregate(month, null, uscc);
    }

    private List<ActivityRow> aggregate(YearMonth month, String park, String uscc) {
        TelemetryMonth window = TelemetryMonth.of(month);
        return MonthlyTotals.rows(month, readings.totals(window.fromExclusive(), window.toInclusive(), park, uscc));
    }
}
