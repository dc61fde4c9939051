package io.tanxin.intake;

/** How a submission arrived. */
public enum Channel {
    CSV, XLSX, JSON, MQTT
}
