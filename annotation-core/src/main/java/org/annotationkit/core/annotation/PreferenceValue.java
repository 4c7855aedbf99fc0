package org.annotationkit.core.annotation;

import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * Which of two responses of a comparison is better, or a tie: a result of a {@link
 * FieldKind#PAIRWISE_PREFERENCE} field.
 *
 * @param first the id of the response shown first, non-empty
 * @param second the id of the response shown second, non-empty and different from {@code first}
 * @param verdict which one is better
 * @since 0.1.0
 */
public record PreferenceValue(String first, String second, Verdict verdict) implements Value {
  /** Checks the parts. */
  public PreferenceValue {
    Require.nonEmpty(first, "first");
    Require.nonEmpty(second, "second");
    Objects.requireNonNull(verdict, "verdict");
    if (first.equals(second)) {
      throw new IllegalArgumentException(
          "first and second must differ, got " + first + " for both");
    }
  }

  /**
   * Returns {@link FieldKind#PAIRWISE_PREFERENCE}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.PAIRWISE_PREFERENCE;
  }

  /**
   * The outcome of a pairwise comparison.
   *
   * @since 0.1.0
   */
  public enum Verdict {
    /** The first response is better. */
    FIRST,
    /** The second response is better. */
    SECOND,
    /** Neither is better (allowed only when the field allows ties). */
    TIE;

    private static final JsonNames<Verdict> NAMES = JsonNames.lowerCase(Verdict.class);

    /**
     * The verdict's name in canonical JSON: {@code "first"}, {@code "second"} or {@code "tie"}.
     *
     * @return the JSON name
     */
    public String jsonName() {
      return NAMES.name(this);
    }

    /**
     * Finds a verdict by its {@linkplain #jsonName() JSON name}.
     *
     * @param jsonName a name such as {@code "tie"}
     * @return the verdict, or empty when no verdict has that name
     */
    public static Optional<Verdict> ofJsonName(String jsonName) {
      return NAMES.find(jsonName);
    }
  }
}
