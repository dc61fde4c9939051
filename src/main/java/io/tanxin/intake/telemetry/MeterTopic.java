package io.tanxin.intake.telemetry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The park and meter a topic {@code tanxin/parks/{park}/meters/{meter}/readings} names. */
record MeterTopic(String parkCode, String meterId) {

    private static final Pattern TOPIC = Pattern.compile("tanxin/parks/([^/+#]{1,32})/meters/([^/+#]{1,64})/readings");

    static MeterTopic parse(String topic) {
        Matcher m = TOPIC.matcher(topic);
        return m.matches() ? new MeterTopic(m.group(1), m.group(2)) : null;
    }

    static String of(String parkCode, String meterId) {
        return "tanxin/parks/" + parkCode + "/meters/" + meterId + "/readings";
    }
}
