package io.tanxin.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of the enterprise's penalty records. A record found wrong (an objection answered
 * CORRECTED) is withdrawn rather than deleted: it no longer counts in ratings or shows in reports,
 * and its row keeps who withdrew it, when and why, next to the submission it came in with.
 */
@Service
public class PenaltyRecords {

    private final JdbcClient jdbc;

    PenaltyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Withdraws the enterprise's penalty records with this document number; returns how many were withdrawn. */
    @Transactional
    public int withdraw(String uscc, String documentNo, String note, String by, Instant at) {
        return jdbc.sql("UPDATE penalty SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_note = ? "
                + "WHERE uscc = ? AND document_no = ? AND withdrawn_at IS NULL")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by, note, uscc, documentNo).update();
    }
}
