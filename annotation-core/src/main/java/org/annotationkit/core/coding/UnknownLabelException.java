package org.annotationkit.core.coding;

import java.io.Serial;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Hints;
import org.annotationkit.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a label is not one of a {@link LabelCoding}'s labels. The message names the label,
 * lists the known labels (the first ten, then how many more) and, when one is close, suggests it:
 * {@code unknown label 'Car'; known labels: 'car', 'person', 'dog'; did you mean 'car'?}.
 *
 * <p>A reader that meets the label in a file catches this and reports it with the file's location.
 *
 * @since 0.1.0
 */
public final class UnknownLabelException extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  /** The label that is not in the coding. */
  private final String label;

  /** The closest known label, or null when none is close. */
  private final @Nullable String suggestion;

  /** The coding's labels, in code order. */
  @SuppressWarnings("serial") // List.copyOf gives a serializable list of strings
  private final List<String> knownLabels;

  /**
   * Creates the exception.
   *
   * @param label the label that is not known
   * @param knownLabels the labels that are, in code order
   */
  public UnknownLabelException(String label, List<String> knownLabels) {
    this(label, knownLabels, "");
  }

  /** Creates the exception with a context such as {@code " at index 3"} after the label. */
  UnknownLabelException(String label, List<String> knownLabels, String context) {
    this(
        Objects.requireNonNull(label, "label"),
        List.copyOf(knownLabels),
        context,
        Hints.closest(label, knownLabels));
  }

  private UnknownLabelException(
      String label, List<String> knownLabels, String context, @Nullable String suggestion) {
    super(
        "unknown label "
            + Require.quote(label)
            + context
            + "; known labels: "
            + Hints.listing(knownLabels)
            + (suggestion == null ? "" : "; did you mean " + Require.quote(suggestion) + "?"));
    this.label = label;
    this.knownLabels = knownLabels;
    this.suggestion = suggestion;
  }

  /**
   * The label that is not known.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The labels that are known, in code order.
   *
   * @return the labels, unmodifiable
   */
  public List<String> knownLabels() {
    return knownLabels;
  }

  /**
   * The known label closest to the unknown one, when one is close (another case, or one or two
   * edits away).
   *
   * @return the suggestion
   */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }

  /**
   * The message; never null.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }
}
