package io.tanxin.demo.generator;

import java.util.SplittableRandom;

/** Deterministic random helpers (StrictMath only, so results do not depend on the platform). */
final class Rng {

    private Rng() {
    }

    /** A generator for a (seed, stream, index) triple; independent streams for independent purposes. */
    static SplittableRandom of(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * (stream + 1)) + index));
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Log-uniform between lo and hi (for sizes spanning an order of magnitude). */
    static double logUniform(SplittableRandom r, double lo, double hi) {
        return lo * StrictMath.exp(StrictMath.log(hi / lo) * r.nextDouble());
    }

    static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Log-normal multiplier with mean 1 and log-standard deviation sigma, clipped to ±3 sigma. */
    static double noise(SplittableRandom r, double sigma) {
        double z = Math.max(-3.0, Math.min(3.0, gaussian(r)));
        return StrictMath.exp(sigma * z - sigma * sigma / 2.0);
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Index drawn with the given (not necessarily normalised) weights. */
    static int weighted(SplittableRandom r, double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    /** Largest-remainder apportionment of {@code total} by weights (ties to the lower index). */
    static int[] apportion(int total, double... weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        while (assigned < total) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }
}
