package io.tanxin.accounting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tanxin.shared.Unit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactorSetCsvTest {

    @Test
    void bundledReferenceDataLoadsWithSourcesAndStatuses() {
        FactorSet set = EngineFixtures.FACTORS;
        assertThat(set.fuels()).hasSize(18);
        assertThat(set.electricityFactors()).hasSize(19);
        assertThat(set.processFactors()).hasSize(14);
        assertThat(set.energyConversions()).hasSize(8);

        FuelFactor gas = set.fuel("NATURAL_GAS").orElseThrow();
        assertThat(gas.activityUnit()).isEqualTo(Unit.TEN_THOUSAND_NM3);
        assertThat(gas.ncvGjPerUnit()).isEqualByComparingTo("389.31");
        assertThat(gas.source()).startsWith("NDRC common fossil fuel defaults");
        assertThat(gas.status()).startsWith("confirmed");

        ElectricityFactor heat = set.electricityFactors().stream()
                .filter(f -> f.code().equals("PURCHASED_HEAT")).findFirst().orElseThrow();
        assertThat(heat.dataYear()).isNull();
        assertThat(set.processFactor("CLINKER_CALCINATION_MGO").orElseThrow().value()).isEqualByComparingTo("1.091571");
        assertThat(set.energyConversion("TCE_GJ").orElseThrow().value()).isEqualByComparingTo("29.3076");
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksAreRead() {
        ReferenceCsv csv = ReferenceCsv.parse("x.csv",
                "\uFEFFcode,source,status\r\nA,\"guideline, appendix \"\"B\"\"\",\"two\nlines\"\r\nB,plain,\n");
        assertThat(csv.rows()).hasSize(2);
        assertThat(csv.rows().get(0).get("source")).isEqualTo("guideline, appendix \"B\"");
        assertThat(csv.rows().get(0).get("status")).isEqualTo("two\nlines");
        assertThat(csv.rows().get(1).get("status")).isEmpty();
    }

    @Test
    void aNewerFileVersionWithAnotherFuelIsASeparateSet() {
        Map<String, String> files = bundledTexts();
        files.put(FactorSetCsv.FUELS, files.get(FactorSetCsv.FUELS)
                + "PETROLEUM_COKE,石油焦,petroleum coke,t,32.5,GJ/t,0.0275,0.98,\"test source, quoted\",draft\n");
        FactorSet v2 = FactorSetCsv.parse("CN-REFERENCE", 2, files);
        assertThat(v2.fuel("PETROLEUM_COKE").orElseThrow().source()).isEqualTo("test source, quoted");
        assertThat(EngineFixtures.FACTORS.fuel("PETROLEUM_COKE")).isEmpty();
    }

    @Test
    void ncvPerTheWrongUnitIsRefused() {
        Map<String, String> files = bundledTexts();
        files.put(FactorSetCsv.FUELS, files.get(FactorSetCsv.FUELS).replace("389.31,GJ/10^4 Nm3", "389.31,GJ/t"));
        assertThatThrownBy(() -> FactorSetCsv.parse("bad", 1, files))
                .isInstanceOf(CalculationException.class)
                .hasMessageContaining("REFERENCE_DATA_INVALID")
                .hasMessageContaining("fuels.csv");
    }

    private static Map<String, String> bundledTexts() {
        Map<String, String> files = new HashMap<>();
        for (String name : FactorSetCsv.FILES) {
            try (var in = FactorSetCsv.class.getResourceAsStream("/reference/" + name)) {
                files.put(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return files;
    }
}
