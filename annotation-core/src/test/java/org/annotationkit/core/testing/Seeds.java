package org.annotationkit.core.testing;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reproducible seeds for property tests.
 *
 * <p>A property test is a {@code @ParameterizedTest(name = "seed {0}")} fed by a
 * {@code @MethodSource} that returns {@link #seeds(int)}; each case draws its values from {@link
 * #random(long)} of its seed. The seeds are derived from a fixed base seed, so every run checks the
 * same cases. To reproduce a failure, run the test again with the system property {@value
 * #SEED_PROPERTY} set to the seed shown in the failing case's name: the first seed of {@link
 * #seeds(int)} is always the base seed itself. To explore new cases, set it to any other number.
 *
 * <pre>{@code
 * static Stream<Long> seeds() {
 *   return Seeds.seeds(200);
 * }
 *
 * @ParameterizedTest(name = "seed {0}")
 * @MethodSource("seeds")
 * void roundTrip(long seed) {
 *   DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
 *   ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Seeds {

  /** The system property that overrides the {@linkplain #DEFAULT_BASE_SEED base seed}. */
  public static final String SEED_PROPERTY = "annotationkit.seed";

  /** The base seed used when the system property {@value #SEED_PROPERTY} is not set. */
  public static final long DEFAULT_BASE_SEED = 20_261_123L;

  /** The algorithm of every generator handed out by {@link #random(long)}. */
  public static final String ALGORITHM = "L64X128MixRandom";

  private Seeds() {}

  /**
   * The base seed: the value of the system property {@value #SEED_PROPERTY} when it is set (a
   * decimal {@code long}, or hexadecimal with a {@code 0x} prefix), else {@link
   * #DEFAULT_BASE_SEED}.
   *
   * @return the base seed
   * @throws IllegalArgumentException if the property is set but is not a number
   */
  public static long baseSeed() {
    return baseSeed(System.getProperty(SEED_PROPERTY));
  }

  /** Parses the text of the system property; {@code null} or blank gives the default. */
  static long baseSeed(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_BASE_SEED;
    }
    String trimmed = value.strip();
    try {
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("0x")) {
        return Long.parseUnsignedLong(trimmed.substring(2), 16);
      }
      return Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property " + SEED_PROPERTY + " must be a long, got '" + value + "'", e);
    }
  }

  /**
   * {@code count} seeds derived from the {@linkplain #baseSeed() base seed}: the base seed itself,
   * then {@code count - 1} seeds drawn from {@link #random(long) random(baseSeed)}. The same base
   * seed always gives the same seeds.
   *
   * @param count how many seeds, {@code >= 0}
   * @return the seeds, in a fixed order
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static Stream<Long> seeds(int count) {
    return seeds(baseSeed(), count);
  }

  /**
   * {@code count} seeds derived from {@code baseSeed}: {@code baseSeed} itself, then {@code count -
   * 1} seeds drawn from {@link #random(long) random(baseSeed)}.
   *
   * @param baseSeed the seed the others derive from
   * @param count how many seeds, {@code >= 0}
   * @return the seeds, in a fixed order
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static Stream<Long> seeds(long baseSeed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    if (count == 0) {
      return Stream.empty();
    }
    RandomGenerator random = random(baseSeed);
    return Stream.concat(
        Stream.of(baseSeed), random.longs(count - 1L).map(Seeds::positive).boxed());
  }

  /**
   * A new generator of the {@value #ALGORITHM} algorithm seeded with {@code seed}: the same seed
   * gives the same sequence on every machine and every JDK.
   *
   * @param seed the seed
   * @return a new generator
   */
  public static RandomGenerator random(long seed) {
    return RandomGeneratorFactory.of(ALGORITHM).create(seed);
  }

  /** Keeps the seeds readable in test names (no minus sign), still spread over 63 bits. */
  private static long positive(long seed) {
    return seed & Long.MAX_VALUE;
  }
}
