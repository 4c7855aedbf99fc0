package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.testing.DomainGenerator;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@link FieldKind} constant is the one home of what its kind means: labels, regions,
 * intervals, the item kinds it applies to, the value type that answers it and the options type its
 * fields hold. Checked here against tables written out independently, from the documented meaning
 * of each kind.
 */
class FieldKindTest {

  private static final Set<ItemKind> ANY = EnumSet.allOf(ItemKind.class);
  private static final Set<ItemKind> PICTURES = EnumSet.of(ItemKind.IMAGE, ItemKind.VIDEO);

  /** The documented table: which item kinds each field kind applies to. */
  private static Set<ItemKind> documentedItemKinds(FieldKind kind) {
    return switch (kind) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE, RATING, FREE_TEXT, TRANSCRIPTION, RELATION -> ANY;
      case BOX, POLYGON, POLYLINE, KEYPOINTS, MASK -> PICTURES;
      case SPAN -> EnumSet.of(ItemKind.TEXT);
      case TIME_SEGMENT -> EnumSet.of(ItemKind.AUDIO, ItemKind.VIDEO);
      case PAIRWISE_PREFERENCE, RANKING -> EnumSet.of(ItemKind.COMPARISON);
    };
  }

  @ParameterizedTest
  @EnumSource(FieldKind.class)
  void itemKindsAcceptExactlyWhatTheFieldKindSaysAndTheDocumentedTable(FieldKind kind) {
    assertThat(kind.itemKinds()).isEqualTo(documentedItemKinds(kind));
    for (ItemKind item : ItemKind.values()) {
      assertThat(item.accepts(kind))
          .as("%s accepts %s", item, kind)
          .isEqualTo(kind.appliesTo(item));
    }
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachKindNamesTheValueTypeThatAnswersIt(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    for (FieldKind kind : FieldKind.values()) {
      Value value = generator.anyValue(kind);
      assertThat(value.kind()).isEqualTo(kind);
      assertThat(kind.valueType()).as("%s", kind).isEqualTo(value.getClass());
    }
  }

  @Test
  void theValueTypesAreTheFifteenValueRecordsEachOnce() {
    List<Class<?>> types = new ArrayList<>();
    for (FieldKind kind : FieldKind.values()) {
      types.add(kind.valueType());
    }
    assertThat(types).doesNotHaveDuplicates();
    assertThat(Value.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(types);
  }

  @ParameterizedTest
  @EnumSource(FieldKind.class)
  void eachKindsFieldsHoldOptionsOfItsOwnOptionsType(FieldKind kind) {
    Class<? extends FieldOptions> expected =
        switch (kind) {
          case BOX -> FieldOptions.Box.class;
          case KEYPOINTS -> FieldOptions.Keypoints.class;
          case RATING -> FieldOptions.Rating.class;
          case PAIRWISE_PREFERENCE -> FieldOptions.Preference.class;
          default -> FieldOptions.None.class;
        };
    assertThat(kind.optionsType()).isEqualTo(expected);
    boolean required = kind == FieldKind.KEYPOINTS || kind == FieldKind.RATING;
    assertThat(kind.defaultOptions().isEmpty()).as("options required").isEqualTo(required);
    Field field = FieldTest.minimal("f", kind).build();
    assertThat(field.options()).isInstanceOf(expected);
  }

  @Test
  void defaultOptionsAreNotRotatableAndAllowTies() {
    assertThat(FieldKind.BOX.defaultOptions()).hasValue(new FieldOptions.Box(false));
    assertThat(FieldKind.PAIRWISE_PREFERENCE.defaultOptions())
        .hasValue(new FieldOptions.Preference(true));
    assertThat(FieldKind.FREE_TEXT.defaultOptions()).hasValue(FieldOptions.None.INSTANCE);
  }

  @Test
  void optionsOfAnotherKindAreRefusedNamingTheKindsThatTakeThem() {
    assertThatThrownBy(() ->
            new Field(
                "outline",
                FieldKind.POLYGON,
                LabelSet.of("car"),
                Constraints.NONE,
                Optional.empty(),
                new FieldOptions.Box(false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'outline' (polygon): rotatable applies only to box fields");
    assertThatThrownBy(() ->
            new Field(
                "objects",
                FieldKind.BOX,
                LabelSet.of("car"),
                Constraints.NONE,
                Optional.empty(),
                FieldOptions.None.INSTANCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'objects' (box): options applies only to " + noOptionKinds());
  }

  private static String noOptionKinds() {
    return String.join(
            " and ",
            Stream.of(FieldKind.values())
                .filter(k -> k.optionsType() == FieldOptions.None.class)
                .map(FieldKind::jsonName)
                .toList())
        + " fields";
  }

  @Test
  void labelsRegionsAndIntervalsFollowTheDocumentedMeaning() {
    for (FieldKind kind : FieldKind.values()) {
      boolean region =
          switch (kind) {
            case BOX, POLYGON, POLYLINE, KEYPOINTS, MASK, SPAN, TIME_SEGMENT -> true;
            default -> false;
          };
      assertThat(kind.isRegion()).as("%s region", kind).isEqualTo(region);
      assertThat(kind.isInterval())
          .as("%s interval", kind)
          .isEqualTo(kind == FieldKind.SPAN || kind == FieldKind.TIME_SEGMENT);
      assertThat(kind.usesLabels())
          .as("%s labels", kind)
          .isEqualTo(
              region || kind == FieldKind.SINGLE_CHOICE || kind == FieldKind.MULTIPLE_CHOICE);
      assertThat(kind.takesLabels()).isEqualTo(kind.usesLabels() || kind == FieldKind.RELATION);
    }
  }
}
