package io.tanxin.demo.generator;

/** A synthetic resident with a personal carbon ledger (碳普惠). */
public record DemoCitizen(String code, String nameZh) {
}
