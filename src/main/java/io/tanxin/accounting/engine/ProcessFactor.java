package io.tanxin.accounting.engine;

import java.math.BigDecimal;

/** An industrial-process factor (steel fluxes and fixed carbon, cement calcination). */
public record ProcessFactor(String code, String nameZh, String industry, BigDecimal value, String unit,
                            String source, String status) {
}
