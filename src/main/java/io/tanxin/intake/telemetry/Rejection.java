package io.tanxin.intake.telemetry;

/** Why a message or one of its readings was not accepted; becomes a dead letter. */
record Rejection(String topic, String parkCode, String meterId, byte[] payload, String code, String reasonZh,
        String reasonEn) {
}
