package org.annotationkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

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
 *   <li>{@link #readJsonLines(Blackhole)} reads the file, written once in {@link #setUp()} to a
 *       temporary folder (so after the first operation it is in the page cache), back through
 *       {@link JsonCodec#readLines(Path)} one annotation at a time without collecting them: the
 *       cost of decoding and validating alone.
 *   <li>{@link #tokenPass()} is the floor of that read: a plain jackson-core parser (default
 *       configuration) over the same file, moving from token to token to the end without looking
 *       at any of them. No reader of the file can be faster; the read is judged by its ratio to
 *       this floor, measured side by side in the same run.
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

  private static final JsonFactory PLAIN = new JsonFactory();

  private List<Annotation> annotations;
  private Path folder;
  private Path file;

  /** Creates the benchmark; JMH calls this. */
  public CanonicalJsonBenchmark() {}

  /**
   * Generates the annotations and writes them once to a temporary file, the input of the read
   * benchmarks.
   *
   * @throws IOException if the temporary file cannot be made
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    annotations = new DomainGenerator(Seeds.random(SEED)).mixedAnnotations(count);
    folder = Files.createTempDirectory("canonical-json-benchmark");
    file = folder.resolve("annotations.jsonl");
    CODEC.writeLines(file, annotations);
  }

  /**
   * Deletes the temporary file.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(folder);
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
   * Reads every annotation back from the JSON Lines file, one at a time.
   *
   * @param blackhole where each annotation goes, so that none of the work is dead code
   * @return the number of annotations read
   */
  @Benchmark
  public int readJsonLines(Blackhole blackhole) {
    int read = 0;
    try (JsonLinesReader<Annotation> in = CODEC.readLines(file)) {
      while (in.hasNext()) {
        blackhole.consume(in.next());
        read++;
      }
    }
    return read;
  }

  /**
   * The floor of {@link #readJsonLines(Blackhole)}: every token of the same file, with a plain
   * jackson-core parser, looking at none of them.
   *
   * @return the number of tokens
   */
  @Benchmark
  public long tokenPass() {
    long tokens = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = PLAIN.createParser(ObjectReadContext.empty(), in)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
