package io.tanxin.intake.telemetry;

/** A message as the broker delivered it, free of MQTT client types so that intake can be tested alone. */
record InboundMessage(String topic, byte[] payload) {
}
