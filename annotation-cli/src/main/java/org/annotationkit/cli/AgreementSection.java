package org.annotationkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.table.CsvFormat;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.metrics.agreement.Agreement;
import org.annotationkit.metrics.agreement.AgreementCalculator;
import org.annotationkit.metrics.agreement.AgreementOptions;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.annotationkit.metrics.agreement.AnnotationTables;
import org.annotationkit.metrics.agreement.Metric;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.AnswerOptions;
import org.annotationkit.metrics.data.Answers;
import org.annotationkit.metrics.structured.RegionAgreement;
import org.annotationkit.metrics.structured.RegionAgreement.Region;

/**
 * The demo's section on agreement: the sample annotators' boxes matched one to one by IoU (F1, mean
 * IoU, label agreement; the per-box IoUs are the box-overlap section's), their single-choice
 * answers (one shared item leaves chance agreement undefined, and the section says so), and, on a
 * study large enough for intervals (Fleiss 1971, bundled), the coefficients with their intervals
 * and a per-label breakdown.
 */
final class AgreementSection implements DemoSection {
  private static final String STUDY = "/org/annotationkit/cli/fleiss-1971.csv";

  @Override
  public String title() {
    return "Agreement between annotators: matched boxes, choices, coefficients with intervals";
  }

  @Override
  public void print(SampleProject project, PrintWriter out) {
    List<Annotation> humans =
        project.annotations().stream()
            .filter(annotation -> annotation.origin() instanceof Origin.Human)
            .toList();
    printBoxes(humans, out);
    printChoices(project, humans, out);
    printStudy(out);
  }

  private static void printBoxes(List<Annotation> humans, PrintWriter out) {
    Map<String, List<Annotation>> byItem = new LinkedHashMap<>();
    for (Annotation annotation : humans) {
      if (annotation.results().stream().anyMatch(r -> r.value() instanceof BoxValue)) {
        byItem.computeIfAbsent(annotation.itemId(), id -> new ArrayList<>()).add(annotation);
      }
    }
    for (Map.Entry<String, List<Annotation>> entry : byItem.entrySet()) {
      List<Annotation> group = entry.getValue();
      for (int a = 0; a < group.size(); a++) {
        for (int b = a + 1; b < group.size(); b++) {
          List<Region> left = regions(group.get(a));
          List<Region> right = regions(group.get(b));
          RegionAgreement.Result match = RegionAgreement.match(left, right, 0.5, false);
          out.printf(
              Locale.ROOT,
              "  boxes of %s, %s vs %s (matched one to one, IoU >= 0.5): F1 %.3f, mean IoU %.3f,"
                  + " same label %d of %d (each box's IoU: see the box-overlap section above)%n",
              entry.getKey(),
              group.get(a).annotatorId(),
              group.get(b).annotatorId(),
              match.f1(),
              match.meanIou(),
              match.sameLabel(),
              match.matches().size());
        }
      }
    }
  }

  private static List<Region> regions(Annotation annotation) {
    List<Region> regions = new ArrayList<>();
    for (Result result : annotation.results()) {
      if (result.value() instanceof BoxValue box) {
        regions.add(new Region(box.box(), box.label()));
      }
    }
    return regions;
  }

  private static void printChoices(
      SampleProject project, List<Annotation> humans, PrintWriter out) {
    for (Field field : project.schema().fields()) {
      if (field.kind() != FieldKind.SINGLE_CHOICE) {
        continue;
      }
      RatingTable table = AnnotationTables.field(humans, field);
      if (table.unitCount() == 0) {
        continue;
      }
      AgreementCalculator calculator = AgreementCalculator.of(table);
      Agreement percent = calculator.compute(Metric.PERCENT_AGREEMENT, AgreementOptions.DEFAULT);
      Agreement kappa = calculator.compute(Metric.FLEISS_KAPPA, AgreementOptions.DEFAULT);
      out.printf(
          Locale.ROOT,
          "  field '%s' (%d labels), %d item(s), %d annotators: percent agreement %s; Fleiss'"
              + " kappa %s%n",
          field.name(),
          table.categoryCount(),
          table.unitCount(),
          table.raterCount(),
          AgreementCommand.valueText(percent),
          AgreementCommand.valueText(kappa));
    }
  }

  private static void printStudy(PrintWriter out) {
    RatingTable table = study();
    out.printf(
        Locale.ROOT,
        "  a larger study, bundled: Fleiss (1971), %d patients, %d psychiatrists each, %d"
            + " diagnoses%n",
        table.unitCount(),
        table.raterCount(),
        table.categoryCount());
    AgreementCalculator calculator = AgreementCalculator.of(table);
    AgreementOptions analytic = AgreementOptions.DEFAULT.withPerCategory(true);
    AgreementOptions bootstrap =
        AgreementOptions.DEFAULT.withInterval(CiMethod.BOOTSTRAP, 0.95).withBootstrap(500, 1);
    Agreement fleiss = calculator.compute(Metric.FLEISS_KAPPA, analytic);
    List<Agreement> results =
        List.of(
            calculator.compute(Metric.PERCENT_AGREEMENT, AgreementOptions.DEFAULT),
            fleiss,
            calculator.compute(Metric.GWET_AC1, AgreementOptions.DEFAULT),
            calculator.compute(Metric.CONGER_KAPPA, AgreementOptions.DEFAULT),
            calculator.compute(Metric.KRIPPENDORFF_ALPHA, AgreementOptions.DEFAULT),
            calculator.compute(Metric.KRIPPENDORFF_ALPHA, bootstrap));
    for (Agreement result : results) {
      out.printf(
          Locale.ROOT,
          "    %-20s %s  %s%n",
          result.metric(),
          AgreementCommand.valueText(result),
          result.ci().map(AgreementCommand::intervalText).orElse(""));
    }
    out.println("    Fleiss' kappa per diagnosis:");
    for (Map.Entry<String, Agreement> entry : fleiss.perCategory().entrySet()) {
      out.printf(
          Locale.ROOT,
          "      %-22s %s%n",
          entry.getKey(),
          AgreementCommand.valueText(entry.getValue()));
    }
    out.println(
        "    try: ./annotate agreement --input FILE --metric all   (FILE: unit,<rater>,... CSV)");
  }

  private static RatingTable study() {
    InputStream stream = AgreementSection.class.getResourceAsStream(STUDY);
    if (stream == null) {
      throw new IllegalStateException("the command was built without " + STUDY);
    }
    try (stream;
        CsvReader in = CsvReader.open(stream, "fleiss-1971.csv", CsvFormat.DEFAULT)) {
      return RatingTable.of(Answers.read(in, AnswerOptions.DEFAULT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + STUDY, e);
    }
  }
}
