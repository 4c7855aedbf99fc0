package org.annotationkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.schema.Presets;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.AnnotationValidator;
import org.annotationkit.core.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator accepts every generated valid annotation, of every item kind, and reports exactly
 * the violations planted into one: each at its JSON pointer, and nothing else.
 */
class ValidationPropertiesTest {

  private static final int SEEDS = 300;

  static Stream<Long> seeds() {
    return Seeds.seeds(SEEDS);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void validAnnotationsHaveNoViolations(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    for (ItemKind kind : ItemKind.values()) {
      Schema schema = generator.schemaFor(kind);
      Item item = generator.item(kind);
      Annotation annotation = generator.validAnnotation(schema, item);
      AnnotationValidator validator = AnnotationValidator.of(schema);
      assertThat(validator.validate(annotation, item))
          .as("%s%n%s%n%s", schema, item, annotation)
          .isEmpty();
      assertThat(validator.validate(annotation)).as("without the item").isEmpty();
    }
  }

  static Stream<Long> fewerSeeds() {
    return Seeds.seeds(100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("fewerSeeds")
  void validAnnotationsOfThePresetsHaveNoViolations(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    List<Schema> schemas =
        List.of(
            Presets.coco80(), Presets.conll2003(), Presets.sentiment3(), Presets.modelComparison());
    List<ItemKind> kinds =
        List.of(ItemKind.IMAGE, ItemKind.TEXT, ItemKind.AUDIO, ItemKind.COMPARISON);
    for (int i = 0; i < schemas.size(); i++) {
      Item item = generator.item(kinds.get(i));
      Annotation annotation = generator.validAnnotation(schemas.get(i), item);
      assertThat(AnnotationValidator.of(schemas.get(i)).validate(annotation, item))
          .as("%s", annotation)
          .isEmpty();
      ViolationPlanter.Planted planted =
          new ViolationPlanter(generator.random()).plant(annotation, schemas.get(i), item, 3);
      assertThat(AnnotationValidator.of(schemas.get(i)).validate(planted.annotation(), item))
          .extracting(ViolationPlanter.Planted::describe)
          .as("planted %s", planted.kinds())
          .containsExactlyInAnyOrderElementsOf(planted.expected());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plantedViolationsAreReportedExactlyWithTheirPathsAndCodes(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    ViolationPlanter planter = new ViolationPlanter(generator.random());
    for (ItemKind kind : ItemKind.values()) {
      Schema schema = generator.schemaFor(kind);
      Item item = generator.item(kind);
      Annotation valid = generator.validAnnotation(schema, item);
      int k = generator.random().nextInt(1, 6);
      ViolationPlanter.Planted planted = planter.plant(valid, schema, item, k);
      assertThat(planted.kinds()).isNotEmpty().hasSizeLessThanOrEqualTo(k).doesNotHaveDuplicates();
      List<Violation> violations =
          AnnotationValidator.of(schema).validate(planted.annotation(), item);
      assertThat(violations.stream().map(ViolationPlanter.Planted::describe).toList())
          .as(
              "planted %s at %s%n%s%n%s%n%s",
              planted.kinds(), planted.paths(), violations, schema, planted.annotation())
          .containsExactlyInAnyOrderElementsOf(planted.expected());
    }
  }

  @Test
  void everyKindOfViolationIsPlantedForSomeSeed() {
    Set<ViolationPlanter.Kind> seen = EnumSet.noneOf(ViolationPlanter.Kind.class);
    Seeds.seeds(SEEDS)
        .forEach(seed -> {
          DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
          ViolationPlanter planter = new ViolationPlanter(generator.random());
          for (ItemKind kind : ItemKind.values()) {
            Schema schema = generator.schemaFor(kind);
            Item item = generator.item(kind);
            Annotation valid = generator.validAnnotation(schema, item);
            seen.addAll(planter.plant(valid, schema, item, 5).kinds());
          }
        });
    assertThat(seen).containsExactlyInAnyOrder(ViolationPlanter.Kind.values());
  }
}
