package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSetTest {

  private static final LabelSet VEHICLES =
      LabelSet.of(
          List.of(
              Label.of("vehicle")
                  .withChildren(
                      Label.of("car").withChildren(Label.of("taxi"), Label.of("police car")),
                      Label.of("truck")),
              Label.of("person").withChildren(Label.of("cyclist"))));

  @Test
  void allIsDepthFirstPreOrder() {
    assertThat(VEHICLES.all())
        .extracting(Label::name)
        .containsExactly("vehicle", "car", "taxi", "police car", "truck", "person", "cyclist");
    assertThat(VEHICLES.size()).isEqualTo(7);
    assertThat(VEHICLES.roots()).extracting(Label::name).containsExactly("vehicle", "person");
  }

  @Test
  void findsLabelsAtEveryDepth() {
    assertThat(VEHICLES.find("taxi")).hasValue(Label.of("taxi"));
    assertThat(VEHICLES.find("vehicle").orElseThrow().children()).hasSize(2);
    assertThat(VEHICLES.find("bus")).isEmpty();
    assertThat(VEHICLES.contains("cyclist")).isTrue();
    assertThat(VEHICLES.contains("Cyclist")).isFalse();
  }

  @Test
  void parentsAreKnownForChildrenOnly() {
    assertThat(VEHICLES.parentOf("taxi")).hasValue("car");
    assertThat(VEHICLES.parentOf("car")).hasValue("vehicle");
    assertThat(VEHICLES.parentOf("cyclist")).hasValue("person");
    assertThat(VEHICLES.parentOf("vehicle")).isEmpty();
    assertThat(VEHICLES.parentOf("bus")).isEmpty();
  }

  @Test
  void duplicateAmongRootsIsNamed() {
    assertThatThrownBy(() -> LabelSet.of("car", "bus", "car"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'car' appears twice at the root");
  }

  @Test
  void duplicateAcrossLevelsIsNamedWithBothPlaces() {
    assertThatThrownBy(() ->
            LabelSet.of(
                List.of(Label.of("car"), Label.of("vehicle").withChildren(Label.of("car")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'car' appears twice: at the root and under 'vehicle'");
    assertThatThrownBy(() ->
            LabelSet.of(
                List.of(
                    Label.of("a").withChildren(Label.of("x")),
                    Label.of("b").withChildren(Label.of("c").withChildren(Label.of("x"))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'x' appears twice: under 'a' and under 'c'");
    assertThatThrownBy(
            () -> LabelSet.of(List.of(Label.of("a").withChildren(Label.of("x"), Label.of("x")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'x' appears twice under 'a'");
  }

  @Test
  void aLabelMayNotContainItsOwnName() {
    assertThatThrownBy(() -> LabelSet.of(List.of(Label.of("a").withChildren(Label.of("a")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'a' appears twice: at the root and under 'a'");
  }

  @Test
  void emptyIsEmpty() {
    assertThat(LabelSet.empty().isEmpty()).isTrue();
    assertThat(LabelSet.empty().size()).isZero();
    assertThat(LabelSet.empty().all()).isEmpty();
    assertThat(LabelSet.of()).isEqualTo(LabelSet.empty());
    assertThat(LabelSet.of(List.of())).isEqualTo(LabelSet.empty());
    assertThat(VEHICLES.isEmpty()).isFalse();
  }

  @Test
  void equalityFollowsTheRoots() {
    assertThat(LabelSet.of("a", "b")).isEqualTo(LabelSet.of(List.of(Label.of("a"), Label.of("b"))));
    assertThat(LabelSet.of("a", "b")).hasSameHashCodeAs(LabelSet.of("a", "b"));
    assertThat(LabelSet.of("a", "b")).isNotEqualTo(LabelSet.of("b", "a"));
    assertThat(LabelSet.of(List.of(Label.of("a").withColor("#000000"))))
        .isNotEqualTo(LabelSet.of("a"));
    assertThat(LabelSet.of("a").toString()).startsWith("LabelSet[").contains("name=a");
  }

  @Test
  void rootsAreCopied() {
    List<Label> roots = new ArrayList<>(List.of(Label.of("a")));
    LabelSet set = LabelSet.of(roots);
    roots.add(Label.of("b"));
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.contains("b")).isFalse();
    assertThatThrownBy(() -> set.all().add(Label.of("c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /** Random trees with unique names: every label is found, its parent is the label above it. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lookupsAgreeWithTheTree(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int[] counter = {0};
    List<Label> roots = new ArrayList<>();
    int rootCount = 1 + random.nextInt(4);
    for (int i = 0; i < rootCount; i++) {
      roots.add(randomTree(random, counter, 3));
    }
    LabelSet set = LabelSet.of(roots);

    assertThat(set.size()).isEqualTo(counter[0]);
    Set<String> names = new HashSet<>();
    for (Label label : set.all()) {
      assertThat(names.add(label.name())).isTrue();
      assertThat(set.find(label.name())).hasValue(label);
      for (Label child : label.children()) {
        assertThat(set.parentOf(child.name())).hasValue(label.name());
      }
    }
    for (Label root : set.roots()) {
      assertThat(set.parentOf(root.name())).isEmpty();
    }
    // Pre-order: a label comes before every label of its subtree, which follow it contiguously.
    List<Label> all = set.all();
    for (int i = 0; i < all.size(); i++) {
      int subtree = subtreeSize(all.get(i));
      for (int j = i + 1; j < i + subtree; j++) {
        assertThat(isAncestor(set, all.get(i).name(), all.get(j).name())).isTrue();
      }
    }

    // Reusing any name anywhere else is rejected, naming it.
    String reused = all.get(random.nextInt(all.size())).name();
    List<Label> withDuplicate = new ArrayList<>(roots);
    withDuplicate.add(Label.of("extra").withChildren(Label.of(reused)));
    assertThatThrownBy(() -> LabelSet.of(withDuplicate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("label '" + reused + "' appears twice");
  }

  private static Label randomTree(RandomGenerator random, int[] counter, int depth) {
    String name = "l" + counter[0]++;
    List<Label> children = new ArrayList<>();
    if (depth > 0) {
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        children.add(randomTree(random, counter, depth - 1));
      }
    }
    return Label.of(name).withChildren(children.toArray(Label[]::new));
  }

  private static int subtreeSize(Label label) {
    int size = 1;
    for (Label child : label.children()) {
      size += subtreeSize(child);
    }
    return size;
  }

  private static boolean isAncestor(LabelSet set, String ancestor, String name) {
    var parent = set.parentOf(name);
    while (parent.isPresent()) {
      if (parent.get().equals(ancestor)) {
        return true;
      }
      parent = set.parentOf(parent.get());
    }
    return false;
  }
}
