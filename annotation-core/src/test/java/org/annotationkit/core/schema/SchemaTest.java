package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaTest {

  private static final Field SENTIMENT =
      Field.builder("sentiment", FieldKind.SINGLE_CHOICE).labels("pos", "neg").build();
  private static final Field NOTES = Field.builder("notes", FieldKind.FREE_TEXT).build();

  @Test
  void ofEqualsTheConstructor() {
    assertThat(Schema.of("review", SENTIMENT, NOTES))
        .isEqualTo(new Schema("review", List.of(SENTIMENT, NOTES), Optional.empty()));
    assertThat(Schema.of("review", SENTIMENT).withDescription("d"))
        .isEqualTo(new Schema("review", List.of(SENTIMENT), Optional.of("d")));
  }

  @Test
  void findsFieldsByName() {
    Schema schema = Schema.of("review", SENTIMENT, NOTES);
    assertThat(schema.field("notes")).hasValue(NOTES);
    assertThat(schema.field("sentiment")).hasValue(SENTIMENT);
    assertThat(schema.field("rating")).isEmpty();
  }

  @Test
  void fieldNamesAreUnique() {
    Field otherNotes = Field.builder("notes", FieldKind.TRANSCRIPTION).build();
    assertThatThrownBy(() -> Schema.of("review", NOTES, SENTIMENT, otherNotes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema 'review': field 'notes' appears twice");
  }

  @Test
  void needsAField() {
    assertThatThrownBy(() -> Schema.of("review"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema 'review' must have at least one field");
  }

  @Test
  void fieldsAreCopied() {
    List<Field> fields = new ArrayList<>(List.of(SENTIMENT));
    Schema schema = new Schema("review", fields, Optional.empty());
    fields.add(NOTES);
    assertThat(schema.fields()).containsExactly(SENTIMENT);
    assertThatThrownBy(() -> schema.fields().add(NOTES))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
