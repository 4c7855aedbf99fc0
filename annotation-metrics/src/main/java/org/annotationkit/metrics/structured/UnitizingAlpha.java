package org.annotationkit.metrics.structured;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annotationkit.core.table.CsvHeader;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.metrics.agreement.Agreement;

/**
 * Krippendorff's unitizing alpha ({@code uα}, Krippendorff 2004, "Content Analysis", 2nd ed., pp.
 * 251-256): how far raters agree on where units of each category begin and end on a continuum (text
 * offsets, seconds), gaps included.
 *
 * <p>For each category c, each rater's continuum is cut into units of c and gaps (everything else).
 * The observed disagreement sums, over ordered pairs of raters and pairs of their segments: {@code
 * (b1 - b2)^2 + (e1 - e2)^2} for two overlapping units of c, {@code l^2} for a unit of c of length
 * {@code l} that lies inside a gap of the other rater, else 0; divided by {@code m (m - 1) L^2}.
 * The expected disagreement is Krippendorff's from the units' and gaps' lengths. The overall alpha
 * is {@code 1 - sum_c D_o(c) / sum_c D_e(c)}.
 *
 * <p>Immutable.
 *
 * @since 0.1.0
 */
public final class UnitizingAlpha {

  /**
   * One rater's unit.
   *
   * @param rater the rater
   * @param begin where it begins
   * @param length its length, {@code > 0}
   * @param category its category
   */
  public record Unit(String rater, double begin, double length, String category) {
    /** Checks the unit. */
    public Unit {
      Objects.requireNonNull(rater, "rater");
      Objects.requireNonNull(category, "category");
      if (!(length > 0) || !Double.isFinite(length) || !Double.isFinite(begin)) {
        throw new IllegalArgumentException(
            "a unit needs a finite begin and a positive length, got " + begin + " and " + length);
      }
    }

    double end() {
      return begin + length;
    }
  }

  private final double begin;
  private final double length;
  private final List<String> raters;
  private final List<String> categories;
  private final List<Unit> units;

  private UnitizingAlpha(double begin, double length, List<String> raters, List<Unit> units) {
    this.begin = begin;
    this.length = length;
    this.raters = raters;
    this.units = units;
    this.categories = List.copyOf(new TreeSet<>(units.stream().map(Unit::category).toList()));
  }

  /**
   * A study over the continuum {@code [begin, begin + length)}.
   *
   * @param begin where the continuum begins
   * @param length its length, {@code > 0}
   * @param raters the raters, including any who marked no unit
   * @param units the units; those of one rater and category do not overlap
   * @return the study
   * @throws IllegalArgumentException if a unit leaves the continuum, its rater is not listed, or
   *     two units of a rater and category overlap
   */
  public static UnitizingAlpha of(
      double begin, double length, List<String> raters, List<Unit> units) {
    if (!(length > 0) || !Double.isFinite(length) || !Double.isFinite(begin)) {
      throw new IllegalArgumentException(
          "the continuum needs a finite begin and a positive length, got " + begin + ", " + length);
    }
    List<String> raterList = List.copyOf(new java.util.LinkedHashSet<>(raters));
    List<Unit> sorted = new ArrayList<>(units);
    sorted.sort(
        Comparator.comparing(Unit::rater)
            .thenComparing(Unit::category)
            .thenComparingDouble(Unit::begin));
    for (int i = 0; i < sorted.size(); i++) {
      Unit unit = sorted.get(i);
      if (!raterList.contains(unit.rater())) {
        throw new IllegalArgumentException("unit " + unit + " names an unknown rater");
      }
      if (unit.begin() < begin || unit.end() > begin + length) {
        throw new IllegalArgumentException(
            "unit " + unit + " leaves the continuum [" + begin + ", " + (begin + length) + ")");
      }
      if (i > 0) {
        Unit previous = sorted.get(i - 1);
        if (previous.rater().equals(unit.rater())
            && previous.category().equals(unit.category())
            && previous.end() > unit.begin()) {
          throw new IllegalArgumentException("units " + previous + " and " + unit + " overlap");
        }
      }
    }
    return new UnitizingAlpha(begin, length, raterList, List.copyOf(sorted));
  }

  /**
   * Reads units from CSV rows {@code rater,begin,length,category}.
   *
   * @param file the file, with that header
   * @param begin where the continuum begins
   * @param length its length
   * @return the study; the raters are those of the file
   * @throws org.annotationkit.core.io.FormatException naming the line and column of a bad cell
   */
  public static UnitizingAlpha read(Path file, double begin, double length) {
    List<Unit> units = new ArrayList<>();
    List<String> raters = new ArrayList<>();
    try (CsvReader in = CsvReader.open(file)) {
      CsvHeader header = in.header();
      int rater = column(header, "rater");
      int from = column(header, "begin");
      int size = column(header, "length");
      int category = column(header, "category");
      while (in.next()) {
        String name = in.get(rater);
        if (name.isEmpty()) {
          throw in.cellError(rater, "the rater is empty");
        }
        if (!raters.contains(name)) {
          raters.add(name);
        }
        try {
          units.add(new Unit(name, in.getDouble(from), in.getDouble(size), in.get(category)));
        } catch (IllegalArgumentException e) {
          throw in.rowError(String.valueOf(e.getMessage()));
        }
      }
    }
    return of(begin, length, raters, units);
  }

  private static int column(CsvHeader header, String name) {
    OptionalInt index = header.indexOf(name);
    if (index.isEmpty()) {
      throw header.error(
          "expected the columns rater,begin,length,category, found "
              + String.join(",", header.names()));
    }
    return index.getAsInt();
  }

  /** A segment of one rater's continuum for one category: a unit of it, or a gap. */
  private record Segment(double begin, double length, boolean unit) {
    double end() {
      return begin + length;
    }
  }

  private List<Segment> segments(String rater, String category) {
    List<Segment> out = new ArrayList<>();
    double at = begin;
    for (Unit unit : units) {
      if (unit.rater().equals(rater) && unit.category().equals(category)) {
        if (unit.begin() > at) {
          out.add(new Segment(at, unit.begin() - at, false));
        }
        out.add(new Segment(unit.begin(), unit.length(), true));
        at = unit.end();
      }
    }
    if (begin + length > at) {
      out.add(new Segment(at, begin + length - at, false));
    }
    return out;
  }

  private static double distance(Segment a, Segment b) {
    if (a.unit() && b.unit()) {
      boolean overlap = a.begin() < b.end() && b.begin() < a.end();
      if (!overlap) {
        return 0;
      }
      double db = a.begin() - b.begin();
      double de = a.end() - b.end();
      return db * db + de * de;
    }
    if (a.unit() && !b.unit() && b.begin() <= a.begin() && a.end() <= b.end()) {
      return a.length() * a.length();
    }
    if (b.unit() && !a.unit() && a.begin() <= b.begin() && b.end() <= a.end()) {
      return b.length() * b.length();
    }
    return 0;
  }

  /** Observed and expected disagreement of one category. */
  private double[] disagreements(String category) {
    int m = raters.size();
    List<List<Segment>> byRater = new ArrayList<>();
    for (String rater : raters) {
      byRater.add(segments(rater, category));
    }
    double observed = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (i != j) {
          for (Segment a : byRater.get(i)) {
            for (Segment b : byRater.get(j)) {
              observed += distance(a, b);
            }
          }
        }
      }
    }
    observed /= (double) m * (m - 1) * length * length;
    List<Double> unitLengths = new ArrayList<>();
    List<Double> gapLengths = new ArrayList<>();
    for (List<Segment> segments : byRater) {
      for (Segment segment : segments) {
        (segment.unit() ? unitLengths : gapLengths).add(segment.length());
      }
    }
    double count = unitLengths.size();
    double sum = 0;
    double selfPairs = 0;
    for (double l : unitLengths) {
      sum += (count - 1) / 3 * (2 * l * l * l - 3 * l * l + l);
      for (double g : gapLengths) {
        if (g >= l) {
          sum += l * l * (g - l + 1);
        }
      }
      selfPairs += l * (l - 1);
    }
    double expected = 2 / length * sum / (m * length * (m * length - 1) - selfPairs);
    return new double[] {observed, expected};
  }

  /**
   * Alpha over every category.
   *
   * @return alpha, undefined with fewer than two raters or no units
   */
  public Agreement alpha() {
    String metric = "alpha-u";
    if (raters.size() < 2) {
      return Agreement.undefined(metric, "needs two or more raters", units.size(), raters.size());
    }
    double observed = 0;
    double expected = 0;
    for (String category : categories) {
      double[] d = disagreements(category);
      observed += d[0];
      expected += d[1];
    }
    if (!(expected > 0)) {
      return Agreement.undefined(
          metric, "no expected disagreement (no units)", units.size(), raters.size());
    }
    return Agreement.of(metric, 1 - observed / expected, units.size(), raters.size());
  }

  /**
   * Alpha of each category.
   *
   * @return alpha per category, in sorted order of the categories
   */
  public Map<String, Agreement> perCategory() {
    Map<String, Agreement> out = new LinkedHashMap<>();
    for (String category : categories) {
      double[] d = disagreements(category);
      long count = units.stream().filter(u -> u.category().equals(category)).count();
      out.put(
          category,
          raters.size() >= 2 && d[1] > 0
              ? Agreement.of("alpha-u", 1 - d[0] / d[1], (int) count, raters.size())
              : Agreement.undefined(
                  "alpha-u", "no expected disagreement", (int) count, raters.size()));
    }
    return out;
  }

  /**
   * The observed and expected disagreement of a category (Krippendorff's {@code cD_o}, {@code
   * cD_e}).
   *
   * @param category the category
   * @return {@code {observed, expected}}
   */
  public double[] categoryDisagreements(String category) {
    return disagreements(category);
  }

  /**
   * Alpha per document: one study per document, over the same raters.
   *
   * @param studies the study of each document
   * @return alpha of each, in the map's order
   */
  public static Map<String, Agreement> perDocument(Map<String, UnitizingAlpha> studies) {
    Map<String, Agreement> out = new TreeMap<>();
    studies.forEach((document, study) -> out.put(document, study.alpha()));
    return out;
  }

  @Override
  public String toString() {
    return "UnitizingAlpha["
        + raters.size()
        + " raters, "
        + units.size()
        + " units on ["
        + begin
        + ", "
        + (begin + length)
        + ")]";
  }
}
