package org.annotationkit.core.validation;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One way in which an annotation breaks its schema or does not fit its item: where, what kind of
 * problem it is, and what is wrong.
 *
 * <p>The {@link #path() path} is a JSON pointer (RFC 6901) into the annotation's canonical JSON,
 * such as {@code /results/2/value/end} for the end offset of the third result's span, or {@code
 * /results} for a problem with the results of a field as a whole. The empty pointer {@code ""}
 * stands for the whole annotation. Tokens that contain {@code ~} or {@code /} (attribute names, for
 * example) are escaped as {@code ~0} and {@code ~1}.
 *
 * <p>The {@link #code() code} says what kind of problem it is, for programs: test it rather than
 * the wording of the message, which may change between releases.
 *
 * <p>The {@link #message() message} is written for a person: it names the offending value and what
 * was expected, e.g. {@code "unknown label 'cra' for field 'objects' (labels: car, person)"}.
 *
 * @param path the JSON pointer of the offending value; {@code ""} for the whole annotation
 * @param code what kind of problem it is
 * @param message what is wrong, naming the value and what was expected
 * @since 0.1.0
 */
public record Violation(String path, Code code, String message) implements Serializable {
  @Serial private static final long serialVersionUID = 2L;

  /**
   * What kind of problem a violation is. Each constant names the pointer it is reported at.
   *
   * @since 0.1.0
   */
  public enum Code {
    /** The annotation is for another item than the one it was checked against ({@code /item}). */
    ITEM_MISMATCH,
    /**
     * The annotation's item is not among the items it was checked with ({@code /item}); reported by
     * tools that look items up by id, not by the validator, which is given the item.
     */
    UNKNOWN_ITEM,
    /** A result names a field that the schema does not have ({@code /results/i/field}). */
    UNKNOWN_FIELD,
    /** The field's kind does not apply to the item's kind ({@code /results/i/field}). */
    FIELD_NOT_FOR_ITEM,
    /** The value is of another kind than its field ({@code /results/i/value}). */
    WRONG_VALUE_KIND,
    /**
     * A label that the field's label set lacks, or a relation label in a field without relation
     * labels ({@code /value/label}, {@code /value/labels/k}).
     */
    UNKNOWN_LABEL,
    /** An attribute that the value's label does not declare ({@code /value/attributes/name}). */
    UNKNOWN_ATTRIBUTE,
    /** A required attribute of the label is missing ({@code /value/attributes}). */
    MISSING_ATTRIBUTE,
    /** An attribute value of the wrong type ({@code /value/attributes/name}). */
    ATTRIBUTE_WRONG_TYPE,
    /** An enum attribute whose text is not one of its options ({@code /value/attributes/name}). */
    ATTRIBUTE_NOT_AN_OPTION,
    /** A number attribute outside its range ({@code /value/attributes/name}). */
    ATTRIBUTE_OUT_OF_RANGE,
    /** A rotated box in a field that does not allow rotation ({@code /value/rotation}). */
    ROTATION_NOT_ALLOWED,
    /**
     * Geometry outside the image or video frame: a box edge or rotated corner, a polygon, polyline
     * or keypoint point ({@code /value/x}, {@code /value/rotation}, {@code /value/points/k}, ...).
     */
    OUTSIDE_FRAME,
    /** A mask whose size differs from the item's ({@code /value/height}, {@code /value/width}). */
    MASK_SIZE_MISMATCH,
    /** A keypoint whose name is not in the field's skeleton ({@code /value/points/k/name}). */
    UNKNOWN_KEYPOINT,
    /** A span end past the end of the text ({@code /value/start}, {@code /value/end}). */
    SPAN_PAST_END,
    /** A span's text differs from the text it covers ({@code /value/text}). */
    SPAN_TEXT_MISMATCH,
    /** A time segment that ends past the end of its audio or video ({@code /value/end}). */
    SEGMENT_PAST_END,
    /**
     * A relation or transcription that points to no region result of the annotation ({@code
     * /value/from}, {@code /value/to}, {@code /value/target}).
     */
    NOT_A_REGION,
    /** A rating that is not on the field's scale ({@code /value/value}). */
    OFF_SCALE,
    /**
     * A preference or ranking naming a response that the comparison lacks ({@code /value/first},
     * {@code /value/second}, {@code /value/order/k}).
     */
    UNKNOWN_RESPONSE,
    /** A ranking that leaves out some of the comparison's responses ({@code /value/order}). */
    INCOMPLETE_RANKING,
    /** A tie in a field that does not allow ties ({@code /value/verdict}). */
    TIE_NOT_ALLOWED,
    /** A required field without a result ({@code /results}). */
    MISSING_REQUIRED_FIELD,
    /**
     * Fewer results (or labels chosen) than the field's minimum ({@code /results}, or {@code
     * /results/i/value/labels} for multiple choice).
     */
    TOO_FEW,
    /**
     * More results (or labels chosen) than the field's maximum ({@code /results}, or {@code
     * /results/i/value/labels} for multiple choice).
     */
    TOO_MANY,
    /**
     * A polygon ring without area, its points on one line or fewer than three ({@code
     * /value/points} or {@code /value/holes/i}).
     */
    POLYGON_ZERO_AREA,
    /**
     * A polygon ring that crosses or touches itself ({@code /value/points/e} or {@code
     * /value/holes/i/e}, at the first of the two edges).
     */
    POLYGON_SELF_INTERSECTION,
    /**
     * A hole that crosses the polygon's exterior or lies outside it ({@code /value/holes/i/e} at
     * the crossing edge, or {@code /value/holes/i}).
     */
    POLYGON_HOLE_OUTSIDE,
    /**
     * A hole that overlaps or lies inside another hole ({@code /value/holes/j/e}, at the second
     * hole).
     */
    POLYGON_HOLES_OVERLAP,
    /** A second result of a single choice field ({@code /results/j}). */
    EXTRA_CHOICE,
    /**
     * A span or segment that overlaps an earlier one in a field that does not allow overlap ({@code
     * /results/j/value}).
     */
    OVERLAP,
    /**
     * An annotation whose origin is not what its annotator makes: a model origin from a person, or
     * a human origin from a model ({@code /origin}); reported by the labeling workflow, which knows
     * the annotator.
     */
    ORIGIN_MISMATCH
  }

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the path is neither empty nor starts with {@code /}, or the
   *     message is blank
   */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (!path.isEmpty() && path.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "path must be empty or a JSON pointer starting with '/', got '" + path + "'");
    }
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank, got '" + message + "'");
    }
  }

  /**
   * The violation as one line, {@code "<path>: <message>"}; the whole annotation is shown as {@code
   * (annotation)}.
   *
   * @return a line for a person to read
   */
  @Override
  public String toString() {
    return (path.isEmpty() ? "(annotation)" : path) + ": " + message;
  }
}
