package org.annotationkit.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

class AnnotationTest {
  private static final Result CAR =
      Result.of("r1", "objects", new BoxValue("car", Box.of(10, 20, 200, 100)));
  private static final Result PERSON =
      Result.of("r2", "objects", new BoxValue("person", Box.of(300, 40, 60, 180)));

  @Test
  void builderDefaults() {
    Annotation annotation = Annotation.builder("a1", "image-17", "alice").build();

    assertThat(annotation.id()).isEqualTo("a1");
    assertThat(annotation.itemId()).isEqualTo("image-17");
    assertThat(annotation.annotatorId()).isEqualTo("alice");
    assertThat(annotation.results()).isEmpty();
    assertThat(annotation.origin()).isEqualTo(Origin.HUMAN);
    assertThat(annotation.createdAt()).as("no creation time unless one is set").isEmpty();
    assertThat(annotation.leadTimeSeconds()).isEmpty();
    assertThat(annotation.reviewState()).isEqualTo(ReviewState.UNREVIEWED);
  }

  @Test
  void builderSetsEveryPart() {
    Origin model = new Origin.Model("yolo", "11n", OptionalDouble.of(0.8));
    Instant when = Instant.parse("2026-03-01T09:30:00Z");
    Annotation annotation =
        Annotation.builder("a1", "image-17", "detector")
            .result(CAR)
            .result("r2", "objects", PERSON.value())
            .results(List.of(Result.of("r3", "caption", new FreeTextValue("two things"))))
            .origin(model)
            .createdAt(when)
            .leadTimeSeconds(42.5)
            .reviewState(ReviewState.ACCEPTED)
            .build();

    assertThat(annotation)
        .isEqualTo(
            new Annotation(
                "a1",
                "image-17",
                "detector",
                List.of(CAR, PERSON, Result.of("r3", "caption", new FreeTextValue("two things"))),
                model,
                Optional.of(when),
                OptionalDouble.of(42.5),
                ReviewState.ACCEPTED));
  }

  @Test
  void resultsAddedAfterAListFollowIt() {
    Annotation annotation =
        Annotation.builder("a", "i", "u").results(List.of(PERSON)).result(CAR).build();

    assertThat(annotation.results()).containsExactly(PERSON, CAR);
  }

  @Test
  void findsResultsById() {
    Annotation annotation = Annotation.builder("a", "i", "u").result(CAR).result(PERSON).build();

    assertThat(annotation.result("r2")).contains(PERSON);
    assertThat(annotation.result("r9")).isEmpty();
  }

  @Test
  void duplicateResultIdsAreRejectedByName() {
    Annotation.Builder builder =
        Annotation.builder("a", "i", "u")
            .result(CAR)
            .result("r1", "sentiment", new ChoiceValue("positive"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("results must have unique ids, got r1 twice");
  }

  @Test
  void leadTimeIsFiniteAndNotNegative() {
    Annotation.Builder builder = Annotation.builder("a", "i", "u");

    assertThatThrownBy(() -> builder.leadTimeSeconds(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leadTimeSeconds must be >= 0, got -1.0");
    assertThatThrownBy(() -> builder.leadTimeSeconds(Double.NaN))
        .hasMessage("leadTimeSeconds must be finite, got NaN");
    assertThatThrownBy(() ->
            new Annotation(
                "a",
                "i",
                "u",
                List.of(),
                Origin.HUMAN,
                Optional.empty(),
                OptionalDouble.of(Double.POSITIVE_INFINITY),
                ReviewState.UNREVIEWED))
        .hasMessage("leadTimeSeconds must be finite, got Infinity");
    assertThat(builder.leadTimeSeconds(0).build().leadTimeSeconds()).hasValue(0.0);
  }

  @Test
  void idsMustNotBeEmpty() {
    assertThatThrownBy(() -> Annotation.builder("", "i", "u"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be empty");
    assertThatThrownBy(() -> Annotation.builder("a", "", "u"))
        .hasMessage("itemId must not be empty");
    assertThatThrownBy(() -> Annotation.builder("a", "i", ""))
        .hasMessage("annotatorId must not be empty");
    assertThatThrownBy(() -> Result.of("", "f", new RatingValue(1)))
        .hasMessage("id must not be empty");
    assertThatThrownBy(() -> Result.of("r", "", new RatingValue(1)))
        .hasMessage("field must not be empty");
  }

  @Test
  void resultScoresAreFinite() {
    assertThatThrownBy(
            () -> new Result("r", "f", new RatingValue(1), OptionalDouble.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be finite, got NaN");
    assertThat(Result.of("r", "f", new RatingValue(1)).score()).isEmpty();
  }

  @Test
  void resultsAreCopied() {
    List<Result> results = new ArrayList<>(List.of(CAR));
    Annotation annotation =
        new Annotation(
            "a",
            "i",
            "u",
            results,
            Origin.HUMAN,
            Optional.empty(),
            OptionalDouble.empty(),
            ReviewState.UNREVIEWED);

    results.add(PERSON);

    assertThat(annotation.results()).containsExactly(CAR);
    assertThatThrownBy(() -> annotation.results().add(PERSON))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderCanBuildAgainAfterMoreResults() {
    Annotation.Builder builder = Annotation.builder("a", "i", "u").result(CAR);
    Annotation first = builder.build();
    Annotation second = builder.result(PERSON).build();

    assertThat(first.results()).containsExactly(CAR);
    assertThat(second.results()).containsExactly(CAR, PERSON);
  }
}
