/**
 * Cross-verification of an enterprise's data between sources and against plausibility rules
 * (DESIGN §5.2): findings with severity and status, analyst notes, thresholds as data.
 *
 * <p>A named interface so that the console can list findings and record analysts' notes through
 * {@link io.tanxin.intake.verification.CrossVerification}, the same service the HTTP API uses.
 */
@org.springframework.modulith.NamedInterface("verification")
package io.tanxin.intake.verification;
