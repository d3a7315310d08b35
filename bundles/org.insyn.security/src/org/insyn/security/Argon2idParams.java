package org.insyn.security;

/**
 * Argon2id cost parameters (RFC 9106). Stored beside every key they protect, so the cost can be raised later
 * without locking anyone out.
 */
public record Argon2idParams(int memoryKiB, int iterations, int parallelism) {
    /** About half a second per sign-in on a 2-core machine (SignInBenchmark; figures in docs/BENCHMARKS.md). */
    public static final Argon2idParams DEFAULT = new Argon2idParams(128 * 1024, 4, 1);

    public Argon2idParams {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id needs memory >= 8 KiB per lane, >= 1 iteration, >= 1 lane: " + this);
        }
    }

    /** {@code m=131072,t=4,p=1}: memory in KiB, iterations, lanes. */
    public String encode() {
        return "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    }

    /** The parameters written as {@link #encode()} writes them. */
    public static Argon2idParams decode(String s) {
        int m = 0;
        int t = 0;
        int p = 0;
        for (String part : s.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("not Argon2id parameters: " + s);
            }
            int v = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> m = v;
                case "t" -> t = v;
                case "p" -> p = v;
                default -> throw new IllegalArgumentException("unknown Argon2id parameter " + kv[0] + " in " + s);
            }
        }
        return new Argon2idParams(m, t, p);
    }
}
