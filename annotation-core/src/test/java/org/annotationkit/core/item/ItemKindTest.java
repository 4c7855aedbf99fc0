package org.annotationkit.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.annotationkit.core.schema.FieldKind;
import org.junit.jupiter.api.Test;

class ItemKindTest {
  @Test
  void fieldKindsFollowTheTable() {
    assertThat(ItemKind.IMAGE.fieldKinds())
        .containsExactly(
            FieldKind.SINGLE_CHOICE,
            FieldKind.MULTIPLE_CHOICE,
            FieldKind.BOX,
            FieldKind.POLYGON,
            FieldKind.POLYLINE,
            FieldKind.KEYPOINTS,
            FieldKind.MASK,
            FieldKind.RELATION,
            FieldKind.TRANSCRIPTION,
            FieldKind.RATING,
            FieldKind.FREE_TEXT);
    assertThat(ItemKind.TEXT.fieldKinds()).contains(FieldKind.SPAN).doesNotContain(FieldKind.BOX);
    assertThat(ItemKind.AUDIO.fieldKinds())
        .contains(FieldKind.TIME_SEGMENT)
        .doesNotContain(FieldKind.BOX, FieldKind.SPAN);
    assertThat(ItemKind.VIDEO.fieldKinds())
        .contains(FieldKind.BOX, FieldKind.MASK, FieldKind.TIME_SEGMENT)
        .doesNotContain(FieldKind.SPAN, FieldKind.RANKING);
    assertThat(ItemKind.COMPARISON.fieldKinds())
        .contains(FieldKind.PAIRWISE_PREFERENCE, FieldKind.RANKING)
        .doesNotContain(FieldKind.BOX, FieldKind.TIME_SEGMENT);
    for (ItemKind kind : ItemKind.values()) {
      for (FieldKind field : FieldKind.values()) {
        assertThat(kind.accepts(field)).isEqualTo(kind.fieldKinds().contains(field));
      }
    }
  }

  @Test
  void fieldKindsCannotBeChanged() {
    assertThatThrownBy(() -> ItemKind.TEXT.fieldKinds().add(FieldKind.BOX))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void jsonNames() {
    assertThat(ItemKind.VIDEO.jsonName()).isEqualTo("video");
    assertThat(ItemKind.COMPARISON.jsonName()).isEqualTo("comparison");
  }
}
