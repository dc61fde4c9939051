package io.tanxin.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The hand-written equality must stay the record's own: every component counts. */
class QueryRecordTest {

    private static final QueryRecord RECORD = new QueryRecord(17, "91140100MA0KXXXX01", Instant.parse(
            "2026-11-30T02:00:00Z"), "bank.officer", "C1140100000001", "晋商银行", AccessBasis.CONSENT,
            ReportPurpose.LOAN_APPROVAL, 5L);

    @Test
    void equalRecordsAreEqualAndHashAlike() {
        QueryRecord same = new QueryRecord(17, new String("91140100MA0KXXXX01"), Instant.parse("2026-11-30T02:00:00Z"),
                new String("bank.officer"), new String("C1140100000001"), new String("晋商银行"), AccessBasis.CONSENT,
                ReportPurpose.LOAN_APPROVAL, Long.valueOf(5));
        assertThat(same).isEqualTo(RECORD).hasSameHashCodeAs(RECORD);
        assertThat(RECORD).isEqualTo(RECORD).isNotEqualTo(null).isNotEqualTo("17");
    }

    @Test
    void everyComponentCountsInEquality() throws Exception {
        Object[] others = {18L, "91140100MA0KXXXX02", Instant.parse("2026-11-30T02:00:01Z"), "other.officer",
                "C1140100000002", "其他银行", AccessBasis.AGENCY, ReportPurpose.POST_LOAN_MONITORING, 6L};
        RecordComponent[] components = QueryRecord.class.getRecordComponents();
        assertThat(components).hasSameSizeAs(others);
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        for (int changed = 0; changed < components.length; changed++) {
            for (Object value : new Object[] {others[changed], null}) {
                if (value == null && components[changed].getType().isPrimitive()) {
                    continue;
                }
                Object[] args = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    args[i] = i == changed ? value : components[i].getAccessor().invoke(RECORD);
                }
                QueryRecord other = QueryRecord.class.getDeclaredConstructor(types).newInstance(args);
                assertThat(other).as(components[changed].getName() + " = " + value).isNotEqualTo(RECORD);
                assertThat(RECORD).as(components[changed].getName() + " = " + value).isNotEqualTo(other);
            }
        }
    }

    @Test
    void aBanksViewOfAnotherBanksQueryIsAnotherValue() {
        QueryRecord masked = new QueryRecord(RECORD.id(), RECORD.uscc(), RECORD.queriedAt(), null,
                RECORD.organisationCode(), RECORD.organisationName(), RECORD.basis(), RECORD.purpose(), null);
        assertThat(masked).isNotEqualTo(RECORD);
    }
}
