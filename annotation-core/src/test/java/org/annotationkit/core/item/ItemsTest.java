package org.annotationkit.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemsTest {
  private static final URI URI_A = URI.create("file:///data/a.jpg");

  @Test
  void kinds() {
    List<Item> items =
        List.of(
            new ImageItem("i", URI_A, 640, 480),
            new TextItem("t", "hello"),
            new AudioItem("a", URI.create("a.wav"), 2.5),
            new VideoItem("v", URI.create("v.mp4"), 250, 25.0, 1920, 1080),
            new ComparisonItem("c", "prompt", twoResponses()));

    assertThat(items)
        .extracting(Item::kind)
        .containsExactly(
            ItemKind.IMAGE, ItemKind.TEXT, ItemKind.AUDIO, ItemKind.VIDEO, ItemKind.COMPARISON);
    assertThat(items)
        .extracting(item -> item.kind().jsonName())
        .containsExactly("image", "text", "audio", "video", "comparison");
    assertThat(items).extracting(Item::id).containsExactly("i", "t", "a", "v", "c");
  }

  @Test
  void imageRejectsNonPositiveSizes() {
    assertThatThrownBy(() -> new ImageItem("i", URI_A, 0, 480))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width must be > 0, got 0");
    assertThatThrownBy(() -> new ImageItem("i", URI_A, 640, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("height must be > 0, got -3");
  }

  @Test
  void idsMustNotBeEmpty() {
    assertThatThrownBy(() -> new ImageItem("", URI_A, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be empty");
    assertThatThrownBy(() -> new TextItem("", "x")).hasMessage("id must not be empty");
    assertThatThrownBy(() -> new Response("", "x")).hasMessage("id must not be empty");
    assertThatThrownBy(() -> new Response("r", "x", Optional.of("")))
        .hasMessage("model must not be empty when present");
  }

  @Test
  void audioRejectsBadDurations() {
    URI uri = URI.create("a.wav");
    assertThatThrownBy(() -> new AudioItem("a", uri, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("durationSeconds must be > 0, got 0.0");
    assertThatThrownBy(() -> new AudioItem("a", uri, -1.5))
        .hasMessage("durationSeconds must be > 0, got -1.5");
    assertThatThrownBy(() -> new AudioItem("a", uri, Double.NaN))
        .hasMessage("durationSeconds must be finite, got NaN");
    assertThatThrownBy(() -> new AudioItem("a", uri, Double.POSITIVE_INFINITY))
        .hasMessage("durationSeconds must be finite, got Infinity");
  }

  @Test
  void videoChecksEveryNumberAndKnowsItsDuration() {
    URI uri = URI.create("v.mp4");
    VideoItem video = new VideoItem("v", uri, 300, 29.97, 640, 360);

    assertThat(video.durationSeconds()).isCloseTo(10.01, org.assertj.core.data.Offset.offset(1e-3));
    assertThatThrownBy(() -> new VideoItem("v", uri, 0, 25, 640, 360))
        .hasMessage("frameCount must be > 0, got 0");
    assertThatThrownBy(() -> new VideoItem("v", uri, 10, Double.NaN, 640, 360))
        .hasMessage("fps must be finite, got NaN");
    assertThatThrownBy(() -> new VideoItem("v", uri, 10, 25, -1, 360))
        .hasMessage("width must be > 0, got -1");
    assertThatThrownBy(() -> new VideoItem("v", uri, 10, 25, 640, 0))
        .hasMessage("height must be > 0, got 0");
  }

  @Test
  void textLengthCountsCodePoints() {
    assertThat(new TextItem("t", "a\uD83D\uDE00b").length()).isEqualTo(3);
    assertThat(new TextItem("t", "").length()).isZero();
  }

  @Test
  void metadataIsCopiedSortedAndUnmodifiable() {
    Map<String, String> metadata = new HashMap<>();
    metadata.put("split", "train");
    metadata.put("licence", "CC-BY-4.0");
    ImageItem image = new ImageItem("i", URI_A, 4, 3, metadata);

    metadata.put("extra", "value");

    assertThat(image.metadata()).containsOnlyKeys("licence", "split");
    assertThat(image.metadata().keySet()).containsExactly("licence", "split");
    assertThatThrownBy(() -> image.metadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(image).isEqualTo(new ImageItem("i", URI_A, 4, 3, Map.copyOf(image.metadata())));
  }

  @Test
  void metadataRejectsEmptyKeysAndNulls() {
    assertThatThrownBy(() -> new TextItem("t", "x", Optional.empty(), Map.of("", "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata keys must not be empty");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> new TextItem("t", "x", Optional.empty(), nullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("metadata value of k");
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertThatThrownBy(() -> new TextItem("t", "x", Optional.empty(), nullKey))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("metadata key");
  }

  @Test
  void comparisonNeedsTwoResponsesWithUniqueIds() {
    assertThatThrownBy(() -> new ComparisonItem("c", "p", List.of(new Response("a", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("responses must have at least 2 responses, got 1");
    assertThatThrownBy(() ->
            new ComparisonItem("c", "p", List.of(new Response("a", "x"), new Response("a", "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("responses must have unique ids, got a twice");
  }

  @Test
  void comparisonCopiesItsResponsesAndFindsThemById() {
    List<Response> responses = new ArrayList<>(twoResponses());
    ComparisonItem comparison = new ComparisonItem("c", "Which is better?", responses);

    responses.add(new Response("z", "late"));

    assertThat(comparison.responses()).hasSize(2);
    assertThat(comparison.response("b")).contains(new Response("b", "Bonjour", Optional.of("m2")));
    assertThat(comparison.response("z")).isEmpty();
    assertThatThrownBy(() -> comparison.responses().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void responseTextMayBeEmpty() {
    assertThat(new Response("r", "").text()).isEmpty();
    assertThat(new Response("r", "").model()).isEmpty();
  }

  @Test
  void valueEquality() {
    assertThat(new TextItem("t", "x"))
        .isEqualTo(new TextItem("t", "x", Optional.empty(), Map.of()))
        .hasSameHashCodeAs(new TextItem("t", "x"))
        .isNotEqualTo(new TextItem("t", "y"));
    assertThat(new ComparisonItem("c", "p", twoResponses()))
        .isEqualTo(new ComparisonItem("c", "p", twoResponses(), Map.of()));
  }

  @Test
  void nullsAreRejected() {
    NullPointerTester tester = new NullPointerTester();
    // Valid defaults, so that a null is the first problem a constructor finds.
    tester.setDefault(String.class, "x");
    tester.setDefault(int.class, 1);
    tester.setDefault(double.class, 1.0);
    tester.setDefault(URI.class, URI_A);
    tester.setDefault(List.class, twoResponses());
    for (Class<?> type :
        List.of(
            ImageItem.class,
            TextItem.class,
            AudioItem.class,
            VideoItem.class,
            ComparisonItem.class,
            Response.class,
            TextOffsets.class)) {
      tester.testAllPublicConstructors(type);
      tester.testAllPublicStaticMethods(type);
    }
    tester.testAllPublicInstanceMethods(new ComparisonItem("c", "p", twoResponses()));
    tester.testAllPublicInstanceMethods(TextOffsets.of("abc"));
  }

  private static List<Response> twoResponses() {
    return List.of(
        new Response("a", "Hello", Optional.of("m1")),
        new Response("b", "Bonjour", Optional.of("m2")));
  }
}
