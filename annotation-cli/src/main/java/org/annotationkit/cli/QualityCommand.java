package org.annotationkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.annotationkit.metrics.aggregation.DawidSkene;
import org.annotationkit.metrics.data.AnswerOptions;
import org.annotationkit.metrics.data.Answers;
import org.annotationkit.metrics.quality.AnnotatorQuality;
import org.annotationkit.metrics.quality.Flag;
import org.annotationkit.metrics.quality.LabelNoiseReport;
import org.annotationkit.metrics.quality.QualityCheck;
import org.annotationkit.metrics.quality.QualityReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annotate quality}: the annotator report of a set of answers. */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    customSynopsis = {"annotate quality --input LABELS.csv [--gold GOLD.csv] [--json]"},
    description = {
      "Judges annotators against the Dawid-Skene consensus (which keeps the gold labels, if"
          + " given) and against gold, flags likely spammers and annotators far below the rest,"
          + " and lists where the labels are noisy.",
      "LABELS.csv has the header item,annotator,label; GOLD.csv item,label.",
      "",
      "Columns of the annotator table:",
      "  annotator  the annotator's id",
      "  answers    how many answers they gave",
      "  agree      share of their answers equal to the item's consensus label",
      "  gold       gold items they answered",
      "  gold_acc   share of those they got right (- without gold)",
      "  skill      Dawid-Skene's estimate: prior-weighted probability of a right answer",
      "  spam       MACE's probability that an answer of theirs is spam",
      "  p_indep    chi-square p-value of their answers against the other annotators'"
          + " majority (high: answers independent of the item)",
      "  flags      single-label, independent-of-item, far-below (evidence listed below)",
      "Then: flag evidence, items whose consensus confidence is under 0.7, the annotators who"
          + " disagree with the consensus most, and the label pairs confused most often."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was printed and nobody was flagged",
      "1:the report was printed and some annotators were flagged (each is listed)",
      "2:an input could not be read, or bad options"
    })
final class QualityCommand implements Callable<Integer> {
  /** How many weak items the table shows (the JSON has them all). */
  private static final int WEAK_SHOWN = 10;

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "LABELS.csv", description = "Answers.")
  Path input;

  @Option(names = "--gold", paramLabel = "GOLD.csv", description = "Known labels (item,label).")
  @Nullable Path gold;

  @Option(names = "--json", description = "Print the report as JSON instead of tables.")
  boolean json;

  @Override
  public Integer call() {
    Answers answers = Answers.read(input, AnswerOptions.DEFAULT);
    Map<String, String> known = new HashMap<>();
    if (gold != null) {
      AggregateCommand.read(gold, "item", "label", known::put);
    }
    QualityReport report =
        QualityCheck.defaults()
            .withConsensus(DawidSkene.defaults().withGold(known))
            .withGold(known)
            .assess(answers);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(report));
    } else {
      print(out, report);
    }
    out.flush();
    return report.flagged().isEmpty() ? Annotate.OK : Annotate.VIOLATIONS;
  }

  static void print(PrintWriter out, QualityReport report) {
    int width = "annotator".length();
    for (AnnotatorQuality a : report.annotators()) {
      width = Math.max(width, a.annotator().length());
    }
    String head = "%-" + width + "s %7s %6s %5s %8s %6s %6s %8s  %s%n";
    out.printf(
        Locale.ROOT,
        head,
        "annotator",
        "answers",
        "agree",
        "gold",
        "gold_acc",
        "skill",
        "spam",
        "p_indep",
        "flags");
    for (AnnotatorQuality a : report.annotators()) {
      out.printf(
          Locale.ROOT,
          head,
          a.annotator(),
          a.answers(),
          fixed(a.consensusAgreement()),
          a.gold().isPresent() ? Long.toString(a.goldAnswered()) : "-",
          fixed(a.goldAccuracy()),
          fixed(a.skill()),
          fixed(a.spamming()),
          String.format(Locale.ROOT, "%.2g", a.independence().pValue()),
          a.flags().isEmpty()
              ? "-"
              : a.flags().stream()
                  .map(f -> f.kind().id())
                  .distinct()
                  .collect(Collectors.joining(",")));
    }
    List<AnnotatorQuality> flagged = report.flagged();
    if (!flagged.isEmpty()) {
      out.println();
      out.println("Flags:");
      for (AnnotatorQuality a : flagged) {
        for (Flag f : a.flags()) {
          out.printf(Locale.ROOT, "  %s %s: %s%n", a.annotator(), f.kind().id(), f.evidence());
        }
      }
    }
    LabelNoiseReport noise = report.noise();
    out.println();
    out.printf(
        Locale.ROOT,
        "Weak consensus: %d of %d items under 0.7%n",
        noise.weakItems().size(),
        report.consensus().itemCount());
    for (LabelNoiseReport.WeakItem w :
        noise.weakItems().subList(0, Math.min(WEAK_SHOWN, noise.weakItems().size()))) {
      out.printf(
          Locale.ROOT,
          "  %s %s %.3f (%d answers%s)%n",
          w.item(),
          w.label(),
          w.confidence(),
          w.answers(),
          w.tied() ? ", tied" : "");
    }
    out.println("Most disagreeing with the consensus:");
    for (LabelNoiseReport.Disagreement d : noise.mostDisagreeing()) {
      out.printf(
          Locale.ROOT,
          "  %s %d of %d (%.3f)%n",
          d.annotator(),
          d.disagreements(),
          d.answers(),
          d.rate());
    }
    out.println("Most confused labels (consensus -> given):");
    for (LabelNoiseReport.ConfusedPair p : noise.confusedPairs()) {
      out.printf(
          Locale.ROOT, "  %s -> %s %d (%.3f)%n", p.consensus(), p.given(), p.count(), p.share());
    }
  }

  private static String fixed(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String fixed(OptionalDouble v) {
    return v.isPresent() ? fixed(v.getAsDouble()) : "-";
  }

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  private static String number(OptionalDouble v) {
    return v.isPresent() ? number(v.getAsDouble()) : "null";
  }

  static String toJson(QualityReport r) {
    StringBuilder b = new StringBuilder("{\"consensus\":\"");
    b.append(r.consensus().method()).append("\",\"annotators\":[");
    for (int i = 0; i < r.annotators().size(); i++) {
      AnnotatorQuality a = r.annotators().get(i);
      b.append(i == 0 ? "" : ",")
          .append("{\"annotator\":")
          .append(AggregateCommand.quote(a.annotator()));
      b.append(",\"answers\":").append(a.answers());
      b.append(",\"agreement\":").append(number(a.consensusAgreement()));
      b.append(",\"goldAnswered\":").append(a.goldAnswered());
      b.append(",\"goldAccuracy\":").append(number(a.goldAccuracy()));
      b.append(",\"skill\":").append(number(a.skill()));
      b.append(",\"spamming\":").append(number(a.spamming()));
      b.append(",\"independence\":{\"chiSquare\":").append(number(a.independence().chiSquare()));
      b.append(",\"degreesOfFreedom\":").append(a.independence().degreesOfFreedom());
      b.append(",\"pValue\":").append(number(a.independence().pValue()));
      b.append(",\"cramersV\":").append(number(a.independence().cramersV())).append('}');
      b.append(",\"flags\":[");
      for (int f = 0; f < a.flags().size(); f++) {
        Flag flag = a.flags().get(f);
        b.append(f == 0 ? "" : ",").append("{\"kind\":\"").append(flag.kind().id());
        b.append("\",\"evidence\":").append(AggregateCommand.quote(flag.evidence())).append('}');
      }
      b.append("]}");
    }
    b.append("],\"weakItems\":[");
    List<LabelNoiseReport.WeakItem> weak = r.noise().weakItems();
    for (int i = 0; i < weak.size(); i++) {
      LabelNoiseReport.WeakItem w = weak.get(i);
      b.append(i == 0 ? "" : ",").append("{\"item\":").append(AggregateCommand.quote(w.item()));
      b.append(",\"label\":").append(AggregateCommand.quote(w.label()));
      b.append(",\"confidence\":").append(number(w.confidence()));
      b.append(",\"answers\":")
          .append(w.answers())
          .append(",\"tied\":")
          .append(w.tied())
          .append('}');
    }
    b.append("],\"mostDisagreeing\":[");
    List<LabelNoiseReport.Disagreement> dis = r.noise().mostDisagreeing();
    for (int i = 0; i < dis.size(); i++) {
      LabelNoiseReport.Disagreement d = dis.get(i);
      b.append(i == 0 ? "" : ",")
          .append("{\"annotator\":")
          .append(AggregateCommand.quote(d.annotator()));
      b.append(",\"disagreements\":").append(d.disagreements());
      b.append(",\"answers\":").append(d.answers()).append('}');
    }
    b.append("],\"confusedPairs\":[");
    List<LabelNoiseReport.ConfusedPair> pairs = r.noise().confusedPairs();
    for (int i = 0; i < pairs.size(); i++) {
      LabelNoiseReport.ConfusedPair p = pairs.get(i);
      b.append(i == 0 ? "" : ",")
          .append("{\"consensus\":")
          .append(AggregateCommand.quote(p.consensus()));
      b.append(",\"given\":").append(AggregateCommand.quote(p.given()));
      b.append(",\"count\":").append(p.count());
      b.append(",\"share\":").append(number(p.share())).append('}');
    }
    return b.append("]}").toString();
  }
}
