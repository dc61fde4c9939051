package io.tanxin.support;

/** CPU time of this JVM and of the local PostgreSQL server, for benchmarks that report CPU per operation. */
public final class Cpu {

    private Cpu() {
    }

    public static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** User and system CPU of every postgres process on this machine (the server is local), or -1. */
    public static long postgresNanos() {
        long ticks = 0;
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = java.nio.file.Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended between listing and reading
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }
}
