package org.annotationkit.metrics.aggregation;

/**
 * The Mersenne Twister MT19937 with NumPy's legacy {@code RandomState} seeding and draws, so that a
 * seeded method starts from the same random numbers as crowd-kit's ({@code
 * np.random.RandomState(seed).random_sample()}, {@code .normal(loc, scale)}).
 *
 * <p>M. Matsumoto and T. Nishimura, "Mersenne Twister: A 623-Dimensionally Equidistributed Uniform
 * Pseudo-Random Number Generator", ACM TOMACS 8(1), 1998. A seed in {@code [0, 2^32)} is set with
 * {@code init_genrand}, as NumPy does; a larger or negative seed with {@code init_by_array} over
 * its two 32-bit halves (low first). Not thread-safe; each run makes its own.
 */
final class NumpyRandom {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER = 0x80000000;
  private static final int LOWER = 0x7fffffff;

  private final int[] mt = new int[N];
  private int index;
  private boolean hasGauss;
  private double gauss;

  NumpyRandom(long seed) {
    if (seed >= 0 && seed <= 0xffffffffL) {
      initGenrand((int) seed);
    } else {
      initByArray(new int[] {(int) seed, (int) (seed >>> 32)});
    }
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    index = N;
  }

  /** The next 32 random bits. */
  int nextInt() {
    if (index >= N) {
      for (int k = 0; k < N; k++) {
        int y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
      }
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** A double in {@code [0, 1)} with 53 random bits ({@code random_sample}). */
  double nextDouble() {
    long a = Integer.toUnsignedLong(nextInt()) >>> 5;
    long b = Integer.toUnsignedLong(nextInt()) >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** A standard normal draw by the polar method, NumPy's {@code legacy_gauss}. */
  double nextGaussian() {
    if (hasGauss) {
      hasGauss = false;
      return gauss;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }
}
