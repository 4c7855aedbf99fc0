package org.annotationkit.core.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.testing.DomainGenerator;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every order of a label coding round-trips label to code to label, and puts the labels where an
 * independent computation says: a recursive walk of the label tree, the first index in the input,
 * and a sort by code point arrays.
 */
class LabelCodingPropertiesTest {

  /** Characters around the places where UTF-16 order and code point order differ. */
  private static final String[] AWKWARD = {
    "\uE000", "\uFFFD", "\uFF21", "😀", "𝔘", "\u00E9", "e\u0301", "Z", "a", "A", "ß", "日本", " x"
  };

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /** Random labels with repeats: names, texts and characters that sort awkwardly. */
  private static List<String> labels(RandomGenerator random) {
    DomainGenerator generator = new DomainGenerator(random);
    int distinct = random.nextInt(0, 30);
    List<String> pool = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < distinct; i++) {
      String label =
          switch (random.nextInt(3)) {
            case 0 -> generator.name(taken);
            case 1 -> generator.text(1, 6);
            default -> AWKWARD[random.nextInt(AWKWARD.length)] + random.nextInt(3);
          };
      pool.add(label);
    }
    List<String> labels = new ArrayList<>();
    int n = pool.isEmpty() ? 0 : random.nextInt(pool.size(), pool.size() * 3 + 1);
    for (int i = 0; i < n; i++) {
      labels.add(pool.get(random.nextInt(pool.size())));
    }
    return labels;
  }

  private static void assertRoundTrips(LabelCoding coding) {
    for (int c = 0; c < coding.size(); c++) {
      String label = coding.label(c);
      assertThat(coding.code(label)).isEqualTo(c);
      assertThat(coding.indexOf(label)).isEqualTo(c);
      assertThat(coding.contains(label)).isTrue();
    }
    assertThat(new HashSet<>(coding.labels())).hasSize(coding.size());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void firstSeenOrderIsTheOrderOfFirstOccurrence(long seed) {
    List<String> input = labels(Seeds.random(seed));
    LabelCoding coding = LabelCoding.firstSeen(input);
    assertRoundTrips(coding);
    assertThat(new HashSet<>(coding.labels())).isEqualTo(new HashSet<>(input));
    for (int c = 1; c < coding.size(); c++) {
      assertThat(input.indexOf(coding.label(c - 1))).isLessThan(input.indexOf(coding.label(c)));
    }
    int[] codes = coding.codes(input);
    assertThat(coding.labels(codes)).isEqualTo(input);

    LabelCoding.Builder builder = LabelCoding.builder();
    for (int i = 0; i < input.size(); i++) {
      assertThat(builder.encode(input.get(i))).isEqualTo(codes[i]);
    }
    assertThat(builder.build()).isEqualTo(coding);
    assertThat(LabelCoding.builder().encodeAll(input)).isEqualTo(codes);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sortedOrderIsCodePointOrder(long seed) {
    List<String> input = labels(Seeds.random(seed));
    LabelCoding coding = LabelCoding.sorted(input);
    assertRoundTrips(coding);
    List<int[]> expected = new ArrayList<>();
    for (String label : new HashSet<>(input)) {
      expected.add(label.codePoints().toArray());
    }
    expected.sort(Arrays::compare);
    List<String> expectedLabels = new ArrayList<>();
    for (int[] codePoints : expected) {
      expectedLabels.add(new String(codePoints, 0, codePoints.length));
    }
    assertThat(coding.labels()).isEqualTo(expectedLabels);
    assertThat(coding.labels(coding.codes(input))).isEqualTo(input);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void explicitOrderKeepsTheCallersOrder(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<String> distinct = new ArrayList<>(LabelCoding.firstSeen(labels(random)).labels());
    java.util.Collections.shuffle(distinct, random);
    LabelCoding coding = LabelCoding.of(distinct);
    assertRoundTrips(coding);
    assertThat(coding.labels()).isEqualTo(distinct);
    assertThat(LabelCoding.of(distinct.toArray(new String[0]))).isEqualTo(coding);
    assertThat(LabelCoding.firstSeen(distinct)).isEqualTo(coding).hasSameHashCodeAs(coding);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void schemaOrderIsDepthFirstPreOrder(long seed) {
    LabelSet labelSet = new DomainGenerator(Seeds.random(seed)).labelSet();
    LabelCoding coding = LabelCoding.schemaOrder(labelSet);
    assertRoundTrips(coding);
    List<String> walked = new ArrayList<>();
    for (Label root : labelSet.roots()) {
      walk(root, walked);
    }
    assertThat(coding.labels()).isEqualTo(walked);
  }

  private static void walk(Label label, List<String> out) {
    out.add(label.name());
    for (Label child : label.children()) {
      walk(child, out);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void remapSendsEveryCodeToTheSameLabel(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<String> input = labels(random);
    LabelCoding source = LabelCoding.firstSeen(input);
    List<String> more = new ArrayList<>(source.labels());
    more.add("extra label " + seed);
    java.util.Collections.shuffle(more, random);
    LabelCoding target = LabelCoding.of(more);

    int[] remap = source.remapTo(target);
    assertThat(remap).hasSize(source.size());
    for (int c = 0; c < source.size(); c++) {
      assertThat(target.label(remap[c])).isEqualTo(source.label(c));
    }
    assertThat(source.remapTo(target, -7)).isEqualTo(remap);

    int[] back = target.remapTo(source, -1);
    for (int c = 0; c < target.size(); c++) {
      if (target.label(c).equals("extra label " + seed)) {
        assertThat(back[c]).isEqualTo(-1);
      } else {
        assertThat(remap[back[c]]).isEqualTo(c);
      }
    }
  }
}
