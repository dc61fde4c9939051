package io.tanxin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.tanxin.accounting.CarbonAccount;
import org.junit.jupiter.api.Test;

class AssembledAccountsTest {

    final AssembledAccounts accounts = new AssembledAccounts();
    final AtomicInteger assembled = new AtomicInteger();

    CarbonAccount assemble(String name) {
        assembled.incrementAndGet();
        return new CarbonAccount("U", name, "2025", "YEAR", false, "tCO2e", null, 12, 12, List.of(), List.of(), null,
                java.util.Map.of(), null, null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                null);
    }

    AssembledAccounts.Version version(List<Long> runs, List<Integer> scores, String name) {
        return new AssembledAccounts.Version(runs, scores, name, false);
    }

    @Test
    void reusesAnAccountOnlyWhileEverythingItWasMadeOfIsUnchanged() {
        var v1 = version(List.of(1L, 2L), java.util.Arrays.asList(2, null), "甲");
        CarbonAccount first = accounts.get("U", "2025", v1, () -> assemble("甲"));
        assertThat(accounts.get("U", "2025", version(List.of(1L, 2L), java.util.Arrays.asList(2, null), "甲"),
                () -> assemble("甲"))).isSameAs(first);
        assertThat(assembled).hasValue(1);

        // a recalculated month is a new run id
        CarbonAccount recalculated = accounts.get("U", "2025", version(List.of(1L, 3L), java.util.Arrays.asList(2, null),
                "甲"), () -> assemble("甲"));
        assertThat(recalculated).isNotSameAs(first);
        // a new data-quality score, a renamed enterprise
        accounts.get("U", "2025", version(List.of(1L, 3L), java.util.Arrays.asList(1, null), "甲"), () -> assemble("甲"));
        CarbonAccount renamed = accounts.get("U", "2025", version(List.of(1L, 3L), java.util.Arrays.asList(1, null),
                "乙"), () -> assemble("乙"));
        assertThat(renamed.enterpriseName()).isEqualTo("乙");
        // another period or enterprise never shares an entry
        accounts.get("U", "2024", version(List.of(1L, 3L), java.util.Arrays.asList(1, null), "乙"), () -> assemble("乙"));
        accounts.get("V", "2025", version(List.of(1L, 3L), java.util.Arrays.asList(1, null), "乙"), () -> assemble("乙"));
        assertThat(assembled).hasValue(6);
    }
}
