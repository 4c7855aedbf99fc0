package org.annotationkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.nlp.ConllFormat;
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

/**
 * Reading a generated CoNLL-2003 file (four columns, IOB2 tags, about 14 tokens a sentence, 2 in 10
 * tokens in an entity, some words with accents, CJK or an emoji) in a heap of 256 MB, far below the
 * file's size, so that a reader that held the file would fail: the two passes of the reader
 * (labels, then sentences streamed), writing about as many bytes of CoNLL from sentences generated
 * one at a time (so that a writer that held what it writes would fail the same way), and a
 * conversion that reads and writes CoNLL again (IOB2 to BIOES). The target is at least 100
 * MB/s of input on one core: divide {@code megabytes} by the single-shot time. The file is
 * generated in the setup, in the temporary folder ({@code megabytes} of 1024 is the 1 GB).
 * Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run ConllRead -f 1 -wi 1 -i 3 -p megabytes=1024
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ConllReadBenchmark {
  /** The seed of the generated file, fixed so that every run measures the same input. */
  private static final long SEED = 20_261_204L;

  private static final String[] WORDS = {
    "the",
    "of",
    "said",
    "on",
    "in",
    "market",
    "Zürich",
    "東京",
    "café",
    "😀",
    "shares",
    "rose",
    "percent",
    "government",
    "told",
    "reporters",
    ",",
    ".",
    "naïve",
    "year"
  };

  private static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};

  /** The size of the generated file in MiB. */
  @Param({"256", "1024"})
  public int megabytes;

  private Path folder;
  private Path input;
  private Path output;

  /** Creates the benchmark; JMH calls this. */
  public ConllReadBenchmark() {}

  /**
   * Writes the CoNLL file.
   *
   * @throws IOException if it cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("conll-benchmark");
    input = folder.resolve("train.conll");
    output = folder.resolve("train.bioes.conll");
    generate(input, (long) megabytes << 20, Seeds.random(SEED));
  }

  /** Removes the output of the last conversion, so that the next can create it. */
  @Setup(Level.Iteration)
  public void clearOutput() {
    try {
      Files.deleteIfExists(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the files. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      Files.deleteIfExists(input);
      Files.deleteIfExists(output);
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the file to the end, counting the spans decoded.
   *
   * @return the number of spans
   */
  @Benchmark
  public long read() {
    long spans = 0;
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    try (DatasetSource source = new ConllFormat().reader().orElseThrow().open(input, context)) {
      while (source.hasNext()) {
        DatasetEntry entry = source.next();
        for (var annotation : entry.annotations()) {
          spans += annotation.results().size();
        }
      }
    }
    return spans;
  }

  /**
   * Reads the file and writes it again in BIOES.
   *
   * @return the report
   */
  @Benchmark
  public ConversionReport readAndWriteBioes() {
    return Converter.convert(
        new ConllFormat(),
        new ConllFormat(),
        input,
        output,
        FormatOptions.of(java.util.Map.of("scheme", "bioes")));
  }

  /**
   * Writes about {@code megabytes} of CoNLL IOB2 from text items generated one at a time, never
   * held together: the writer's side of streaming.
   *
   * @return the report
   */
  @Benchmark
  public ConversionReport write() {
    return Converter.write(
        new ConllFormat(),
        sentences((long) megabytes << 20, Seeds.random(SEED)),
        output,
        ConversionContext.of(FormatOptions.of(java.util.Map.of("scheme", "iob2"))));
  }

  private static final org.annotationkit.core.schema.Schema SCHEMA =
      org.annotationkit.core.schema.Schema.of(
          "conll",
          org.annotationkit.core.schema.Field.builder(
                  "entities", org.annotationkit.core.schema.FieldKind.SPAN)
              .labels(TYPES)
              .build());

  /**
   * Sentences of the generator's words, tokens separated by single spaces (so the writer keeps them
   * as its tokens), with spans on token boundaries, until the {@code token TAG} lines they make
   * come to about {@code bytes}; each is made when the writer asks for it.
   */
  static DatasetSource sentences(long bytes, RandomGenerator random) {
    java.util.Iterator<DatasetEntry> entries =
        new java.util.Iterator<>() {
          private long written;
          private int sentence;

          @Override
          public boolean hasNext() {
            return written < bytes;
          }

          @Override
          public DatasetEntry next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            String id = "sentence-" + ++sentence;
            StringBuilder text = new StringBuilder(128);
            var annotation = org.annotationkit.core.annotation.Annotation.builder(id, id, "conll");
            int tokens = 4 + random.nextInt(20);
            int cp = 0;
            int spans = 0;
            for (int t = 0; t < tokens; t++) {
              String word = WORDS[random.nextInt(WORDS.length)];
              if (t > 0) {
                text.append(' ');
                cp++;
              }
              int length = word.codePointCount(0, word.length());
              String tag = "O";
              if (random.nextInt(10) < 2) {
                String type = TYPES[random.nextInt(TYPES.length)];
                annotation.result(
                    "e" + ++spans,
                    "entities",
                    new org.annotationkit.core.annotation.SpanValue(type, cp, cp + length));
                tag = "B-" + type;
              }
              text.append(word);
              cp += length;
              written += word.getBytes(StandardCharsets.UTF_8).length + tag.length() + 2;
            }
            written++;
            var item =
                new org.annotationkit.core.item.TextItem(
                    id,
                    text.toString(),
                    java.util.Optional.empty(),
                    java.util.Map.of("tokenizer", "whitespace"));
            return new DatasetEntry(item, java.util.List.of(annotation.build()));
          }
        };
    return DatasetSource.of(SCHEMA, true, entries);
  }

  /** Writes a CoNLL-2003 file of about the given size in bytes. */
  static void generate(Path file, long bytes, RandomGenerator random) throws IOException {
    long written = 0;
    int sentence = 0;
    try (BufferedWriter out =
        new BufferedWriter(
            new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 16)) {
      StringBuilder line = new StringBuilder(64);
      while (written < bytes) {
        if (sentence % 20 == 0) {
          line.append("-DOCSTART- -X- -X- O\n\n");
        }
        int tokens = 4 + random.nextInt(20);
        String open = null;
        for (int t = 0; t < tokens; t++) {
          String word = WORDS[random.nextInt(WORDS.length)];
          String tag;
          if (open != null && random.nextInt(2) == 0) {
            tag = "I-" + open;
          } else if (random.nextInt(10) < 2) {
            open = TYPES[random.nextInt(TYPES.length)];
            tag = "B-" + open;
            word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
          } else {
            open = null;
            tag = "O";
          }
          line.append(word).append(" NN I-NP ").append(tag).append('\n');
        }
        line.append('\n');
        sentence++;
        String text = line.toString();
        out.write(text);
        written += text.getBytes(StandardCharsets.UTF_8).length;
        line.setLength(0);
      }
    }
  }
}
