package io.tanxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void kilogrammesAndTonnesConvertExactly() {
        assertThat(Quantity.of("1500", "kg").to(Unit.T).amount()).isEqualByComparingTo("1.5");
        assertThat(Quantity.of("0.25", "t").to(Unit.KG).amount()).isEqualByComparingTo("250");
    }

    @Test
    void normalCubicMetresAndTenThousandsConvertExactly() {
        assertThat(Quantity.of("12345", "Nm3").to(Unit.TEN_THOUSAND_NM3).amount()).isEqualByComparingTo("1.2345");
        assertThat(Quantity.of("2", "10^4 Nm3").to(Unit.NM3).amount()).isEqualByComparingTo("20000");
    }

    @Test
    void kilowattHoursAndMegawattHoursConvertExactly() {
        assertThat(Quantity.of("5000000", "kWh").to(Unit.MWH).amount()).isEqualByComparingTo("5000");
        assertThat(Quantity.of("1", "MWh").to(Unit.KWH).amount()).isEqualByComparingTo("1000");
    }

    @Test
    void megawattHourIsThreePointSixGigajoules() {
        assertThat(Quantity.of("10", "MWh").to(Unit.GJ).amount()).isEqualByComparingTo("36");
        assertThat(Quantity.of("36", "GJ").to(Unit.MWH).amount()).isEqualByComparingTo("10");
        // 1 GJ = 1/3.6 MWh does not terminate: 34 significant digits are kept
        assertThat(Quantity.of("1", "GJ").to(Unit.MWH).amount())
                .isEqualByComparingTo("0.2777777777777777777777777777777778");
        assertThat(Quantity.of("1", "kWh").to(Unit.MJ).amount()).isEqualByComparingTo("3.6");
    }

    @Test
    void chineseAndSuperscriptAliasesAreRecognised() {
        assertThat(Unit.parse("万Nm3")).isEqualTo(Unit.TEN_THOUSAND_NM3);
        assertThat(Unit.parse("万立方米")).isEqualTo(Unit.TEN_THOUSAND_NM3);
        assertThat(Unit.parse("Nm³")).isEqualTo(Unit.NM3);
        assertThat(Unit.parse("万元")).isEqualTo(Unit.TEN_THOUSAND_CNY);
        assertThat(Unit.parse("元")).isEqualTo(Unit.CNY);
        assertThat(Unit.parse(" mwh ")).isEqualTo(Unit.MWH);
        assertThat(Quantity.of("3", "万Nm3").to(Unit.NM3).amount()).isEqualByComparingTo("30000");
        assertThat(Quantity.of("25000", "元").to(Unit.TEN_THOUSAND_CNY).amount()).isEqualByComparingTo("2.5");
    }

    @Test
    void massIsNeverConvertedToEnergy() {
        assertThatThrownBy(() -> Quantity.of("1", "t").to(Unit.MWH))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException d = (DomainException) e;
                    assertThat(d.code()).isEqualTo("UNIT_NOT_CONVERTIBLE");
                    assertThat(d.messageZh()).contains("t").contains("MWh");
                    assertThat(d.messageEn()).contains("t").contains("MWh");
                });
    }

    @Test
    void unknownUnitIsRefusedByName() {
        assertThatThrownBy(() -> Unit.parse("barrel"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException d = (DomainException) e;
                    assertThat(d.code()).isEqualTo("UNKNOWN_UNIT");
                    assertThat(d.messageZh()).contains("barrel");
                    assertThat(d.messageEn()).contains("barrel");
                });
        assertThat(Unit.parseOrNull("台")).isNull();
    }

    @Test
    void quantitiesAddAcrossUnitsOfOneDimension() {
        Quantity sum = Quantity.of("1", "t").plus(Quantity.of("500", "kg"));
        assertThat(sum.unit()).isEqualTo(Unit.T);
        assertThat(sum.amount()).isEqualByComparingTo("1.5");
        assertThat(Quantity.of("1", "t").isEquivalentTo(new Quantity(new BigDecimal("1000.000"), Unit.KG))).isTrue();
    }
}
