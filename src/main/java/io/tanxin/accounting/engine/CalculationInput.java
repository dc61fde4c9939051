package io.tanxin.accounting.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything one calculation depends on besides the factor set.
 *
 * @param provinceCode GB/T 2260 code; a city code is accepted and read as its province
 * @param gridRegion   grid region of the province, e.g. NORTH_CHINA
 * @param year         data year, which selects the grid factors
 */
public record CalculationInput(Methodology methodology, String provinceCode, String gridRegion, int year,
                               List<Activity> activities) {

    public CalculationInput {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    /**
     * SHA-256 (hex) of a canonical text of this input, the factor set's code and version and the
     * engine version: equal hashes mean the run can be reproduced exactly. Activities are sorted,
     * because their order changes no figure.
     */
    public String canonicalHash(FactorSet factors) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("tanxin-calculation-input/1\n");
        sb.append("engine=").append(CarbonEngine.VERSION).append('\n');
        sb.append("factorSet=").append(factors.code()).append('@').append(factors.version()).append('\n');
        sb.append("methodology=").append(methodology).append('\n');
        sb.append("province=").append(provinceCode == null ? "" : provinceCode.trim()).append('\n');
        sb.append("gridRegion=").append(gridRegion == null ? "" : gridRegion.trim()).append('\n');
        sb.append("year=").append(year).append('\n');
        List<String> lines = new ArrayList<>(activities.size());
        for (Activity a : activities) {
            lines.add(a.canonicalText());
        }
        Collections.sort(lines);
        for (String line : lines) {
            sb.append("activity=").append(line).append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
