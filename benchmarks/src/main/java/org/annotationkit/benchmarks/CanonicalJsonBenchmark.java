package org.annotationkit.benchmarks;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.json.JsonCodec;
import org.annotationkit.core.json.JsonLinesReader;
import org.annotationkit.core.json.JsonLinesWriter;
import org.annotationkit.core.testing.DomainGenerator;
import org.annotationkit.core.testing.Seeds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Canonical JSON write and read of many annotations of mixed kinds, as JSON Lines: one operation
 * writes, or reads back, all {@link #count} annotations.
 *
 * <p>The annotations come from {@link DomainGenerator#mixedAnnotations(int)} with a fixed seed, so
 * every run measures the same input: mostly images with boxes, polygons, keypoints and masks, plus
 * texts with spans and choices, audio and video segments, and comparisons. The default 100,000
 * annotations hold 687,608 results, and their JSON Lines text is 189,697,462 characters, or
 * 190,402,925 bytes in UTF-8 (about 1.9 kB per annotation).
 *
 * <ul>
 *   <li>{@link #writeJsonLines()} writes them through {@link JsonCodec#writeLines(java.io.Writer)}
 *       to a writer that discards the text and counts its characters: the cost of encoding alone.
 *   <li>{@link #readJsonLines(Blackhole)} reads the text, built once in {@link #setUp()}, back
 *       through {@link JsonCodec#readLines(java.io.Reader, String)} one annotation at a time
 *       without collecting them: the cost of decoding and validating alone.
 * </ul>
 *
 * <p>Results are the average time per operation, in milliseconds; divide the size above by it for a
 * throughput. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run CanonicalJson
 * benchmarks/run CanonicalJson -prof gc   # adds the bytes allocated per operation
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class CanonicalJsonBenchmark {
  /** The seed of the generated annotations, fixed so that every run measures the same input. */
  private static final long SEED = 20_261_123L;

  private static final JsonCodec<Annotation> CODEC = CanonicalJson.annotations();

  /** How many annotations one operation writes or reads. */
  @Param("100000")
  public int count;

  private List<Annotation> annotations;
  private String jsonLines;

  /** Creates the benchmark; JMH calls this. */
  public CanonicalJsonBenchmark() {}

  /** Generates the annotations and writes them once, as the input of the read benchmark. */
  @Setup(Level.Trial)
  public void setUp() {
    annotations = new DomainGenerator(Seeds.random(SEED)).mixedAnnotations(count);
    StringWriter text = new StringWriter();
    try (JsonLinesWriter<Annotation> out = CODEC.writeLines(text)) {
      for (Annotation annotation : annotations) {
        out.write(annotation);
      }
    }
    jsonLines = text.toString();
  }

  /**
   * Writes every annotation as one line of canonical JSON to a writer that discards them.
   *
   * @return the number of characters written
   */
  @Benchmark
  public long writeJsonLines() {
    CountingWriter sink = new CountingWriter();
    try (JsonLinesWriter<Annotation> out = CODEC.writeLines(sink)) {
      for (Annotation annotation : annotations) {
        out.write(annotation);
      }
    }
    return sink.count();
  }

  /**
   * Reads every annotation back from the JSON Lines text, one at a time.
   *
   * @param blackhole where each annotation goes, so that none of the work is dead code
   * @return the number of annotations read
   */
  @Benchmark
  public int readJsonLines(Blackhole blackhole) {
    int read = 0;
    try (JsonLinesReader<Annotation> in =
        CODEC.readLines(new StringReader(jsonLines), "benchmark.jsonl")) {
      while (in.hasNext()) {
        blackhole.consume(in.next());
        read++;
      }
    }
    return read;
  }
}
