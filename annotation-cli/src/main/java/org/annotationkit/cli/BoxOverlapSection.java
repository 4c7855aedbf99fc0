package org.annotationkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.geometry.Iou;

/**
 * The demo's section on boxes: each pair of annotators of an item, each box matched to the other
 * annotator's box of the same label that overlaps it most, with their intersection over union.
 */
final class BoxOverlapSection implements DemoSection {
  @Override
  public String title() {
    return "Agreement on boxes: intersection over union, per label";
  }

  @Override
  public void print(SampleProject project, PrintWriter out) {
    List<Annotation> annotations = project.annotations();
    Map<String, List<Annotation>> byItem = new LinkedHashMap<>();
    for (Annotation annotation : annotations) {
      if (annotation.results().stream().anyMatch(r -> r.value() instanceof BoxValue)) {
        byItem.computeIfAbsent(annotation.itemId(), id -> new ArrayList<>()).add(annotation);
      }
    }
    for (Map.Entry<String, List<Annotation>> entry : byItem.entrySet()) {
      List<Annotation> group = entry.getValue();
      for (int a = 0; a < group.size(); a++) {
        for (int b = a + 1; b < group.size(); b++) {
          compare(out, entry.getKey(), group.get(a), group.get(b));
        }
      }
    }
  }

  private static void compare(PrintWriter out, String itemId, Annotation a, Annotation b) {
    out.printf(Locale.ROOT, "  %s: %s vs %s%n", itemId, a.annotatorId(), b.annotatorId());
    for (Result left : a.results()) {
      if (!(left.value() instanceof BoxValue leftBox)) {
        continue;
      }
      double best = 0;
      String match = "";
      for (Result right : b.results()) {
        if (right.value() instanceof BoxValue rightBox
            && rightBox.label().equals(leftBox.label())) {
          double iou = Iou.of(leftBox.box(), rightBox.box());
          if (iou >= best) {
            best = iou;
            match = right.id();
          }
        }
      }
      if (match.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "    %-8s %-4s has no %s box to match%n",
            leftBox.label(),
            left.id(),
            b.annotatorId());
      } else {
        out.printf(
            Locale.ROOT,
            "    %-8s %-4s ~ %-4s IoU %.3f%n",
            leftBox.label(),
            left.id(),
            match,
            best);
      }
    }
  }
}
