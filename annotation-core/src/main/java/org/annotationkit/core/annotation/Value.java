package org.annotationkit.core.annotation;

import org.annotationkit.core.schema.FieldKind;

/**
 * What a result says: one value of the kind its field asks for. There is one record per {@link
 * FieldKind}, so a {@code switch} over a value is exhaustive.
 *
 * <p>Labels are names in the field's label set; ids (of results, responses) are non-empty strings.
 * Free text may be empty. Every value is immutable and compares by value.
 *
 * @since 0.1.0
 */
public sealed interface Value
    permits ChoiceValue,
        MultipleChoiceValue,
        BoxValue,
        PolygonValue,
        PolylineValue,
        KeypointsValue,
        MaskValue,
        SpanValue,
        RelationValue,
        TimeSegmentValue,
        TranscriptionValue,
        RatingValue,
        PreferenceValue,
        RankingValue,
        FreeTextValue {
  /**
   * The kind of field this value belongs to.
   *
   * @return the field kind
   */
  FieldKind kind();
}
