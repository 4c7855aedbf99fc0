package org.annotationkit.formats.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.SpanValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the tag schemes and the span bridge, and hand-checked cases of the
 * tokenizers: spans to tags to spans is the identity for non-overlapping spans in every scheme;
 * token-aligned character spans carried to tokens and back are themselves.
 */
class TextPropertiesTest {
  private static final String[] LABELS = {"PER", "LOC", "ORG"};

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 200).mapToObj(seed -> Arguments.of(20_261_203L + seed));
  }

  /** Non-overlapping spans over n tokens, adjacent same-type spans included. */
  private static List<TokenSpan> spans(SplittableRandom random, int n) {
    List<TokenSpan> spans = new ArrayList<>();
    int t = 0;
    while (t < n) {
      if (random.nextInt(3) == 0) {
        t++;
        continue;
      }
      int length = 1 + random.nextInt(Math.min(4, n - t));
      spans.add(new TokenSpan(LABELS[random.nextInt(LABELS.length)], t, t + length));
      t += length;
    }
    return spans;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void spansToTagsToSpansIsTheIdentityInEveryScheme(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = random.nextInt(30);
    List<TokenSpan> spans = spans(random, n);
    for (TagScheme scheme : TagScheme.values()) {
      List<String> tags = TagSequences.encode(spans, n, scheme);
      DecodedTags strict = TagSequences.decode(tags, scheme, true);
      DecodedTags lenient = TagSequences.decode(tags, scheme, false);
      assertThat(strict.spans()).as("%s %s", scheme, tags).isEqualTo(spans);
      assertThat(lenient.spans()).as("%s %s", scheme, tags).isEqualTo(spans);
      assertThat(lenient.repairs()).as("%s %s", scheme, tags).isEmpty();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void alignedSpansCrossTheBridgeBothWays(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = {"a", "bb", "\uD83D\uDE00", "Cafe\u0301", "東", "x.y"};
    List<String> tokens = new ArrayList<>();
    int n = 1 + random.nextInt(20);
    for (int i = 0; i < n; i++) {
      tokens.add(words[random.nextInt(words.length)]);
    }
    Tokenization tokenization = Tokenization.joined(tokens);
    List<TokenSpan> spans = spans(random, n);
    List<SpanValue> characters = SpanBridge.toCharacters(tokenization, spans);
    AlignedSpans back = SpanBridge.toTokens(tokenization, characters, Alignment.STRICT, false);
    assertThat(back.spans()).isEqualTo(spans);
    assertThat(back.problems()).isEmpty();
    assertThat(Tokenizer.WHITESPACE.tokenize(tokenization.text())).isEqualTo(tokenization);
  }

  @Test
  void wordsTokenizerKeepsCombiningMarksAndSplitsPunctuationAndCjk() {
    Tokenization tokens = Tokenizer.WORDS.tokenize("Cafe\u0301 don't 東京\uD83D\uDE00!");
    assertThat(tokens.tokens())
        .containsExactly("Cafe\u0301", "don", "'", "t", "東", "京", "\uD83D\uDE00", "!");
    // Code points: Café 0-5 (e + U+0301 is two), don't 6-11, 東 12, 京 13, the emoji 14, ! 15.
    assertThat(tokens.start(6)).isEqualTo(14);
    assertThat(tokens.end(7)).isEqualTo(16);
  }

  @Test
  void wordsTokenizerKeepsAFlagsTwoRegionalIndicatorsTogether() {
    // U+1F1EC U+1F1E7 is the flag of the United Kingdom, U+1F1EB U+1F1F7 that of France: two
    // flags side by side are four indicators, paired from the start (UAX #29, rules GB12 and GB13).
    String gb = "\uD83C\uDDEC\uD83C\uDDE7";
    String fr = "\uD83C\uDDEB\uD83C\uDDF7";
    Tokenization tokens = Tokenizer.WORDS.tokenize("London " + gb + fr + " Paris");
    assertThat(tokens.tokens()).containsExactly("London", gb, fr, "Paris");
    // Code points: London 0-6, the space 6, each flag two, Paris from 12.
    assertThat(tokens.start(2)).isEqualTo(9);
    assertThat(tokens.start(3)).isEqualTo(12);
  }

  @Test
  void spanInsideATokenAndOverlapsAreReported() {
    Tokenization tokens = Tokenizer.WHITESPACE.tokenize("New Yorker here");
    SpanValue inside = new SpanValue("LOC", 0, 8);
    AlignedSpans strict = SpanBridge.toTokens(tokens, List.of(inside), Alignment.STRICT, false);
    assertThat(strict.spans()).isEmpty();
    assertThat(strict.problems())
        .extracting(SpanProblem::kind)
        .containsExactly(SpanProblem.Kind.MISALIGNED);
    assertThat(SpanBridge.toTokens(tokens, List.of(inside), Alignment.EXPAND, false).spans())
        .containsExactly(new TokenSpan("LOC", 0, 2));
    assertThat(SpanBridge.toTokens(tokens, List.of(inside), Alignment.CONTRACT, false).spans())
        .containsExactly(new TokenSpan("LOC", 0, 1));
    SpanValue within = new SpanValue("X", 5, 7, Optional.empty());
    assertThat(SpanBridge.toTokens(tokens, List.of(within), Alignment.CONTRACT, false).problems())
        .extracting(SpanProblem::kind)
        .containsExactly(SpanProblem.Kind.NO_TOKEN);
    AlignedSpans overlap =
        SpanBridge.toTokens(
            tokens,
            List.of(new SpanValue("A", 4, 10), new SpanValue("B", 0, 10)),
            Alignment.STRICT,
            false);
    assertThat(overlap.spans()).containsExactly(new TokenSpan("B", 0, 2));
    assertThat(overlap.problems())
        .extracting(SpanProblem::kind)
        .containsExactly(SpanProblem.Kind.OVERLAPS);
  }
}
