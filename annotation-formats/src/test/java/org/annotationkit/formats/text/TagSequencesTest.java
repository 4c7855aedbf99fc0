package org.annotationkit.formats.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invalid BIO patterns, expected spans written by hand from the documented rules: conlleval's chunk
 * start/end rules (lenient) and seqeval's strict IOB2 patterns (an entity starts only at B-).
 */
class TagSequencesTest {

  @Test
  void insideAfterOutsideIsStartedLenientlyAndDroppedStrictly() {
    List<String> tags = List.of("O", "I-PER", "I-PER", "O");
    DecodedTags lenient = TagSequences.decode(tags, TagScheme.IOB2);
    assertThat(lenient.spans()).containsExactly(new TokenSpan("PER", 1, 3));
    assertThat(lenient.repairs())
        .extracting(TagRepair::flaw)
        .containsExactly(TagFlaw.BEGIN_MISSING_AFTER_OUTSIDE);
    DecodedTags strict = TagSequences.decode(tags, TagScheme.IOB2, true);
    assertThat(strict.spans()).isEmpty();
    assertThat(strict.repairs()).extracting(TagRepair::dropped).containsExactly(true);
  }

  @Test
  void typeSwitchAndAdjacentSameType() {
    List<String> tags = List.of("B-PER", "I-LOC", "B-PER", "B-PER");
    assertThat(TagSequences.decode(tags, TagScheme.IOB2).spans())
        .containsExactly(
            new TokenSpan("PER", 0, 1),
            new TokenSpan("LOC", 1, 2),
            new TokenSpan("PER", 2, 3),
            new TokenSpan("PER", 3, 4));
    assertThat(TagSequences.decode(tags, TagScheme.IOB2, true).spans())
        .containsExactly(
            new TokenSpan("PER", 0, 1), new TokenSpan("PER", 2, 3), new TokenSpan("PER", 3, 4));
  }

  @Test
  void sameSpansInEveryScheme() {
    List<TokenSpan> spans =
        List.of(new TokenSpan("PER", 0, 2), new TokenSpan("PER", 2, 3), new TokenSpan("LOC", 4, 5));
    for (TagScheme scheme : TagScheme.values()) {
      List<String> tags = TagSequences.encode(spans, 6, scheme);
      DecodedTags decoded = TagSequences.decode(tags, scheme, true);
      assertThat(decoded.spans()).as(scheme.toString()).isEqualTo(spans);
      assertThat(decoded.repairs()).as(scheme.toString()).isEmpty();
    }
    assertThat(TagSequences.encode(spans, 6, TagScheme.IOB1))
        .containsExactly("I-PER", "I-PER", "B-PER", "O", "I-LOC", "O");
  }
}
