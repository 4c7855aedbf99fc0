package org.annotationkit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.table.CsvFormat;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.core.table.CsvWriter;
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

/**
 * Reading a large numeric CSV table, the probability files of active learning: {@link #rows} rows
 * of an id and {@link #classes} class probabilities ({@code id,c0,...,c9}), held in memory so that
 * the parser alone is measured, not the disk.
 *
 * <p>{@link #digits} says how the probabilities are written: {@code shortest} as Python's {@code
 * repr}, pandas' {@code to_csv} and Java's {@link Double#toString(double)} write them (up to 17
 * significant digits; 212,852,383 bytes for the default million rows), or {@code fixed6} as {@code
 * %.6f} (101,888,973 bytes).
 *
 * <ul>
 *   <li>{@link #scan()}: rows and cells found, UTF-8 checked, nothing parsed: the floor.
 *   <li>{@link #readIdsAndDoubles()}: what a sampler does: the id of each row as a string, every
 *       probability as a double parsed where it lies.
 *   <li>{@link #readStringsThenParse()}: the same through a string per cell and {@link
 *       Double#parseDouble(String)}, as a reader that makes strings of every cell has to.
 * </ul>
 *
 * <p>Results are the average time per read of the whole table, in milliseconds; the throughput is
 * the table's size over that time. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run Csv -f 1 -wi 2 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
public class CsvBenchmark {
  /** The seed of the generated table, fixed so that every run measures the same input. */
  private static final long SEED = 20_261_123L;

  /** How many data rows the table has. */
  @Param("1000000")
  public int rows;

  /** How many probability columns follow the id. */
  @Param("10")
  public int classes;

  /** How the probabilities are written: {@code shortest} or {@code fixed6}. */
  @Param({"shortest", "fixed6"})
  public String digits = "shortest";

  private byte[] table;

  /** Creates the benchmark; JMH calls this. */
  public CsvBenchmark() {}

  /** Writes the table once, as the input of every read. */
  @Setup(Level.Trial)
  public void setUp() {
    RandomGenerator random = Seeds.random(SEED);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows * (classes * 20 + 16));
    double[] p = new double[classes];
    try (CsvWriter out = CsvWriter.to(bytes, CsvFormat.DEFAULT)) {
      out.cell("id");
      for (int c = 0; c < classes; c++) {
        out.cell("class-" + c);
      }
      out.endRow();
      for (int r = 0; r < rows; r++) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          p[c] = -Math.log(1 - random.nextDouble());
          sum += p[c];
        }
        out.cell("item-" + r);
        for (int c = 0; c < classes; c++) {
          double value = p[c] / sum;
          out.cell(
              digits.equals("fixed6")
                  ? String.format(Locale.ROOT, "%.6f", value)
                  : Double.toString(value));
        }
        out.endRow();
      }
    }
    table = bytes.toByteArray();
  }

  private CsvReader open() {
    return CsvReader.open(new ByteArrayInputStream(table), "probabilities.csv", CsvFormat.DEFAULT);
  }

  /**
   * Finds every row and cell and checks the UTF-8, parsing nothing.
   *
   * @return the number of cells
   */
  @Benchmark
  public long scan() {
    long cells = 0;
    try (CsvReader in = open()) {
      while (in.next()) {
        cells += in.cellCount();
      }
    }
    return cells;
  }

  /**
   * Reads each row's id as a string and every probability as a double.
   *
   * @return the sum of the probabilities and id lengths, so that nothing is dead code
   */
  @Benchmark
  public double readIdsAndDoubles() {
    double sum = 0;
    try (CsvReader in = open()) {
      int columns = in.header().size();
      while (in.next()) {
        sum += in.get(0).length();
        for (int c = 1; c < columns; c++) {
          sum += in.getDouble(c);
        }
      }
    }
    return sum;
  }

  /**
   * Reads every cell as a string and parses the probabilities with {@link
   * Double#parseDouble(String)}.
   *
   * @return the sum of the probabilities and id lengths
   */
  @Benchmark
  public double readStringsThenParse() {
    double sum = 0;
    try (CsvReader in = open()) {
      int columns = in.header().size();
      while (in.next()) {
        sum += in.get(0).length();
        for (int c = 1; c < columns; c++) {
          sum += Double.parseDouble(in.get(c));
        }
      }
    }
    return sum;
  }
}
