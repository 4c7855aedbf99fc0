package org.annotationkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.junit.jupiter.api.Test;

/**
 * The generators are deterministic in their seed and, over a few hundred seeds, use every kind and
 * every option they promise, so that the property tests built on them cover it.
 */
class DomainGeneratorTest {

  private static final int SEEDS = 300;

  @Test
  void theSameSeedGivesTheSameValues() {
    for (long seed : Seeds.seeds(20).toList()) {
      DomainGenerator a = new DomainGenerator(Seeds.random(seed));
      DomainGenerator b = new DomainGenerator(Seeds.random(seed));
      for (ItemKind kind : ItemKind.values()) {
        Schema schema = a.schemaFor(kind);
        Item item = a.item(kind);
        assertThat(b.schemaFor(kind)).isEqualTo(schema);
        assertThat(b.item(kind)).isEqualTo(item);
        assertThat(b.validAnnotation(schema, item)).isEqualTo(a.validAnnotation(schema, item));
      }
      assertThat(b.anyAnnotation()).isEqualTo(a.anyAnnotation());
      assertThat(b.mixedAnnotations(5)).isEqualTo(a.mixedAnnotations(5));
      assertThat(b.ratingMatrix(4, 3, 2, 0.2)).isDeepEqualTo(a.ratingMatrix(4, 3, 2, 0.2));
    }
  }

  @Test
  void schemasUseEveryOption() {
    Set<FieldKind> kinds = EnumSet.noneOf(FieldKind.class);
    Set<AttributeType> attributeTypes = EnumSet.noneOf(AttributeType.class);
    Set<String> options = new HashSet<>();
    for (long seed : Seeds.seeds(SEEDS).toList()) {
      DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
      for (ItemKind itemKind : ItemKind.values()) {
        Schema schema = generator.schemaFor(itemKind);
        for (Field field : schema.fields()) {
          assertThat(itemKind.accepts(field.kind())).as(field.toString()).isTrue();
          kinds.add(field.kind());
          note(options, field.constraints().required(), "required");
          note(options, field.constraints().minCount() > 0, "minCount");
          note(options, field.constraints().maxCount().isPresent(), "maxCount");
          note(options, !field.constraints().allowOverlap(), "no overlap");
          note(options, field.description().isPresent(), "description");
          note(options, field.rotatable(), "rotatable");
          note(
              options,
              field.kind() == FieldKind.PAIRWISE_PREFERENCE && !field.allowTies(),
              "no ties");
          note(options, field.kind() == FieldKind.PAIRWISE_PREFERENCE && field.allowTies(), "ties");
          note(
              options,
              field.kind() == FieldKind.RELATION && !field.labels().isEmpty(),
              "typed relation");
          field.scale().ifPresent(scale -> options.add(scaleKind(scale)));
          field.scale().ifPresent(scale -> note(options, !scale.anchors().isEmpty(), "anchors"));
          field.skeleton().ifPresent(s -> note(options, !s.edges().isEmpty(), "skeleton edges"));
          for (Label label : field.labels().all()) {
            note(options, label.color().isPresent(), "color");
            note(options, label.description().isPresent(), "label description");
            note(options, !label.children().isEmpty(), "hierarchy");
            for (AttributeSpec spec : label.attributes()) {
              attributeTypes.add(spec.type());
              note(options, spec.required(), "required attribute");
              note(options, spec.max().isPresent(), "bounded number");
            }
          }
        }
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(FieldKind.values());
    assertThat(attributeTypes).containsExactlyInAnyOrder(AttributeType.values());
    assertThat(options)
        .contains(
            "required",
            "minCount",
            "maxCount",
            "no overlap",
            "description",
            "rotatable",
            "no ties",
            "ties",
            "typed relation",
            "likert",
            "stepped",
            "continuous",
            "anchors",
            "skeleton edges",
            "color",
            "label description",
            "hierarchy",
            "required attribute",
            "bounded number");
  }

  private static void note(Set<String> options, boolean used, String option) {
    if (used) {
      options.add(option);
    }
  }

  private static String scaleKind(RatingScale scale) {
    if (scale.isContinuous()) {
      return "continuous";
    }
    return scale.min() == 1 && scale.step() == 1 ? "likert" : "stepped";
  }

  @Test
  void validAnnotationsGiveEveryKindOfValue() {
    Set<FieldKind> kinds = EnumSet.noneOf(FieldKind.class);
    Set<String> seen = new HashSet<>();
    for (long seed : Seeds.seeds(SEEDS).toList()) {
      DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
      for (ItemKind itemKind : ItemKind.values()) {
        Item item = generator.item(itemKind);
        if (item instanceof TextItem text) {
          note(seen, text.length() != text.text().length(), "supplementary text");
        }
        Annotation annotation = generator.validAnnotation(generator.schemaFor(itemKind), item);
        assertThat(annotation.itemId()).isEqualTo(item.id());
        for (Result result : annotation.results()) {
          kinds.add(result.value().kind());
          if (result.value() instanceof BoxValue box) {
            note(seen, box.box().isRotated(), "rotated box");
            note(seen, !box.attributes().isEmpty(), "attributes");
          }
          if (result.value() instanceof SpanValue span) {
            note(seen, span.text().isPresent(), "span text");
          }
          if (result.value() instanceof PreferenceValue preference) {
            note(seen, preference.verdict() == PreferenceValue.Verdict.TIE, "tie");
          }
        }
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(FieldKind.values());
    assertThat(seen)
        .containsExactlyInAnyOrder(
            "supplementary text", "rotated box", "attributes", "span text", "tie");
  }

  @Test
  void arbitraryAnnotationsVaryEveryPart() {
    Set<FieldKind> kinds = EnumSet.noneOf(FieldKind.class);
    Set<ReviewState> states = EnumSet.noneOf(ReviewState.class);
    Set<String> seen = new HashSet<>();
    for (long seed : Seeds.seeds(SEEDS).toList()) {
      Annotation annotation = new DomainGenerator(Seeds.random(seed)).anyAnnotation();
      states.add(annotation.reviewState());
      note(seen, annotation.origin() instanceof Origin.Human, "human");
      note(
          seen,
          annotation.origin() instanceof Origin.Model m && m.score().isPresent(),
          "scored model");
      note(seen, annotation.origin() instanceof Origin.Model m && m.score().isEmpty(), "model");
      note(seen, annotation.leadTimeSeconds().isPresent(), "lead time");
      note(seen, annotation.leadTimeSeconds().isEmpty(), "no lead time");
      note(
          seen,
          annotation
              .createdAt()
              .filter(at -> !at.truncatedTo(ChronoUnit.MILLIS).equals(at))
              .isPresent(),
          "nanos");
      note(seen, annotation.createdAt().isEmpty(), "no creation time");
      for (Result result : annotation.results()) {
        kinds.add(result.value().kind());
        note(seen, result.score().isPresent(), "score");
        note(seen, result.score().isEmpty(), "no score");
        if (result.value() instanceof BoxValue box) {
          for (AttributeValue value : box.attributes().values()) {
            seen.add(value.getClass().getSimpleName());
          }
        }
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(FieldKind.values());
    assertThat(states).containsExactlyInAnyOrder(ReviewState.values());
    assertThat(seen)
        .contains(
            "human",
            "scored model",
            "model",
            "lead time",
            "no lead time",
            "nanos",
            "no creation time",
            "score",
            "no score",
            "Bool",
            "Number",
            "Text");
  }

  @Test
  void mixedAnnotationsHoldRegionsOfManyKinds() {
    List<Annotation> annotations =
        new DomainGenerator(Seeds.random(Seeds.DEFAULT_BASE_SEED)).mixedAnnotations(200);
    assertThat(annotations).hasSize(200);
    Set<FieldKind> kinds = EnumSet.noneOf(FieldKind.class);
    List<Integer> sizes = new ArrayList<>();
    for (Annotation annotation : annotations) {
      sizes.add(annotation.results().size());
      annotation.results().forEach(result -> kinds.add(result.value().kind()));
    }
    assertThat(kinds)
        .contains(
            FieldKind.BOX,
            FieldKind.POLYGON,
            FieldKind.KEYPOINTS,
            FieldKind.MASK,
            FieldKind.SPAN,
            FieldKind.SINGLE_CHOICE,
            FieldKind.MULTIPLE_CHOICE,
            FieldKind.TIME_SEGMENT,
            FieldKind.PAIRWISE_PREFERENCE,
            FieldKind.RANKING);
    assertThat(sizes.stream().mapToInt(Integer::intValue).average().orElseThrow())
        .isBetween(2.0, 20.0);
    assertThat(new DomainGenerator(Seeds.random(1)).mixedAnnotations(0)).isEmpty();
  }

  @Test
  void ratingMatricesHaveTheirShapeCategoriesAndMissingRate() {
    DomainGenerator generator = new DomainGenerator(Seeds.random(Seeds.DEFAULT_BASE_SEED));
    int[][] matrix = generator.ratingMatrix(2000, 5, 4, 0.25);
    assertThat(matrix).hasDimensions(2000, 5);
    int missing = 0;
    int agreeing = 0;
    for (int[] unit : matrix) {
      for (int rating : unit) {
        assertThat(rating).isBetween(-1, 3);
        missing += rating < 0 ? 1 : 0;
      }
      agreeing += unit[0] >= 0 && unit[0] == unit[1] ? 1 : 0;
    }
    // 10,000 ratings, each missing with probability 0.25: the count is within 5 sigma of 2,500.
    assertThat(missing).isBetween(2500 - 217, 2500 + 217);
    // About 1,125 units have both of the first two ratings. Each rater gives the true category
    // with probability at least 0.5 + 0.5 / 4, so they agree on at least ~39% of them (440),
    // well above the 25% of chance (281, standard deviation 14.5).
    assertThat(agreeing).isGreaterThan(360);
    assertThat(Arrays.stream(generator.ratingMatrix(10, 3, 2, 0)).flatMapToInt(Arrays::stream))
        .doesNotContain(-1)
        .hasSize(30);
    assertThat(Arrays.stream(generator.ratingMatrix(10, 3, 2, 1)).flatMapToInt(Arrays::stream))
        .containsOnly(-1)
        .hasSize(30);
    assertThat(generator.ratingMatrix(0, 3, 2, 0.5)).isEmpty();
    assertThatThrownBy(() -> generator.ratingMatrix(3, 0, 2, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("raters must be >= 1, got 0");
    assertThatThrownBy(() -> generator.ratingMatrix(3, 2, 2, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missingRate must be in [0, 1], got 1.5");
  }

  @Test
  void seedsAreReproducibleAndStartWithTheBaseSeed() {
    List<Long> seeds = Seeds.seeds(42L, 100).toList();
    assertThat(seeds).hasSize(100).startsWith(42L).doesNotHaveDuplicates();
    assertThat(Seeds.seeds(42L, 100).toList()).isEqualTo(seeds);
    assertThat(seeds.subList(1, 100)).allSatisfy(seed -> assertThat(seed).isNotNegative());
    assertThat(Seeds.seeds(43L, 100).toList()).isNotEqualTo(seeds);
    assertThat(Seeds.seeds(0)).isEmpty();
    assertThat(Seeds.random(7).nextLong()).isEqualTo(Seeds.random(7).nextLong());
    assertThatThrownBy(() -> Seeds.seeds(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be >= 0, got -1");
  }

  @Test
  void theBaseSeedIsParsedFromTheSystemPropertyText() {
    assertThat(Seeds.baseSeed(null)).isEqualTo(Seeds.DEFAULT_BASE_SEED);
    assertThat(Seeds.baseSeed(" ")).isEqualTo(Seeds.DEFAULT_BASE_SEED);
    assertThat(Seeds.baseSeed("12345")).isEqualTo(12345L);
    assertThat(Seeds.baseSeed(" -7 ")).isEqualTo(-7L);
    assertThat(Seeds.baseSeed("0xFF")).isEqualTo(255L);
    assertThat(Seeds.baseSeed("0xffffffffffffffff")).isEqualTo(-1L);
    assertThatThrownBy(() -> Seeds.baseSeed("twelve"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system property annotationkit.seed must be a long, got 'twelve'");
  }
}
