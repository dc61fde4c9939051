package io.tanxin.demo.generator;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The synthetic demo province (演示省份): organisations, parks, enterprises, users and citizens. Monthly
 * activity data are streamed by {@link DemoProvinceGenerator#forEachActivity} rather than held here.
 * All data are synthetic; show {@link #NOTICE_ZH} / {@link #NOTICE_EN} wherever they appear.
 */
public record DemoProvince(long seed, YearMonth firstMonth, int months, List<DemoInstitution> institutions,
                           List<DemoPark> parks, List<DemoEnterprise> enterprises, DemoEnterprise featuredEnterprise,
                           List<DemoUser> users, List<DemoCitizen> citizens) {

    public static final String NOTICE_ZH = "演示数据：本省份数据为合成数据，仅用于演示";
    public static final String NOTICE_EN = "Demo data: this province's data are synthetic and for demonstration only";

    public DemoProvince {
        Objects.requireNonNull(firstMonth);
        Objects.requireNonNull(featuredEnterprise);
        institutions = List.copyOf(institutions);
        parks = List.copyOf(parks);
        enterprises = List.copyOf(enterprises);
        users = List.copyOf(users);
        citizens = List.copyOf(citizens);
    }

    /** Last month with data (inclusive). */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(months - 1L);
    }

    public Optional<DemoEnterprise> enterprise(String uscc) {
        return enterprises.stream().filter(e -> e.uscc().equals(uscc)).findFirst();
    }

    public Optional<DemoInstitution> institution(String code) {
        return institutions.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<DemoPark> park(String code) {
        return parks.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<DemoUser> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
