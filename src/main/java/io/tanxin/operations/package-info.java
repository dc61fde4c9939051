/**
 * Operator commands run from the same jar ({@code java -jar tanxin.jar recompute}): they use the
 * modules' public APIs against the configured database and print what they did.
 */
package io.tanxin.operations;
