package io.tanxin.accounting.engine;

import io.tanxin.shared.Unit;
import java.math.BigDecimal;

/** Default combustion parameters of one fuel, per unit of its activity data (t or 10^4 Nm3). */
public record FuelFactor(String code, String nameZh, String nameEn, Unit activityUnit, BigDecimal ncvGjPerUnit,
                         BigDecimal carbonContentTcPerGj, BigDecimal oxidationRate, String source, String status) {

    public String ncvUnit() {
        return "GJ/" + activityUnit.symbol();
    }
}
