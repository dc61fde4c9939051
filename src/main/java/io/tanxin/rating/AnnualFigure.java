package io.tanxin.rating;

import java.math.BigDecimal;

/**
 * An enterprise's year as the rating saw it: location-based emissions (tCO2e), value added
 * (10⁴ CNY) and the months accounted, so that intensities of groups can be summed, not averaged.
 */
public record AnnualFigure(String uscc, int year, String industryCode, BigDecimal tco2e, BigDecimal valueAdded,
        int months) {
}
