package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresetsTest {

  @Test
  void coco80HasTheEightyCategoriesInOrder() {
    Schema coco = Presets.coco80();
    assertThat(coco.name()).isEqualTo("coco80");
    assertThat(coco.fields()).hasSize(1);
    Field objects = coco.field("objects").orElseThrow();
    assertThat(objects.kind()).isEqualTo(FieldKind.BOX);
    List<String> names = objects.labels().all().stream().map(Label::name).toList();
    assertThat(names).hasSize(80).doesNotHaveDuplicates();
    assertThat(objects.labels().roots()).hasSize(80); // flat
    // COCO 2017 categories (instances_val2017.json, ids 1, 2, 3, ..., 13, ..., 90):
    // https://cocodataset.org/#format-data
    assertThat(names.get(0)).isEqualTo("person");
    assertThat(names.get(9)).isEqualTo("traffic light");
    assertThat(names.get(11)).isEqualTo("stop sign"); // id 13: id 12 is unused
    assertThat(names.get(62)).isEqualTo("tv");
    assertThat(names.get(79)).isEqualTo("toothbrush");
    assertThat(names).contains("hair drier", "potted plant", "dining table", "cell phone");
  }

  @Test
  void coco80ColoursAreDistinctHexColours() {
    Set<String> colors = new HashSet<>();
    for (Label label : Presets.coco80().fields().get(0).labels().all()) {
      String color = label.color().orElseThrow();
      assertThat(color).matches("#[0-9a-f]{6}");
      colors.add(color);
    }
    assertThat(colors).hasSize(80);
  }

  @Test
  void conll2003() {
    Schema conll = Presets.conll2003();
    Field entities = conll.field("entities").orElseThrow();
    assertThat(entities.kind()).isEqualTo(FieldKind.SPAN);
    assertThat(entities.constraints().allowOverlap()).isFalse();
    assertThat(entities.labels().all())
        .extracting(Label::name)
        .containsExactly("PER", "ORG", "LOC", "MISC");
    assertThat(entities.labels().all())
        .extracting(label -> label.description().orElseThrow())
        .containsExactly("person", "organisation", "location", "miscellaneous");
    assertDistinctColours(entities);
  }

  @Test
  void sentiment3() {
    Field sentiment = Presets.sentiment3().field("sentiment").orElseThrow();
    assertThat(sentiment.kind()).isEqualTo(FieldKind.SINGLE_CHOICE);
    assertThat(sentiment.labels().all())
        .extracting(Label::name)
        .containsExactly("positive", "neutral", "negative");
    assertThat(sentiment.constraints().required()).isTrue();
    assertThat(sentiment.constraints().maxCount()).hasValue(1);
    assertDistinctColours(sentiment);
  }

  @Test
  void modelComparison() {
    Schema schema = Presets.modelComparison();
    assertThat(schema.fields())
        .extracting(Field::name)
        .containsExactly("preference", "ranking", "quality", "rationale");
    Field preference = schema.field("preference").orElseThrow();
    assertThat(preference.kind()).isEqualTo(FieldKind.PAIRWISE_PREFERENCE);
    assertThat(preference.allowTies()).isTrue();
    assertThat(preference.constraints().required()).isTrue();
    assertThat(schema.field("ranking").orElseThrow().kind()).isEqualTo(FieldKind.RANKING);
    Field quality = schema.field("quality").orElseThrow();
    assertThat(quality.kind()).isEqualTo(FieldKind.RATING);
    assertThat(quality.scale()).hasValue(RatingScale.likert(7));
    assertThat(schema.field("rationale").orElseThrow().kind()).isEqualTo(FieldKind.FREE_TEXT);
  }

  @Test
  void presetsAreEqualOnEveryCall() {
    assertThat(Presets.coco80()).isEqualTo(Presets.coco80());
    assertThat(Presets.conll2003()).isEqualTo(Presets.conll2003());
    assertThat(Presets.sentiment3()).isEqualTo(Presets.sentiment3());
    assertThat(Presets.modelComparison()).isEqualTo(Presets.modelComparison());
  }

  private static void assertDistinctColours(Field field) {
    List<String> colors =
        field.labels().all().stream().map(label -> label.color().orElseThrow()).toList();
    assertThat(colors).doesNotHaveDuplicates();
  }
}
