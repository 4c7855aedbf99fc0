package org.annotationkit.core.annotation;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.common.testing.NullPointerTester;
import java.time.Instant;
import java.util.List;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.TextOffsets;
import org.junit.jupiter.api.Test;

/** Every public constructor, factory and method refuses a null argument with a NPE. */
class AnnotationNullsTest {
  private static NullPointerTester tester() {
    NullPointerTester tester = new NullPointerTester();
    // Non-empty strings, so that a null is the first problem a constructor finds.
    tester.setDefault(String.class, "x");
    tester.setDefault(Value.class, new ChoiceValue("x"));
    tester.setDefault(Result.class, Result.of("r", "f", new ChoiceValue("x")));
    tester.setDefault(Origin.class, Origin.HUMAN);
    tester.setDefault(Instant.class, Instant.EPOCH);
    tester.setDefault(Box.class, ValuesTest.BOX);
    tester.setDefault(Polygon.class, ValuesTest.TRIANGLE);
    tester.setDefault(Polyline.class, ValuesTest.LINE);
    tester.setDefault(RleMask.class, ValuesTest.MASK);
    tester.setDefault(TextOffsets.class, TextOffsets.of("abc"));
    return tester;
  }

  @Test
  void constructorsAndFactories() {
    NullPointerTester tester = tester();
    for (Class<?> type :
        List.of(
            AttributeValue.class,
            AttributeValue.Bool.class,
            AttributeValue.Number.class,
            AttributeValue.Text.class,
            ChoiceValue.class,
            MultipleChoiceValue.class,
            BoxValue.class,
            PolygonValue.class,
            PolylineValue.class,
            MaskValue.class,
            SpanValue.class,
            RelationValue.class,
            TimeSegmentValue.class,
            TranscriptionValue.class,
            RatingValue.class,
            PreferenceValue.class,
            PreferenceValue.Verdict.class,
            RankingValue.class,
            FreeTextValue.class,
            Result.class,
            Origin.Human.class,
            Origin.Model.class,
            ReviewState.class,
            Annotation.class,
            Annotator.class,
            Annotator.Kind.class)) {
      assertThatCode(() -> tester.testAllPublicConstructors(type)).doesNotThrowAnyException();
      assertThatCode(() -> tester.testAllPublicStaticMethods(type)).doesNotThrowAnyException();
    }
  }

  @Test
  void keypoints() {
    NullPointerTester tester = tester();
    tester.setDefault(List.class, List.of(new Keypoint("nose", 1, 2, Keypoint.Visibility.VISIBLE)));
    assertThatCode(() -> tester.testAllPublicConstructors(KeypointsValue.class))
        .doesNotThrowAnyException();
  }

  @Test
  void instanceMethods() {
    NullPointerTester tester = tester();
    Annotation annotation =
        Annotation.builder("a", "i", "u").result("r", "f", new ChoiceValue("x")).build();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(annotation))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(Annotation.builder("a", "i", "u")))
        .doesNotThrowAnyException();
  }
}
