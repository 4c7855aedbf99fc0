package org.annotationkit.core.annotation;

import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A transcription of the whole item, or of one of its regions: a result of a {@link
 * FieldKind#TRANSCRIPTION} field.
 *
 * @param text the transcribed text, possibly empty (nothing to transcribe)
 * @param target the id of the region result transcribed, or empty for the whole item
 * @since 0.1.0
 */
public record TranscriptionValue(String text, Optional<String> target) implements Value {
  /** Checks the parts. */
  public TranscriptionValue {
    Objects.requireNonNull(text, "text");
    Require.nonEmpty(target, "target");
  }

  /**
   * A transcription of the whole item.
   *
   * @param text the transcribed text, possibly empty
   */
  public TranscriptionValue(String text) {
    this(text, Optional.empty());
  }

  /**
   * Returns {@link FieldKind#TRANSCRIPTION}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.TRANSCRIPTION;
  }
}
