package io.tanxin.intake.telemetry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import io.tanxin.shared.Page;
import io.tanxin.shared.Unit;
import io.tanxin.shared.Uscc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Telemetry's API: register meters, list them, read dead letters and intake statistics. */
@Service
public class TelemetryManagement {

    private static final String METER_ID = "[A-Za-z0-9._-]{1,64}";

    private final Meters meters;
    private final Readings readings;
    private final DeadLetters deadLetters;
    private final MeterCache cache;
    private final DirectoryManagement directory;

    TelemetryManagement(Meters meters, Readings readings, DeadLetters deadLetters, MeterCache cache,
            DirectoryManagement directory) {
        this.meters = meters;
        this.readings = readings;
        this.deadLetters = deadLetters;
        this.cache = cache;
        this.directory = directory;
    }

    /**
     * Registers a meter of an enterprise in a park. The enterprise must belong to the park: a
     * park platform reports only for its own members.
     */
    @Transactional
    public Meter registerMeter(String meterId, String parkCode, String rawUscc, QuantityKind kind, String unitText,
            String registeredBy) {
        if (meterId == null || !meterId.matches(METER_ID)) {
            throw new DomainException("INVALID_METER_ID", "表号应为 1–64 个字母、数字、点、下划线或连字符：" + meterId,
                    "A meter id has 1–64 letters, digits, dots, underscores or hyphens: " + meterId).withStatus(400);
        }
        if (kind == null) {
            throw new DomainException("QUANTITY_KIND_REQUIRED", "计量类型必填（ELECTRICITY/NATURAL_GAS/HEAT/ONSITE_GREEN）",
                    "Quantity kind is required (ELECTRICITY/NATURAL_GAS/HEAT/ONSITE_GREEN)");
        }
        if (parkCode == null || directory.parks().stream().noneMatch(p -> p.code().equals(parkCode))) {
            throw new DomainException("UNKNOWN_PARK", "未知园区：" + parkCode, "Unknown park: " + parkCode);
        }
        String uscc = Uscc.of(rawUscc).value();
        Enterprise enterprise = directory.enterprise(uscc);
        if (!parkCode.equals(enterprise.parkCode())) {
            throw new DomainException("ENTERPRISE_NOT_IN_PARK", "企业 " + uscc + " 不属于园区 " + parkCode,
                    "Enterprise " + uscc + " is not in park " + parkCode);
        }
        Unit unit = Unit.parse(unitText);
        if (unit.dimension() != kind.dimension()) {
            throw new DomainException("METER_UNIT_MISMATCH",
                    kind.nameZh() + "的计量单位应为" + kind.dimension() + "量纲，而 " + unit + " 不是",
                    kind + " meters count in a unit of " + kind.dimension() + "; " + unit + " is not");
        }
        if (meters.find(meterId).isPresent()) {
            throw new DomainException("METER_EXISTS", "计量表已登记：" + meterId, "Meter already registered: " + meterId)
                    .withStatus(409);
        }
        Meter meter = new Meter(meterId, parkCode, uscc, kind, unit.symbol(), registeredBy,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        meters.insert(meter);
        cache.registered(meter);
        return meter;
    }

    public Meter meter(String meterId) {
        return meters.find(meterId).orElseThrow(() -> new NotFoundException("METER_NOT_FOUND",
                "未找到计量表：" + meterId, "No meter " + meterId));
    }

    /** A park's meters, or every meter when {@code parkCode} is null. */
    public List<Meter> meters(String parkCode) {
        return meters.list(parkCode);
    }

    public Page<DeadLetter> deadLetters(String parkCode, int page, int size) {
        io.tanxin.shared.Page.check(page, size);
        return deadLetters.page(parkCode, page, size);
    }

    /** Totals and each meter's newest reading; {@code parkCode} null means the whole platform. */
    @Transactional(readOnly = true)
    public TelemetryStats stats(String parkCode) {
        List<TelemetryStats.MeterActivity> perMeter = readings.activityPerMeter(parkCode);
        long readingCount = parkCode == null ? readings.count()
                : perMeter.stream().mapToLong(TelemetryStats.MeterActivity::readings).sum();
        return new TelemetryStats(readingCount, deadLetters.count(parkCode), perMeter);
    }
}
