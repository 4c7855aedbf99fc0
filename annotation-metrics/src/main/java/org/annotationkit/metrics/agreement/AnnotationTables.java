package org.annotationkit.metrics.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.schema.Field;
import org.annotationkit.metrics.data.AnswerOptions;
import org.annotationkit.metrics.data.Answers;

/**
 * Rating tables made from other inputs: core's annotations (how well do the annotators of a project
 * agree on field F) and category-count tables.
 *
 * @since 0.1.0
 */
public final class AnnotationTables {
  private AnnotationTables() {}

  /**
   * The table of one single-choice or rating field: one row per item, one column per annotator, the
   * field's labels in schema order as categories (so unused labels count, as Brennan-Prediger
   * needs), or for a rating field the distinct ratings given, in numeric order.
   *
   * @param annotations the annotations, each by one annotator of one item
   * @param field the field, of the annotations' schema
   * @return the table; an annotation without a result for the field is a missing rating
   * @throws IllegalArgumentException if an annotator answered the field of an item twice
   */
  public static RatingTable field(List<Annotation> annotations, Field field) {
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(field, "field");
    boolean labelled = !field.labels().isEmpty();
    AnswerOptions options =
        labelled
            ? AnswerOptions.DEFAULT.withCategories(LabelCoding.schemaOrder(field))
            : AnswerOptions.DEFAULT;
    Answers.Builder builder = Answers.builder(options);
    for (Annotation annotation : annotations) {
      for (Result result : annotation.results()) {
        if (!result.field().equals(field.name())) {
          continue;
        }
        String label =
            switch (result.value()) {
              case ChoiceValue choice -> choice.label();
              case RatingValue rating -> number(rating.value());
              default ->
                  throw new IllegalArgumentException(
                      "field '"
                          + field.name()
                          + "' has a "
                          + result.value().getClass().getSimpleName()
                          + " in annotation '"
                          + annotation.id()
                          + "'; agreement tables take single choices and ratings");
            };
        builder.add(annotation.itemId(), annotation.annotatorId(), label);
      }
    }
    return RatingTable.of(builder.build());
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /**
   * A table from a category-count table (units by categories, how many raters chose each), as
   * Fleiss' kappa is often given. Which rater gave which rating is not known, so only the
   * coefficients that ignore it apply: percent agreement, Fleiss' kappa, Brennan-Prediger, Gwet's
   * AC1/AC2 and Krippendorff's alpha.
   *
   * @param counts row-major {@code units x categories} counts, {@code >= 0}
   * @param categories the categories
   * @return a table with as many columns as the largest row sum; the ratings of a unit are in its
   *     first columns, in category order
   */
  public static RatingTable ofCounts(int[] counts, LabelCoding categories) {
    Objects.requireNonNull(counts, "counts");
    int q = categories.size();
    if (q == 0 || counts.length % q != 0) {
      throw new IllegalArgumentException(
          "a count table over "
              + q
              + " categories needs a multiple of "
              + q
              + " counts, got "
              + counts.length);
    }
    int units = counts.length / q;
    int raters = 0;
    for (int u = 0; u < units; u++) {
      int sum = 0;
      for (int c = 0; c < q; c++) {
        if (counts[u * q + c] < 0) {
          throw new IllegalArgumentException(
              "count " + counts[u * q + c] + " of unit " + (u + 1) + " is negative");
        }
        sum += counts[u * q + c];
      }
      raters = Math.max(raters, sum);
    }
    int[] codes = new int[Math.multiplyExact(units, Math.max(1, raters))];
    Arrays.fill(codes, RatingTable.MISSING);
    int width = Math.max(1, raters);
    for (int u = 0; u < units; u++) {
      int at = u * width;
      for (int c = 0; c < q; c++) {
        for (int k = 0; k < counts[u * q + c]; k++) {
          codes[at++] = c;
        }
      }
    }
    return RatingTable.of(width, codes, categories);
  }
}
