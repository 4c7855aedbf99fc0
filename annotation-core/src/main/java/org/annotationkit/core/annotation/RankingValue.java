package org.annotationkit.core.annotation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * An order of the responses of a comparison, best first, or the responses sorted into named buckets
 * (each an ordered list, as Label Studio's {@code Ranker} with {@code Bucket}s makes): a result of
 * a {@link FieldKind#RANKING} field.
 *
 * <p>Exactly one of the two is given: a plain ranking has an {@code order} and no buckets, a
 * bucketed one has buckets and an empty {@code order}. A response id appears at most once in the
 * whole value. The validator checks that the ids are the item's responses, and that a plain ranking
 * names all of them (a bucketed one may leave some out: they were sorted into no bucket).
 *
 * @param order response ids, best first, unique; empty exactly when there are buckets
 * @param buckets the buckets, in their order (bucket names unique); empty for a plain ranking
 * @since 0.1.0
 */
public record RankingValue(List<String> order, List<Bucket> buckets) implements Value {
  /** Checks and copies the order and the buckets. */
  public RankingValue {
    order = Require.copyEach(order, "order", Require::nonEmpty);
    buckets = Require.copyEach(buckets, "buckets", (bucket, name) -> bucket);
    if (order.isEmpty() == buckets.isEmpty()) {
      throw new IllegalArgumentException(
          order.isEmpty()
              ? "order must not be empty"
              : "a ranking has an order or buckets, not both");
    }
    Require.unique(
        buckets, Bucket::name, name -> "bucket names must be unique, got " + name + " twice");
    boolean plain = buckets.isEmpty();
    Require.unique(
        ids(order, buckets),
        id -> id,
        id ->
            (plain ? "order must be unique, got " : "a response is in one bucket at most, got ")
                + id
                + " twice");
  }

  /**
   * A plain ranking: the given order and no buckets.
   *
   * @param order response ids, best first: at least one, non-empty and unique each
   */
  public RankingValue(List<String> order) {
    this(order, List.of());
  }

  /**
   * The ranking of the given response ids, best first.
   *
   * @param order response ids, best first, unique
   * @return the value
   */
  public static RankingValue of(String... order) {
    return new RankingValue(Arrays.asList(Objects.requireNonNull(order, "order")));
  }

  /**
   * The responses sorted into buckets.
   *
   * @param buckets at least one bucket, names unique, no response id in two of them
   * @return the value
   */
  public static RankingValue ofBuckets(List<Bucket> buckets) {
    return new RankingValue(List.of(), buckets);
  }

  /**
   * Whether the responses are sorted into buckets rather than ranked in one order.
   *
   * @return whether there are buckets
   */
  public boolean bucketed() {
    return !buckets.isEmpty();
  }

  /**
   * Every response id the value names: the order, or the buckets' ids one bucket after another.
   *
   * @return the ids, unmodifiable
   */
  public List<String> ids() {
    return ids(order, buckets);
  }

  private static List<String> ids(List<String> order, List<Bucket> buckets) {
    if (buckets.isEmpty()) {
      return order;
    }
    return buckets.stream().flatMap(bucket -> bucket.order().stream()).toList();
  }

  /**
   * Returns {@link FieldKind#RANKING}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.RANKING;
  }

  /**
   * A named group of responses, in order, of a bucketed ranking.
   *
   * @param name the bucket's name, non-empty
   * @param order the response ids in the bucket, in order, unique; may be empty
   * @since 0.1.0
   */
  public record Bucket(String name, List<String> order) {
    /** Checks and copies the parts. */
    public Bucket {
      Require.nonEmpty(name, "name");
      order = Require.copyEach(order, "order", Require::nonEmpty);
    }

    /**
     * The bucket of the given name holding the given ids in order.
     *
     * @param name the bucket's name
     * @param order the response ids
     * @return the bucket
     */
    public static Bucket of(String name, String... order) {
      return new Bucket(name, Arrays.asList(Objects.requireNonNull(order, "order")));
    }
  }
}
