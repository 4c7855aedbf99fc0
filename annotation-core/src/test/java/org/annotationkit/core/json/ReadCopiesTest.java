package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.internal.SortedStringMap;
import org.junit.jupiter.api.Test;

/**
 * Reading canonical JSON does not copy what it reads more often than it must: a mask's run lengths
 * and an attribute map go into the value once (they were collected in one array or map and then
 * copied by the value's constructor), and a polygon's ring is copied to its length and then by the
 * polygon, no longer grown from a small buffer first. The copies are counted by the bytes the
 * reading thread allocates for a large value, read again from the same reader (so that the reader's
 * buffers have grown already). Before: 1 MB of counts took 4 MB (a buffer grown by doubling from
 * 16, its copy to length, and the mask's copy), a 1 MB ring 4 MB as well; now 1 MB and 2 MB.
 */
class ReadCopiesTest {
  private static final JsonCodec<Annotation> ANNOTATIONS = CanonicalJson.annotations();

  /** How many lines each count reads. */
  private static final int READS = 4;

  /**
   * The bytes the current thread has allocated so far, from the JDK's thread bean (reached by
   * reflection: the module under test does not read java.management).
   */
  private static long allocatedSoFar() {
    try {
      Object bean =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Method allocated =
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getThreadAllocatedBytes", long.class);
      return (long) allocated.invoke(bean, Thread.currentThread().threadId());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the JDK's thread bean cannot count allocations", e);
    }
  }

  private static Annotation annotation(String id, Value value) {
    return Annotation.builder(id, "item-1", "alice").result("r1", "field", value).build();
  }

  /**
   * The fewest bytes allocated by reading one of the lines after the first, of {@link #READS} lines
   * that hold the same value: the least of several reads, so that the count is that of the reading
   * itself, without what a first run of the code (its class loading, its compilation) adds.
   */
  private static long leastAllocatedByARead(Value value, Value[] back) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < READS; i++) {
      text.append(ANNOTATIONS.write(annotation("a" + i, value))).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    long least = Long.MAX_VALUE;
    try (JsonLinesReader<Annotation> in =
        ANNOTATIONS.readLines(new ByteArrayInputStream(bytes), "lines.jsonl")) {
      Annotation first = in.next();
      assertThat(first.results().get(0).value()).isEqualTo(value);
      long warm = allocatedSoFar(); // resolved before the counts start
      assertThat(warm).isPositive();
      for (int i = 1; i < READS; i++) {
        long before = allocatedSoFar();
        Annotation next = in.next();
        least = Math.min(least, allocatedSoFar() - before);
        back[0] = next.results().get(0).value();
      }
    }
    return least;
  }

  @Test
  void aMasksRunLengthsAreCopiedOnce() {
    int runs = 250_000;
    int[] counts = new int[runs];
    java.util.Arrays.fill(counts, 2);
    MaskValue mask = new MaskValue("water", new RleMask(500, 2 * runs / 500, counts));
    Value[] back = new Value[1];
    long allocated = leastAllocatedByARead(mask, back);
    assertThat(back[0]).isEqualTo(mask);
    long array = 4L * runs;
    // Before: a growing buffer (twice the array in all), its copy to length, and the mask's copy.
    assertThat(allocated)
        .as("bytes allocated, against %d for the counts", array)
        .isLessThan(array * 3 / 2);
  }

  @Test
  void aPolygonsRingIsCopiedOnceToItsLengthThenByThePolygon() {
    int points = 62_500;
    double[] xy = new double[2 * points];
    for (int i = 0; i < points; i++) {
      double angle = 2 * Math.PI * i / points;
      // Millipixels: plain decimals, read without the JDK's general conversion, whose
      // allocations depend on what the JIT has made of it so far.
      xy[2 * i] = Math.rint(1_000_000 * Math.cos(angle)) / 1000;
      xy[2 * i + 1] = Math.rint(1_000_000 * Math.sin(angle)) / 1000;
    }
    PolygonValue polygon = new PolygonValue("lake", Polygon.of(xy));
    Value[] back = new Value[1];
    long allocated = leastAllocatedByARead(polygon, back);
    assertThat(back[0]).isEqualTo(polygon);
    long ring = 8L * xy.length;
    // The ring copied to its length and the polygon's own copy, plus what the polygon derives
    // from it; before, a growing buffer (twice the ring in all) came on top.
    assertThat(allocated).as("bytes allocated, against %d for the ring", ring).isLessThan(ring * 3);
  }

  @Test
  void attributesReadAreKeptByTheValueWithoutASecondCopy() {
    Map<String, AttributeValue> given = new TreeMap<>();
    for (int i = 0; i < 20; i++) {
      given.put("a" + i, AttributeValue.of(i));
    }
    BoxValue box = new BoxValue("car", Box.of(1, 2, 3, 4), given);
    BoxValue back =
        (BoxValue)
            ANNOTATIONS.read(ANNOTATIONS.write(annotation("a1", box))).results().get(0).value();
    assertThat(back).isEqualTo(box);
    assertThat(back.attributes()).isInstanceOf(SortedStringMap.class).isEqualTo(given);
    // A value built from another's attributes keeps the very map.
    BoxValue again = new BoxValue("bus", Box.of(0, 0, 1, 1), back.attributes());
    assertThat(again.attributes()).isSameAs(back.attributes());
    assertThat(ANNOTATIONS.write(annotation("a1", box)))
        .isEqualTo(ANNOTATIONS.write(annotation("a1", back)));
  }

  @Test
  void aSortedStringMapReadsAsATreeMapAndRefusesChanges() {
    TreeMap<String, Integer> tree = new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3));
    TreeMap<String, Integer> same = new TreeMap<>(tree);
    SortedStringMap<Integer> map = SortedStringMap.adopt(tree);
    assertThat(map).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(map.toString()).isEqualTo(same.toString());
    assertThat(List.copyOf(map.keySet())).containsExactly("a", "b", "c");
    assertThat(map.firstKey()).isEqualTo("a");
    Map<?, ?> anyKeys = map;
    assertThat(anyKeys.get(1)).isNull();
    assertThat(anyKeys.containsKey(1)).isFalse();
    assertThatThrownBy(() -> map.put("d", 4)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(9))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.keySet().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Require.sortedCopy(map, "m")).isSameAs(map);
    SortedStringMap<Integer> emptyKey = SortedStringMap.adopt(new TreeMap<>(Map.of("", 1)));
    assertThatThrownBy(() -> Require.sortedCopy(emptyKey, "attributes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attributes keys must not be empty");
    assertThatThrownBy(() ->
            SortedStringMap.adopt(
                new TreeMap<String, Integer>(java.util.Comparator.reverseOrder())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMaskFromTheFirstCountsOfAnArrayCopiesThemAndChecksTheLength() {
    int[] buffer = {3, 2, 1, 99, 99};
    RleMask mask = new RleMask(2, 3, buffer, 3);
    assertThat(mask).isEqualTo(new RleMask(2, 3, new int[] {3, 2, 1}));
    assertThat(mask.counts()).containsExactly(3, 2, 1);
    buffer[0] = 0;
    assertThat(mask.count(0)).isEqualTo(3);
    assertThatThrownBy(() -> new RleMask(2, 3, buffer, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new RleMask(2, 3, buffer, -1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
