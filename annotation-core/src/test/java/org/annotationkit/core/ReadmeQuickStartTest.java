package org.annotationkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.AnnotationValidator;
import org.annotationkit.core.validation.Violation;
import org.junit.jupiter.api.Test;

/** The README's quick start for embedding, as written there: if this changes, change both. */
class ReadmeQuickStartTest {
  @Test
  void embeddingQuickStart() {
    Schema schema =
        Schema.of(
            "street",
            Field.builder("objects", FieldKind.BOX).labels("car", "person").rotatable(true).build(),
            Field.builder("scene", FieldKind.SINGLE_CHOICE)
                .labels("day", "night")
                .required(true)
                .build());
    Item photo =
        new ImageItem(
            "street-1", URI.create("https://example.org/street-1.jpg"), 640, 480, Map.of());

    Annotation annotation =
        Annotation.builder("a-1", "street-1", "alice")
            .result("r1", "objects", new BoxValue("car", Box.of(600, 200, 80, 60)))
            .result("r2", "scene", new ChoiceValue("dusk"))
            .build();

    List<Violation> violations = AnnotationValidator.of(schema).validate(annotation, photo);

    assertThat(violations)
        .extracting(v -> v.path() + ": " + v.message())
        .containsExactly(
            "/results/0/value/width: box right edge x + width = 680 is past the image width 640",
            "/results/1/value/label: unknown label 'dusk' for field 'scene' (labels: day, night)");

    String line = CanonicalJson.annotations().write(annotation);
    Annotation back = CanonicalJson.annotations().read(line);
    assertThat(back).isEqualTo(annotation);
    assertThat(line).doesNotContain("\n").startsWith("{\"annotationkit\":\"annotation\"");
  }
}
