package org.annotationkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.annotationkit.core.table.CsvFormat;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.core.table.CsvWriter;
import org.annotationkit.metrics.aggregation.Aggregation;
import org.annotationkit.metrics.aggregation.Aggregator;
import org.annotationkit.metrics.aggregation.DawidSkene;
import org.annotationkit.metrics.aggregation.Glad;
import org.annotationkit.metrics.aggregation.Kos;
import org.annotationkit.metrics.aggregation.Mace;
import org.annotationkit.metrics.aggregation.Mmsr;
import org.annotationkit.metrics.aggregation.OneCoinDawidSkene;
import org.annotationkit.metrics.aggregation.Wawa;
import org.annotationkit.metrics.aggregation.WeightedMajorityVote;
import org.annotationkit.metrics.aggregation.ZeroBasedSkill;
import org.annotationkit.metrics.data.AnswerOptions;
import org.annotationkit.metrics.data.Answers;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annotate aggregate}: one label per item from several annotators' answers. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "annotate aggregate --input LABELS.csv"
          + " --method majority|weighted-majority|wawa|zbs|dawid-skene|one-coin|glad|mace|kos|mmsr",
      "    [--gold GOLD.csv] [--skills SKILLS.csv] [--seed S] [--max-iter N] [--tol T]"
          + " --output OUT.csv",
      "    [--skills-output EST.csv] [--json]"
    },
    description = {
      "Aggregates annotators' answers into one label per item.",
      "LABELS.csv has the header item,annotator,label; GOLD.csv item,label; SKILLS.csv"
          + " annotator,skill. OUT.csv gets item,label,confidence (and tie for majority vote)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the labels were written", "2:an input could not be read, or bad options"})
final class AggregateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "LABELS.csv", description = "Answers.")
  Path input;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "NAME",
      description =
          "majority, weighted-majority, wawa, zbs, dawid-skene, one-coin, glad, mace, kos or"
              + " mmsr.")
  String method;

  @Option(
      names = "--gold",
      paramLabel = "GOLD.csv",
      description =
          "Known labels (item,label), for dawid-skene and one-coin; the others refuse it.")
  @Nullable Path gold;

  @Option(
      names = "--skills",
      paramLabel = "SKILLS.csv",
      description = "Given skills for weighted-majority (annotator,skill).")
  @Nullable Path skills;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the randomised methods mace, kos and mmsr (default 0, crowd-kit's).")
  @Nullable Long seed;

  @Option(
      names = "--max-iter",
      paramLabel = "N",
      description = "Iteration cap (default crowd-kit's: 100; mace 50 per start, mmsr 10000).")
  @Nullable Integer maxIter;

  @Option(
      names = "--tol",
      paramLabel = "T",
      description = "Tolerance (default crowd-kit's; 0 for zbs, mace and kos: a fixed point).")
  @Nullable Double tol;

  @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "Labels.")
  Path output;

  @Option(
      names = "--skills-output",
      paramLabel = "EST.csv",
      description = "The estimated skills (annotator,skill).")
  @Nullable Path skillsOutput;

  @Option(names = "--json", description = "Print a JSON summary with priors and confusions.")
  boolean json;

  /** The methods that take gold labels; every other refuses {@code --gold}. */
  private static final java.util.Set<String> GOLD_METHODS =
      java.util.Set.of("dawid-skene", "one-coin");

  @Override
  public Integer call() {
    if (gold != null && !GOLD_METHODS.contains(method)) {
      // An unknown method is reported as such by aggregator().
      Aggregator unused = aggregator();
      throw new IllegalArgumentException(
          "--method "
              + method
              + " cannot use --gold (only dawid-skene and one-coin take gold labels)");
    }
    Answers answers = Answers.read(input, AnswerOptions.DEFAULT);
    Aggregation result = aggregator().aggregate(answers);
    boolean tie = method.equals("majority");
    CsvWriter.write(
        output,
        CsvFormat.DEFAULT,
        out -> {
          if (tie) {
            out.row("item", "label", "confidence", "tie");
          } else {
            out.row("item", "label", "confidence");
          }
          for (int u = 0; u < result.itemCount(); u++) {
            out.cell(result.items().label(u))
                .cell(result.categories().label(result.label(u)))
                .cell(result.confidence(u));
            if (tie) {
              out.cell(Boolean.toString(result.tied(u)));
            }
            out.endRow();
          }
        });
    if (skillsOutput != null && result.skills().isPresent()) {
      double[] estimated = result.skills().get();
      CsvWriter.write(
          skillsOutput,
          CsvFormat.DEFAULT,
          out -> {
            out.row("annotator", "skill");
            for (int a = 0; a < estimated.length; a++) {
              out.cell(result.annotators().label(a)).cell(estimated[a]).endRow();
            }
          });
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(result));
    } else {
      out.printf(
          Locale.ROOT,
          "%s: %d items labelled, %d iterations%s%n",
          result.method(),
          result.itemCount(),
          result.iterations(),
          result.converged() ? "" : " (not converged)");
    }
    out.flush();
    return Annotate.OK;
  }

  private Aggregator aggregator() {
    return switch (method) {
      case "majority" -> WeightedMajorityVote.unweighted();
      case "weighted-majority" -> {
        if (skills == null) {
          throw new IllegalArgumentException("--method weighted-majority needs --skills");
        }
        Map<String, Double> given = new HashMap<>();
        read(skills, "annotator", "skill", (k, v) -> given.put(k, Double.parseDouble(v)));
        yield WeightedMajorityVote.withSkills(given);
      }
      case "wawa" -> Wawa.defaults();
      case "zbs" -> {
        ZeroBasedSkill zbs = ZeroBasedSkill.defaults();
        if (maxIter != null) {
          zbs = zbs.withMaxIterations(maxIter);
        }
        yield tol == null ? zbs : zbs.withTolerance(tol);
      }
      case "dawid-skene" -> {
        DawidSkene ds = DawidSkene.defaults().withGold(gold());
        if (maxIter != null) {
          ds = ds.withMaxIterations(maxIter);
        }
        yield tol == null ? ds : ds.withTolerance(tol);
      }
      case "one-coin" -> {
        OneCoinDawidSkene oc = OneCoinDawidSkene.defaults().withGold(gold());
        if (maxIter != null) {
          oc = oc.withMaxIterations(maxIter);
        }
        yield tol == null ? oc : oc.withTolerance(tol);
      }
      case "glad" -> {
        Glad glad = Glad.defaults();
        if (maxIter != null) {
          glad = glad.withMaxIterations(maxIter);
        }
        yield tol == null ? glad : glad.withTolerance(tol);
      }
      case "mace" -> {
        Mace mace = Mace.defaults();
        if (maxIter != null) {
          mace = mace.withMaxIterations(maxIter);
        }
        if (seed != null) {
          mace = mace.withSeed(seed);
        }
        yield tol == null ? mace : mace.withTolerance(tol);
      }
      case "kos" -> {
        Kos kos = Kos.defaults();
        if (maxIter != null) {
          kos = kos.withMaxIterations(maxIter);
        }
        if (seed != null) {
          kos = kos.withSeed(seed);
        }
        yield tol == null ? kos : kos.withTolerance(tol);
      }
      case "mmsr" -> {
        Mmsr mmsr = Mmsr.defaults();
        if (maxIter != null) {
          mmsr = mmsr.withMaxIterations(maxIter);
        }
        if (seed != null) {
          mmsr = mmsr.withSeed(seed);
        }
        yield tol == null ? mmsr : mmsr.withTolerance(tol);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown --method '"
                  + method
                  + "', expected majority, weighted-majority, wawa, zbs, dawid-skene, one-coin,"
                  + " glad, mace, kos or mmsr");
    };
  }

  private Map<String, String> gold() {
    Map<String, String> known = new HashMap<>();
    if (gold != null) {
      read(gold, "item", "label", known::put);
    }
    return known;
  }

  /** Reads a two-column CSV by its header names. */
  static void read(Path file, String key, String value, BiConsumer<String, String> row) {
    try (CsvReader in = CsvReader.open(file)) {
      var header = in.header();
      int k = header.require(key);
      int v = header.require(value);
      while (in.next()) {
        try {
          row.accept(in.get(k), in.get(v));
        } catch (NumberFormatException e) {
          throw in.cellError(v, "not a number: " + in.get(v));
        }
      }
    }
  }

  private static String toJson(Aggregation r) {
    StringBuilder b = new StringBuilder();
    b.append("{\"method\":\"").append(r.method()).append("\",\"items\":").append(r.itemCount());
    b.append(",\"iterations\":").append(r.iterations());
    b.append(",\"converged\":").append(r.converged());
    r.priors()
        .ifPresent(p -> {
          b.append(",\"priors\":{");
          for (int c = 0; c < p.length; c++) {
            b.append(c == 0 ? "" : ",");
            b.append(quote(r.categories().label(c))).append(':').append(p[c]);
          }
          b.append('}');
        });
    if (r.hasConfusions()) {
      b.append(",\"confusions\":{");
      for (int a = 0; a < r.annotators().size(); a++) {
        double[][] m = r.confusion(a).orElseThrow();
        b.append(a == 0 ? "" : ",").append(quote(r.annotators().label(a))).append(":[");
        for (int t = 0; t < m.length; t++) {
          b.append(t == 0 ? "[" : ",[");
          for (int c = 0; c < m[t].length; c++) {
            b.append(c == 0 ? "" : ",").append(m[t][c]);
          }
          b.append(']');
        }
        b.append(']');
      }
      b.append('}');
    }
    return b.append('}').toString();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}
