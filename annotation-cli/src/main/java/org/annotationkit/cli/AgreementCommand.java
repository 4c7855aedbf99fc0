package org.annotationkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.table.CsvHeader;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.metrics.agreement.Agreement;
import org.annotationkit.metrics.agreement.AgreementCalculator;
import org.annotationkit.metrics.agreement.AgreementOptions;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.annotationkit.metrics.agreement.Distances;
import org.annotationkit.metrics.agreement.IccForm;
import org.annotationkit.metrics.agreement.Interval;
import org.annotationkit.metrics.agreement.Level;
import org.annotationkit.metrics.agreement.Metric;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.agreement.Weights;
import org.annotationkit.metrics.data.AnswerOptions;
import org.annotationkit.metrics.data.Answers;
import org.annotationkit.metrics.structured.UnitizingAlpha;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annotate agreement}: an inter-annotator agreement coefficient of a CSV file, with its
 * confidence interval, as text or JSON.
 */
@Command(
    name = "agreement",
    mixinStandardHelpOptions = true,
    description = {
      "Computes inter-annotator agreement (kappas, Gwet's AC1/AC2, Krippendorff's alpha, ICC)"
          + " with confidence intervals.",
      "FILE is CSV: unit,<rater>,<rater>,... with an empty cell for a missing rating, or"
          + " item,annotator,label (the header says which); for alpha-u, --layout unitizing with"
          + " rows rater,begin,length,category and --continuum BEGIN,LENGTH.",
      "An undefined coefficient (say, every rating in one category) is an answer: it is printed"
          + " with its reason and the exit code is 0."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the coefficient was computed, or found undefined (its reason is printed)",
      "2:the input could not be read, or the options do not fit it"
    })
final class AgreementCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV file.")
  Path input;

  @Option(
      names = "--metric",
      required = true,
      paramLabel = "NAME",
      description =
          "percent-agreement, cohen-kappa, weighted-kappa, scott-pi, fleiss-kappa, conger-kappa,"
              + " light-kappa, brennan-prediger, gwet-ac1, gwet-ac2, krippendorff-alpha, alpha-u,"
              + " icc, or all (every coefficient that applies, as a table).")
  String metric;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      description = "Alpha's level: nominal (default), ordinal, interval or ratio.")
  String level = "nominal";

  @Option(
      names = "--weights",
      paramLabel = "KIND",
      description =
          "linear or quadratic weights (weighted-kappa and gwet-ac2 default to linear; the others"
              + " are unweighted unless told).")
  @Nullable String weights;

  @Option(
      names = "--weights-file",
      paramLabel = "W.csv",
      description =
          "A custom weight matrix (for alpha: a distance matrix) with the categories as its header"
              + " row and first column.")
  @Nullable Path weightsFile;

  @Option(
      names = "--distance",
      paramLabel = "BY",
      description =
          "Distances between categories by position (default for the kappas) or value (default"
              + " for interval and ratio alpha when the categories are numbers).")
  @Nullable String distance;

  @Option(
      names = "--categories",
      split = ",",
      paramLabel = "a,b,c",
      description =
          "The declared categories in order (Brennan-Prediger divides by their number; a label"
              + " outside them is an error).")
  @Nullable List<String> categories;

  @Option(
      names = "--ci",
      paramLabel = "METHOD",
      description =
          "analytic (default; the bootstrap where no analytic interval exists) or bootstrap.")
  String ci = "analytic";

  @Option(names = "--ci-level", paramLabel = "P", description = "Confidence level, default 0.95.")
  double ciLevel = 0.95;

  @Option(
      names = "--bootstrap-samples",
      paramLabel = "N",
      description = "Bootstrap resamples, default 1000.")
  int bootstrapSamples = 1000;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the bootstrap, default 1.")
  long seed = 1;

  @Option(
      names = "--per-category",
      description = "Also the coefficient of each category (Fleiss' kappa, alpha).")
  boolean perCategory;

  @Option(names = "--pairwise", description = "The annotator-by-annotator matrix.")
  boolean pairwise;

  @Option(
      names = "--icc-form",
      paramLabel = "FORM",
      description = "The ICC form: 1,1, 2,1 (default), 3,1, 1,k, 2,k or 3,k.")
  String iccForm = "2,1";

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "unitizing, for alpha-u: rows rater,begin,length,category.")
  @Nullable String layout;

  @Option(
      names = "--continuum",
      paramLabel = "BEGIN,LENGTH",
      description = "The continuum that alpha-u's units lie in.")
  @Nullable String continuum;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (metric.equals("alpha-u") || "unitizing".equals(layout)) {
      return unitizing(out);
    }
    if (layout != null) {
      throw new IllegalArgumentException("unknown --layout '" + layout + "', expected unitizing");
    }
    AnswerOptions answerOptions = AnswerOptions.DEFAULT;
    if (categories != null) {
      answerOptions = answerOptions.withCategories(LabelCoding.of(categories));
    }
    RatingTable table = RatingTable.of(Answers.read(input, answerOptions));
    AgreementOptions options = options(table);
    AgreementCalculator calculator = AgreementCalculator.of(table);
    if (pairwise) {
      Metric pairMetric = metric.equals("all") ? Metric.COHEN_KAPPA : Metric.of(metric);
      printMatrix(out, table, calculator.pairwise(pairMetric, options));
    } else if (metric.equals("all")) {
      List<Agreement> results = calculator.all(options);
      if (json) {
        out.println(
            "[" + String.join(",", results.stream().map(AgreementCommand::toJson).toList()) + "]");
      } else {
        printTable(out, results);
      }
    } else {
      Agreement result = calculator.compute(Metric.of(metric), options);
      if (json) {
        out.println(toJson(result));
      } else {
        printOne(out, result);
      }
    }
    out.flush();
    return Annotate.OK;
  }

  private AgreementOptions options(RatingTable table) {
    AgreementOptions options =
        AgreementOptions.DEFAULT
            .withLevel(Level.of(level))
            .withIccForm(IccForm.of(iccForm))
            .withInterval(
                switch (ci) {
                  case "analytic" -> CiMethod.ANALYTIC;
                  case "bootstrap" -> CiMethod.BOOTSTRAP;
                  case "none" -> CiMethod.NONE;
                  default ->
                      throw new IllegalArgumentException(
                          "unknown --ci '" + ci + "', expected analytic or bootstrap");
                },
                ciLevel)
            .withBootstrap(bootstrapSamples, seed)
            .withPerCategory(perCategory);
    if (weights != null) {
      options = options.withWeights(weights);
    }
    if (distance != null) {
      options =
          options.withScale(
              switch (distance) {
                case "position" -> Weights.Scale.POSITION;
                case "value" -> Weights.Scale.VALUE;
                default ->
                    throw new IllegalArgumentException(
                        "unknown --distance '" + distance + "', expected position or value");
              });
    }
    if (weightsFile != null) {
      double[][] matrix = readMatrix(weightsFile, table.categories());
      options =
          metric.equals("krippendorff-alpha")
              ? options.withDistance(Distances.of(matrix))
              : options.withWeights(Weights.of(matrix));
    }
    return options;
  }

  /** Reads a square matrix with the categories as header row and first column. */
  static double[][] readMatrix(Path file, LabelCoding categories) {
    int q = categories.size();
    double[][] matrix = new double[q][q];
    boolean[] seen = new boolean[q];
    try (CsvReader in = CsvReader.open(file)) {
      CsvHeader header = in.header();
      int[] column = new int[header.size()];
      Arrays.fill(column, -1);
      for (int c = 1; c < header.size(); c++) {
        int code = categories.indexOf(header.name(c));
        if (code < 0) {
          throw header.error(
              "column '"
                  + header.name(c)
                  + "' is not one of the categories "
                  + String.join(", ", categories.labels()));
        }
        column[c] = code;
      }
      if (header.size() != q + 1) {
        throw header.error(
            "expected the "
                + q
                + " categories "
                + String.join(", ", categories.labels())
                + " after the first column, found "
                + (header.size() - 1));
      }
      while (in.next()) {
        int row = categories.indexOf(in.get(0));
        if (row < 0) {
          throw in.cellError(0, "'" + in.get(0) + "' is not one of the categories");
        }
        seen[row] = true;
        for (int c = 1; c < header.size(); c++) {
          matrix[row][column[c]] = in.getDouble(c);
        }
      }
    }
    for (int c = 0; c < q; c++) {
      if (!seen[c]) {
        throw new IllegalArgumentException(
            file + ": no row for category '" + categories.label(c) + "'");
      }
    }
    return matrix;
  }

  private int unitizing(PrintWriter out) {
    if (continuum == null) {
      throw new IllegalArgumentException("alpha-u needs --continuum BEGIN,LENGTH");
    }
    String[] parts = continuum.split(",", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "--continuum must be BEGIN,LENGTH, got '" + continuum + "'");
    }
    UnitizingAlpha study =
        UnitizingAlpha.read(
            input, Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    Agreement result = study.alpha();
    if (perCategory) {
      result = result.withPerCategory(study.perCategory());
    }
    if (json) {
      out.println(toJson(result));
    } else {
      printOne(out, result);
    }
    out.flush();
    return Annotate.OK;
  }

  private static void printOne(PrintWriter out, Agreement result) {
    out.println(result.metric() + ": " + valueText(result));
    out.printf(Locale.ROOT, "  units %d, raters %d%n", result.units(), result.raters());
    result.se().ifPresent(se -> out.printf(Locale.ROOT, "  standard error %.4f%n", se));
    result
        .seH0()
        .ifPresent(se -> out.printf(Locale.ROOT, "  standard error under no agreement %.4f%n", se));
    result.ci().ifPresent(ci -> out.println("  interval " + intervalText(ci)));
    for (Map.Entry<String, Agreement> entry : result.perCategory().entrySet()) {
      out.printf(Locale.ROOT, "  %-16s %s%n", entry.getKey(), valueText(entry.getValue()));
    }
  }

  private static void printTable(PrintWriter out, List<Agreement> results) {
    out.printf(Locale.ROOT, "%-20s %10s  %-28s %s%n", "metric", "value", "interval", "units");
    for (Agreement result : results) {
      out.printf(
          Locale.ROOT,
          "%-20s %10s  %-28s %d%n",
          result.metric(),
          result.value().isPresent()
              ? String.format(Locale.ROOT, "%.4f", result.value().getAsDouble())
              : "undefined",
          result
              .ci()
              .map(AgreementCommand::intervalText)
              .orElse(result.undefinedReason().orElse("")),
          result.units());
    }
  }

  private void printMatrix(PrintWriter out, RatingTable table, Agreement[][] matrix) {
    List<String> raters = table.raters().labels();
    if (json) {
      List<String> rows = new ArrayList<>();
      for (Agreement[] row : matrix) {
        List<String> cells = new ArrayList<>();
        for (Agreement cell : row) {
          cells.add(number(cell.value()));
        }
        rows.add("[" + String.join(",", cells) + "]");
      }
      out.println(
          "{\"metric\":"
              + string(matrix.length > 1 ? matrix[0][1].metric() : metric)
              + ",\"raters\":["
              + String.join(",", raters.stream().map(AgreementCommand::string).toList())
              + "],\"matrix\":["
              + String.join(",", rows)
              + "]}");
      return;
    }
    int width = Math.max(8, raters.stream().mapToInt(String::length).max().orElse(0) + 1);
    StringBuilder head = new StringBuilder(" ".repeat(width));
    for (String rater : raters) {
      head.append(String.format(Locale.ROOT, "%" + width + "s", rater));
    }
    out.println(head);
    for (int a = 0; a < matrix.length; a++) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", raters.get(a)));
      for (int b = 0; b < matrix.length; b++) {
        String cell =
            a == b
                ? "-"
                : matrix[a][b].value().isPresent()
                    ? String.format(Locale.ROOT, "%.4f", matrix[a][b].value().getAsDouble())
                    : "undef";
        line.append(String.format(Locale.ROOT, "%" + width + "s", cell));
      }
      out.println(line);
    }
  }

  static String valueText(Agreement result) {
    return result.value().isPresent()
        ? String.format(Locale.ROOT, "%.4f", result.value().getAsDouble())
        : "undefined (" + result.undefinedReason().orElse("") + ")";
  }

  static String intervalText(Interval ci) {
    return String.format(
        Locale.ROOT,
        "[%.4f, %.4f] %s%% %s",
        ci.low(),
        ci.high(),
        new java.math.BigDecimal(Double.toString(ci.level() * 100))
            .stripTrailingZeros()
            .toPlainString(),
        ci.method());
  }

  /** The JSON of a result, with exactly the keys the command documents. */
  static String toJson(Agreement result) {
    StringBuilder json = new StringBuilder("{");
    json.append("\"metric\":").append(string(result.metric()));
    json.append(",\"value\":").append(number(result.value()));
    json.append(",\"undefined_reason\":")
        .append(result.undefinedReason().map(AgreementCommand::string).orElse("null"));
    json.append(",\"units\":").append(result.units());
    json.append(",\"raters\":").append(result.raters());
    json.append(",\"se\":").append(number(result.se()));
    json.append(",\"se_h0\":").append(number(result.seH0()));
    json.append(",\"ci\":");
    if (result.ci().isPresent()) {
      Interval ci = result.ci().get();
      json.append("{\"low\":")
          .append(ci.low())
          .append(",\"high\":")
          .append(ci.high())
          .append(",\"level\":")
          .append(ci.level())
          .append(",\"method\":")
          .append(string(ci.method()))
          .append('}');
    } else {
      json.append("null");
    }
    json.append(",\"per_category\":");
    if (result.perCategory().isEmpty()) {
      json.append("null");
    } else {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<String, Agreement> entry : result.perCategory().entrySet()) {
        entries.add(string(entry.getKey()) + ":" + number(entry.getValue().value()));
      }
      json.append('{').append(String.join(",", entries)).append('}');
    }
    return json.append('}').toString();
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? Double.toString(value.getAsDouble()) : "null";
  }

  static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
