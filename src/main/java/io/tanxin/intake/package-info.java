/**
 * Data intake (DESIGN §5.2): sources, submissions by file, JSON and MQTT, each kept raw and
 * hashed into the evidence log; cross-verification of sources and the data-quality score.
 */
package io.tanxin.intake;
