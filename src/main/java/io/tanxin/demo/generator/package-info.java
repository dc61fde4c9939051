/**
 * Synthetic "demo province" generator (演示省份数据生成器).
 *
 * <p>Everything this package produces is <b>synthetic</b> (合成数据): enterprises, their codes, names and
 * monthly activity data are invented from a seed. Financial institutions, regulators and data providers
 * carry the names of real Shanxi organisations so that the demo looks familiar, but nothing attributed to
 * them here is real. Show {@link io.tanxin.demo.generator.DemoProvince#NOTICE_ZH} wherever the data appears.
 *
 * <p>Plain Java only: no Spring, JDBC or JSON types. Output is a pure function of
 * (seed, enterpriseCount, firstMonth, months): no wall clock, no hash-order iteration.
 */
package io.tanxin.demo.generator;
