/**
 * Credit-reporting rules (DESIGN §5.5): consents of enterprises to institutions, the access
 * decision and record of every report query, objections with their deadline and outcome, and the
 * five-year rule for negative information. Other modules hear from it only through its events.
 */
package io.tanxin.reporting;
