package io.tanxin.demo;

import java.time.YearMonth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tanxin.demo.*}: whether and how big a synthetic province to load on first start. */
@ConfigurationProperties("tanxin.demo")
record DemoProperties(boolean enabled, long seed, int enterprises, YearMonth firstMonth, int months, String password) {
}
