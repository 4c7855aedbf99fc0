package org.annotationkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.aggregation.BoxFusion;
import org.annotationkit.metrics.aggregation.NumericAggregation;
import org.annotationkit.metrics.aggregation.NumericConsensus;
import org.annotationkit.metrics.aggregation.ReliabilityWeightedMean;
import org.annotationkit.metrics.aggregation.SpanVote;
import org.annotationkit.metrics.data.Ratings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The numeric, region and span aggregations at the size of a real project, on one thread:
 *
 * <ul>
 *   <li>numeric: 1,000,000 ratings, {@link #ITEMS} items each rated by {@link #PER_ITEM} of {@link
 *       #ANNOTATORS} annotators, each annotator with its own bias and noise and two of them wild
 *       (noise ten times larger): mean, median, 10% trimmed mean and the reliability-weighted mean;
 *   <li>boxes: {@link #IMAGES} images, each with {@link #OBJECTS} objects of two labels drawn by
 *       {@link #BOX_ANNOTATORS} annotators (jittered by a few pixels, each object missed with
 *       probability 0.1, one false box per annotator and image): 400,000 boxes fused image by
 *       image;
 *   <li>spans: {@link #DOCUMENTS} documents, each with {@link #ENTITIES} entities marked by {@link
 *       #SPAN_ANNOTATORS} annotators (boundaries off by one with probability 0.2, missed with 0.1):
 *       about 450,000 spans voted document by document with a majority of the annotators.
 * </ul>
 *
 * <p>Results are seconds per pass over the whole data. Run from the repository root:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run StructuredAggregation -f 1 -wi 1 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class StructuredAggregationBenchmark {
  /** Items rated. */
  static final int ITEMS = 100_000;

  /** Annotators of the numeric table. */
  static final int ANNOTATORS = 100;

  /** Ratings per item: 1,000,000 in all. */
  static final int PER_ITEM = 10;

  /** Images of the box data. */
  static final int IMAGES = 10_000;

  /** Objects per image. */
  static final int OBJECTS = 8;

  /** Annotators per image. */
  static final int BOX_ANNOTATORS = 5;

  /** Documents of the span data. */
  static final int DOCUMENTS = 10_000;

  /** Entities per document. */
  static final int ENTITIES = 10;

  /** Annotators per document. */
  static final int SPAN_ANNOTATORS = 5;

  private Ratings ratings;
  private List<List<BoxFusion.AnnotatorBox>> images;
  private List<List<SpanVote.AnnotatorSpan>> documents;

  /** Draws the data from fixed seeds. */
  @Setup
  public void setUp() {
    ratings = ratings(Seeds.random(20261206L));
    images = images(Seeds.random(20261207L));
    documents = documents(Seeds.random(20261208L));
  }

  static Ratings ratings(RandomGenerator random) {
    double[] bias = new double[ANNOTATORS];
    double[] noise = new double[ANNOTATORS];
    for (int a = 0; a < ANNOTATORS; a++) {
      bias[a] = random.nextGaussian() * 0.5;
      noise[a] = (a < 2 ? 10 : 1) * (0.2 + random.nextDouble());
    }
    Ratings.Builder builder = Ratings.builder();
    int[] order = new int[ANNOTATORS];
    for (int u = 0; u < ITEMS; u++) {
      double truth = random.nextDouble() * 10;
      for (int a = 0; a < ANNOTATORS; a++) {
        order[a] = a;
      }
      for (int j = 0; j < PER_ITEM; j++) {
        int pick = j + random.nextInt(ANNOTATORS - j);
        int a = order[pick];
        order[pick] = order[j];
        order[j] = a;
        builder.add("item" + u, "ann" + a, truth + bias[a] + noise[a] * random.nextGaussian());
      }
    }
    return builder.build();
  }

  static List<List<BoxFusion.AnnotatorBox>> images(RandomGenerator random) {
    List<List<BoxFusion.AnnotatorBox>> all = new ArrayList<>(IMAGES);
    for (int i = 0; i < IMAGES; i++) {
      List<BoxFusion.AnnotatorBox> boxes = new ArrayList<>();
      double[][] objects = new double[OBJECTS][];
      for (int o = 0; o < OBJECTS; o++) {
        objects[o] =
            new double[] {
              random.nextDouble() * 1800,
              random.nextDouble() * 1000,
              20 + random.nextDouble() * 200,
              20 + random.nextDouble() * 200
            };
      }
      for (int a = 0; a < BOX_ANNOTATORS; a++) {
        for (int o = 0; o < OBJECTS; o++) {
          if (random.nextDouble() < 0.1) {
            continue;
          }
          double[] b = objects[o];
          boxes.add(
              new BoxFusion.AnnotatorBox(
                  "ann" + a,
                  o % 2 == 0 ? "car" : "person",
                  Box.of(
                      b[0] + random.nextGaussian() * 3,
                      b[1] + random.nextGaussian() * 3,
                      b[2] + random.nextGaussian() * 3,
                      b[3] + random.nextGaussian() * 3)));
        }
        boxes.add(
            new BoxFusion.AnnotatorBox(
                "ann" + a,
                "car",
                Box.of(random.nextDouble() * 1800, random.nextDouble() * 1000, 40, 40)));
      }
      all.add(List.copyOf(boxes));
    }
    return all;
  }

  static List<List<SpanVote.AnnotatorSpan>> documents(RandomGenerator random) {
    List<List<SpanVote.AnnotatorSpan>> all = new ArrayList<>(DOCUMENTS);
    for (int d = 0; d < DOCUMENTS; d++) {
      List<SpanVote.AnnotatorSpan> spans = new ArrayList<>();
      for (int a = 0; a < SPAN_ANNOTATORS; a++) {
        for (int e = 0; e < ENTITIES; e++) {
          if (random.nextDouble() < 0.1) {
            continue;
          }
          int start = e * 50 + 5;
          int end = start + 5 + e % 7;
          if (random.nextDouble() < 0.2) {
            end += random.nextBoolean() ? 1 : -1;
          }
          spans.add(
              new SpanVote.AnnotatorSpan(
                  "ann" + a, new SpanValue(e % 3 == 0 ? "PER" : "LOC", start, end)));
        }
      }
      all.add(List.copyOf(spans));
    }
    return all;
  }

  /**
   * The mean of each item's ratings.
   *
   * @return the result, so that the work is not dead code
   */
  @Benchmark
  public NumericAggregation mean() {
    return NumericConsensus.mean().aggregate(ratings);
  }

  /**
   * The median of each item's ratings.
   *
   * @return the result
   */
  @Benchmark
  public NumericAggregation median() {
    return NumericConsensus.median().aggregate(ratings);
  }

  /**
   * The 10% trimmed mean of each item's ratings.
   *
   * @return the result
   */
  @Benchmark
  public NumericAggregation trimmedMean() {
    return NumericConsensus.trimmedMean(0.1).aggregate(ratings);
  }

  /**
   * The reliability-weighted mean, to convergence or its iteration cap.
   *
   * @return the result
   */
  @Benchmark
  public NumericAggregation reliabilityWeightedMean() {
    return ReliabilityWeightedMean.defaults().aggregate(ratings);
  }

  /**
   * Weighted box fusion of every image.
   *
   * @return how many fused boxes, so that the work is not dead code
   */
  @Benchmark
  public int boxFusion() {
    BoxFusion fusion = BoxFusion.defaults();
    int fused = 0;
    for (List<BoxFusion.AnnotatorBox> image : images) {
      fused += fusion.fuse(image, BOX_ANNOTATORS).size();
    }
    return fused;
  }

  /**
   * Span voting of every document, kept when a majority of the annotators marked a span.
   *
   * @return how many spans were kept
   */
  @Benchmark
  public int spanVote() {
    SpanVote vote = SpanVote.majorityOf(SPAN_ANNOTATORS);
    int kept = 0;
    for (List<SpanVote.AnnotatorSpan> document : documents) {
      kept += vote.vote(document).size();
    }
    return kept;
  }
}
