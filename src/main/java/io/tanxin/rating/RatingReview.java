package io.tanxin.rating;

import java.util.List;
import java.util.Map;

/** The label distribution of a year's current ratings by industry and by city, and the top reasons. */
public record RatingReview(int year, String modelVersion, int enterprises, Map<String, Integer> labels,
        List<Group> byIndustry, List<Group> byCity, List<ReasonCount> topReasons) {

    public record Group(String code, String nameZh, int enterprises, Map<String, Integer> labels, double averageScore) {
    }

    public record ReasonCount(String code, String textZh, String textEn, int enterprises) {
    }
}
