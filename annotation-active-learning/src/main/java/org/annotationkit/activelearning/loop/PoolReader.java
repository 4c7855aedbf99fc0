package org.annotationkit.activelearning.loop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.table.CsvHeader;
import org.annotationkit.core.table.CsvReader;

/**
 * Reads a labeled CSV table into a {@link Pool}: features are every numeric column (every cell a
 * number) other than the id, label and split columns; classes are coded in sorted order of their
 * names. With a split column, rows whose split is the test value are the test set; without one,
 * every fourth row of each class (in file order: the 4th, 8th, ...) is held out, so the split is
 * stratified and the same on every run. Without an id column, ids are the 1-based row numbers.
 * Standardizing uses the mean and population standard deviation of the pool rows only (a constant
 * column is only centred).
 *
 * @param labelColumn the label column's name
 * @param idColumn the id column's name, if any
 * @param splitColumn the split column's name, if any
 * @param testValue the split value of test rows
 * @param standardize whether to standardize the features
 * @since 0.1.0
 */
public record PoolReader(
    String labelColumn,
    Optional<String> idColumn,
    Optional<String> splitColumn,
    String testValue,
    boolean standardize) {
  /** Checks the names. */
  public PoolReader {
    Objects.requireNonNull(labelColumn, "labelColumn");
    Objects.requireNonNull(idColumn, "idColumn");
    Objects.requireNonNull(splitColumn, "splitColumn");
    Objects.requireNonNull(testValue, "testValue");
  }

  /**
   * A reader of the label column {@code label}, no id or split column, test value {@code test}, not
   * standardizing.
   *
   * @return the reader
   */
  public static PoolReader defaults() {
    return new PoolReader("label", Optional.empty(), Optional.empty(), "test", false);
  }

  /**
   * Reads a table.
   *
   * @param file the CSV file
   * @return the pool and its test set
   * @throws org.annotationkit.core.io.FormatException for a missing column, a repeated id, or a
   *     table without numeric feature columns, located in the file
   */
  public Pool read(Path file) {
    try (CsvReader in = CsvReader.open(file)) {
      CsvHeader header = in.header();
      int label = header.require(labelColumn);
      int id = idColumn.map(header::require).orElse(-1);
      int split = splitColumn.map(header::require).orElse(-1);
      int columns = header.size();
      boolean[] numeric = new boolean[columns];
      java.util.Arrays.fill(numeric, true);
      numeric[label] = false;
      if (id >= 0) {
        numeric[id] = false;
      }
      if (split >= 0) {
        numeric[split] = false;
      }
      List<String[]> rows = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      while (in.next()) {
        String[] cells = in.cells().toArray(String[]::new);
        for (int c = 0; c < columns; c++) {
          if (numeric[c] && !isNumber(cells[c])) {
            numeric[c] = false;
          }
        }
        rows.add(cells);
        lines.add(in.line());
      }
      List<Integer> features = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        if (numeric[c]) {
          features.add(c);
        }
      }
      if (features.isEmpty()) {
        throw header.error("no numeric feature columns besides the id, label and split columns");
      }
      if (rows.isEmpty()) {
        throw header.error("no rows");
      }
      LabelCoding coding = LabelCoding.sorted(rows.stream().map(r -> r[label]).toList());
      Map<String, Long> seen = new HashMap<>();
      Map<Integer, Integer> perClass = new HashMap<>();
      List<double[]> poolX = new ArrayList<>();
      List<Integer> poolY = new ArrayList<>();
      List<String> poolIds = new ArrayList<>();
      List<double[]> testX = new ArrayList<>();
      List<Integer> testY = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        String[] cells = rows.get(r);
        String itemId = id >= 0 ? cells[id] : Integer.toString(r + 1);
        Long before = seen.putIfAbsent(itemId, lines.get(r));
        if (before != null) {
          throw org.annotationkit.core.io.FormatException.at(
              "id '" + itemId + "' appears twice, first on line " + before,
              org.annotationkit.core.io.FormatException.Location.of(in.source(), lines.get(r), 0));
        }
        double[] x = new double[features.size()];
        for (int f = 0; f < x.length; f++) {
          x[f] = Double.parseDouble(cells[features.get(f)].strip());
        }
        int y = coding.code(cells[label]);
        boolean test;
        if (split >= 0) {
          test = cells[split].equals(testValue);
        } else {
          int rank = perClass.merge(y, 1, Integer::sum);
          test = rank % 4 == 0;
        }
        if (test) {
          testX.add(x);
          testY.add(y);
        } else {
          poolX.add(x);
          poolY.add(y);
          poolIds.add(itemId);
        }
      }
      double[][] px = poolX.toArray(double[][]::new);
      double[][] tx = testX.toArray(double[][]::new);
      if (standardize) {
        standardize(px, tx);
      }
      return new Pool(
          coding.labels(),
          ItemIds.of(poolIds),
          px,
          poolY.stream().mapToInt(Integer::intValue).toArray(),
          tx,
          testY.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private static boolean isNumber(String cell) {
    String s = cell.strip();
    if (s.isEmpty()) {
      return false;
    }
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void standardize(double[][] pool, double[][] test) {
    int d = pool[0].length;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] row : pool) {
        mean += row[j];
      }
      mean /= pool.length;
      double var = 0;
      for (double[] row : pool) {
        var += (row[j] - mean) * (row[j] - mean);
      }
      double sd = Math.sqrt(var / pool.length);
      double scale = sd > 0 ? sd : 1;
      for (double[] row : pool) {
        row[j] = (row[j] - mean) / scale;
      }
      for (double[] row : test) {
        row[j] = (row[j] - mean) / scale;
      }
    }
  }
}
