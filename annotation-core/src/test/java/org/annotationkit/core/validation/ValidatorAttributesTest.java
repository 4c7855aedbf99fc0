package org.annotationkit.core.validation;

import static org.annotationkit.core.validation.Expect.one;
import static org.annotationkit.core.validation.Expect.paths;
import static org.annotationkit.core.validation.Fixtures.AUDIO;
import static org.annotationkit.core.validation.Fixtures.IMAGE;
import static org.annotationkit.core.validation.Fixtures.VALIDATOR;
import static org.annotationkit.core.validation.Fixtures.annotation;
import static org.annotationkit.core.validation.Fixtures.attrs;
import static org.annotationkit.core.validation.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.Violation.Code;
import org.junit.jupiter.api.Test;

/** Per-label attributes: known names, types, enum options, number ranges, required ones. */
class ValidatorAttributesTest {

  private static final Box BOX = Box.of(10, 10, 20, 20);

  private static List<Violation> car(Map<String, AttributeValue> attributes) {
    return VALIDATOR.validate(
        annotation(IMAGE, result("r0", "objects", new BoxValue("car", BOX, attributes))), IMAGE);
  }

  @Test
  void validAttributes() {
    assertThat(car(attrs("colour", "blue"))).isEmpty();
    assertThat(car(attrs("colour", "red", "occluded", false, "speed", 0, "plate", ""))).isEmpty();
  }

  @Test
  void unknownAttributeOfALabelWithoutAttributes() {
    Violation v =
        one(
            VALIDATOR.validate(
                annotation(
                    IMAGE,
                    result("r0", "objects", new BoxValue("person", BOX, attrs("occluded", true)))),
                IMAGE),
            "/results/0/value/attributes/occluded",
            Code.UNKNOWN_ATTRIBUTE);
    assertThat(v.message())
        .isEqualTo("unknown attribute 'occluded' for label 'person' (the label has no attributes)");
  }

  @Test
  void unknownAttributeListsTheLabelsAttributes() {
    one(
        car(attrs("colour", "red", "ocluded", true)),
        "/results/0/value/attributes/ocluded",
        Code.UNKNOWN_ATTRIBUTE,
        "unknown attribute 'ocluded' for label 'car'; did you mean 'occluded'?",
        "(attributes: occluded, colour, speed, plate)");
  }

  @Test
  void booleanOfTheWrongType() {
    one(
        car(attrs("colour", "red", "occluded", 3)),
        "/results/0/value/attributes/occluded",
        Code.ATTRIBUTE_WRONG_TYPE,
        "attribute 'occluded' expects a boolean, got number 3");
  }

  @Test
  void textNumberAndEnumOfTheWrongType() {
    one(
        car(attrs("colour", "red", "plate", true)),
        "/results/0/value/attributes/plate",
        Code.ATTRIBUTE_WRONG_TYPE,
        "attribute 'plate' expects a text, got boolean true");
    one(
        car(attrs("colour", "red", "speed", "fast")),
        "/results/0/value/attributes/speed",
        Code.ATTRIBUTE_WRONG_TYPE,
        "attribute 'speed' expects a number, got text 'fast'");
    one(
        car(attrs("colour", 1)),
        "/results/0/value/attributes/colour",
        Code.ATTRIBUTE_WRONG_TYPE,
        "attribute 'colour' expects one of red, green, blue, got number 1");
  }

  @Test
  void enumValueThatIsNotAnOption() {
    one(
        car(attrs("colour", "purple")),
        "/results/0/value/attributes/colour",
        Code.ATTRIBUTE_NOT_AN_OPTION,
        "value 'purple' of attribute 'colour' is not one of its options (options: red, green,"
            + " blue)");
    one(
        car(attrs("colour", "Red")),
        "/results/0/value/attributes/colour",
        Code.ATTRIBUTE_NOT_AN_OPTION,
        "did you mean 'red'?");
  }

  @Test
  void numberOutsideItsRange() {
    one(
        car(attrs("colour", "red", "speed", 12)),
        "/results/0/value/attributes/speed",
        Code.ATTRIBUTE_OUT_OF_RANGE,
        "value 12 of attribute 'speed' is outside its range [0, 10]");
    one(
        car(attrs("colour", "red", "speed", -0.5)),
        "/results/0/value/attributes/speed",
        Code.ATTRIBUTE_OUT_OF_RANGE,
        "value -0.5 of attribute 'speed' is outside its range [0, 10]");
  }

  @Test
  void numberBoundedOnOneSide() {
    AttributeSpec weight =
        new AttributeSpec(
            "weight",
            AttributeType.NUMBER,
            List.of(),
            false,
            OptionalDouble.of(0),
            OptionalDouble.empty());
    Field field =
        Field.builder("things", FieldKind.BOX)
            .labels(LabelSet.of(List.of(Label.of("thing").withAttributes(weight))))
            .build();
    AnnotationValidator v = AnnotationValidator.of(Schema.of("s", field));
    one(
        v.validate(
            annotation(
                IMAGE, result("r0", "things", new BoxValue("thing", BOX, attrs("weight", -1)))),
            IMAGE),
        "/results/0/value/attributes/weight",
        Code.ATTRIBUTE_OUT_OF_RANGE,
        "value -1 of attribute 'weight' is outside its range [0, ∞]");
    assertThat(
            v.validate(
                annotation(
                    IMAGE,
                    result("r0", "things", new BoxValue("thing", BOX, attrs("weight", 1e9)))),
                IMAGE))
        .isEmpty();
  }

  @Test
  void missingRequiredAttribute() {
    one(
        car(attrs("occluded", true)),
        "/results/0/value/attributes",
        Code.MISSING_ATTRIBUTE,
        "missing required attribute 'colour' (one of red, green, blue) for label 'car'");
  }

  @Test
  void attributeNamesAreEscapedInThePointer() {
    // RFC 6901: '/' is written '~1' and '~' is written '~0' inside a reference token.
    one(
        car(attrs("colour", "red", "a/b~c", true)),
        "/results/0/value/attributes/a~1b~0c",
        Code.UNKNOWN_ATTRIBUTE,
        "'a/b~c'");
  }

  @Test
  void attributesOfAnUnknownLabelAreNotChecked() {
    one(
        VALIDATOR.validate(
            annotation(IMAGE, result("r0", "objects", new BoxValue("truck", BOX, attrs("x", 1)))),
            IMAGE),
        "/results/0/value/label",
        Code.UNKNOWN_LABEL,
        "unknown label 'truck'");
  }

  @Test
  void everyAttributeProblemIsReportedInKeyOrderThenMissingOnes() {
    paths(
        car(attrs("zzz", true, "occluded", 1, "speed", 11)),
        "/results/0/value/attributes/occluded",
        "/results/0/value/attributes/speed",
        "/results/0/value/attributes/zzz",
        "/results/0/value/attributes");
  }

  @Test
  void attributesOfOtherRegionKindsAreCheckedToo() {
    one(
        VALIDATOR.validate(
            annotation(
                AUDIO,
                result("r0", "speech", new TimeSegmentValue("bob", 1, 2, attrs("loud", true)))),
            AUDIO),
        "/results/0/value/attributes/loud",
        Code.UNKNOWN_ATTRIBUTE,
        "unknown attribute 'loud' for label 'bob'");
  }
}
