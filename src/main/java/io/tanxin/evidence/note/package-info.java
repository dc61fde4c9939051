/**
 * C2SP signed-note and tlog-checkpoint text with Ed25519 from the JDK, in plain Java so that the
 * offline verifier runs without Spring or a database.
 */
package io.tanxin.evidence.note;
