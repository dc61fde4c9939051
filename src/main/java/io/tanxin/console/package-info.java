/**
 * The web console: sign-in and a home page per role, server-rendered in Chinese first. It reads
 * other modules through their public APIs only.
 */
package io.tanxin.console;
