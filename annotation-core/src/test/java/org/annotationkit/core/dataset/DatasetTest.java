package org.annotationkit.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static final Schema SCHEMA =
      Schema.of(
          "animals", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build());

  private static Item image(String id) {
    return new ImageItem(id, URI.create("images/" + id + ".jpg"), 640, 480);
  }

  private static Annotation choice(String id, String item, String annotator, String label) {
    return Annotation.builder(id, item, annotator)
        .result("r1", "kind", new ChoiceValue(label))
        .build();
  }

  private static final Dataset SMALL =
      Dataset.builder(SCHEMA)
          .annotation(choice("a1", "img-2", "alice", "cat"))
          .item(image("img-1"))
          .item(image("img-2"))
          .annotation(choice("a2", "img-1", "bob", "dog"))
          .annotation(choice("a3", "img-2", "bob", "cat"))
          .build();

  @Test
  void indexesByItemAndAnnotator() {
    assertThat(SMALL.items()).extracting(Item::id).containsExactly("img-1", "img-2");
    assertThat(SMALL.annotationsOf("img-2")).extracting(Annotation::id).containsExactly("a1", "a3");
    assertThat(SMALL.annotationsOf("img-1")).extracting(Annotation::id).containsExactly("a2");
    assertThat(SMALL.annotationsBy("bob")).extracting(Annotation::id).containsExactly("a2", "a3");
    // Annotations are in item order (img-1's first), each item's in the order added.
    assertThat(SMALL.annotations()).extracting(Annotation::id).containsExactly("a2", "a1", "a3");
    assertThat(SMALL.annotatorIds()).containsExactly("bob", "alice");
    assertThat(SMALL.schema()).isSameAs(SCHEMA);
    assertThat(SMALL)
        .hasToString("Dataset[schema 'animals', 2 items, 3 annotations, 2 annotators]");
    Dataset empty = Dataset.builder(SCHEMA).build();
    assertThat(empty.items()).isEmpty();
    assertThat(empty)
        .hasToString("Dataset[schema 'animals', 0 items, 0 annotations, 0 annotators]");
  }

  @Test
  void anUnknownItemIsAnErrorThatSuggestsTheClosest() {
    assertThatThrownBy(() -> SMALL.annotationsOf("img-3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no item 'img-3' in the dataset; did you mean 'img-1'?");
    assertThatThrownBy(() -> SMALL.annotationsOf("photo"))
        .hasMessage("no item 'photo' in the dataset");
  }

  @Test
  void repeatedIdsAreRefusedAtOnce() {
    Dataset.Builder builder = Dataset.builder(SCHEMA).item(image("img-1"));
    assertThatThrownBy(() -> builder.item(image("img-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item id 'img-1' appears twice");
    builder.annotation(choice("a1", "img-1", "alice", "cat"));
    assertThatThrownBy(() -> builder.annotation(choice("a1", "img-1", "bob", "dog")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("annotation id 'a1' appears twice");
    assertThat(builder.build().annotations()).hasSize(1);
  }

  @Test
  void annotationsOfMissingItemsAreListedByBuild() {
    Dataset.Builder builder = Dataset.builder(SCHEMA).item(image("img-1")).item(image("img-2"));
    builder.annotation(choice("a1", "img-1", "alice", "cat"));
    builder.annotation(choice("a2", "img-3", "alice", "cat"));
    builder.annotation(choice("a3", "photo", "bob", "cat"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "2 annotations refer to items not in the dataset: 'a2' (item 'img-3'), 'a3' (item"
                + " 'photo'); did you mean 'img-1'?");
    Dataset.Builder many = Dataset.builder(SCHEMA);
    for (int i = 0; i < 12; i++) {
      many.annotation(choice("a" + i, "x" + i, "alice", "cat"));
    }
    assertThatThrownBy(many::build)
        .hasMessageStartingWith(
            "12 annotations refer to items not in the dataset: 'a0' (item 'x0')")
        .hasMessageEndingWith("'a9' (item 'x9'), … 2 more");
  }

  @Test
  void entriesMayRepeatAnEqualItemButNotADifferentOne() {
    Dataset.Builder builder = Dataset.builder(SCHEMA);
    builder.entry(DatasetEntry.of(image("img-1")));
    builder.entry(new DatasetEntry(image("img-1"), List.of(choice("a1", "img-1", "alice", "cat"))));
    assertThatThrownBy(() ->
            builder.entry(
                new DatasetEntry(new ImageItem("img-1", URI.create("x"), 1, 1), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item id 'img-1' appears twice, with different content");
    assertThat(builder.build().annotationsOf("img-1")).hasSize(1);
  }

  @Test
  void anEntryHoldsOnlyAnnotationsOfItsItem() {
    assertThatThrownBy(
            () -> new DatasetEntry(image("img-1"), List.of(choice("a1", "img-2", "alice", "cat"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("annotation 'a1' is of item 'img-2', not of the entry's item 'img-1'");
  }

  @Test
  void aGroupedSourceThatRepeatsAnItemIsCaught() {
    List<DatasetEntry> entries =
        List.of(DatasetEntry.of(image("img-1")), DatasetEntry.of(image("img-1")));
    assertThatThrownBy(() -> Dataset.of(DatasetSource.of(SCHEMA, true, entries.iterator())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the source says it is grouped, but item 'img-1' comes in two entries");
    assertThat(Dataset.of(DatasetSource.of(SCHEMA, false, entries.iterator())).items()).hasSize(1);
  }

  @Test
  void aSourceStreamsAndEnds() {
    List<String> ids = new ArrayList<>();
    try (var entries = SMALL.source().stream()) {
      entries.forEach(entry -> ids.add(entry.item().id()));
    }
    assertThat(ids).containsExactly("img-1", "img-2");
    Iterator<DatasetEntry> source = SMALL.source();
    source.next();
    source.next();
    assertThat(source.hasNext()).isFalse();
    assertThatThrownBy(source::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void nullArgumentsAreRefused() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Schema.class, SCHEMA)
            .setDefault(Item.class, image("img-9"))
            .setDefault(DatasetEntry.class, DatasetEntry.of(image("img-9")))
            .setDefault(DatasetSource.class, SMALL.source());
    assertThatCode(() -> tester.testAllPublicStaticMethods(Dataset.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicStaticMethods(DatasetSource.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicConstructors(DatasetEntry.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(SMALL)).doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(Dataset.builder(SCHEMA)))
        .doesNotThrowAnyException();
  }
}
