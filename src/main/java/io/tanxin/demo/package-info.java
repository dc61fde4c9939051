/**
 * The synthetic demo province (DESIGN §7): generated deterministically from a seed, loaded once on
 * first start through the other modules' APIs, and announced as synthetic in the console and API.
 */
package io.tanxin.demo;
