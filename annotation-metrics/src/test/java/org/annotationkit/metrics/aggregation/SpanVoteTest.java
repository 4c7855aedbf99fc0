package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.aggregation.SpanVote.AnnotatorSpan;
import org.annotationkit.metrics.aggregation.SpanVote.VotedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Span voting: hand-worked cases, a code-point brute force and seeded invariants. */
class SpanVoteTest {
  static AnnotatorSpan s(String annotator, String label, int start, int end) {
    return new AnnotatorSpan(annotator, new SpanValue(label, start, end));
  }

  @Test
  void majorityBoundariesAndThreshold() {
    List<AnnotatorSpan> spans =
        List.of(
            s("a", "PER", 0, 5),
            s("b", "PER", 0, 6),
            s("c", "PER", 1, 6),
            s("d", "PER", 0, 6),
            s("a", "LOC", 10, 14),
            s("b", "LOC", 12, 14),
            s("c", "ORG", 20, 25));
    List<VotedSpan> two = SpanVote.atLeast(2).vote(spans);
    assertThat(two)
        .containsExactly(
            new VotedSpan("PER", 0, 6, List.of("a", "b", "c", "d")),
            new VotedSpan("LOC", 10, 14, List.of("a", "b")));
    // Ties: starts 10 and 12 once each -> the smallest; ends both 14.
    assertThat(SpanVote.atLeast(3).vote(spans)).extracting(VotedSpan::label).containsExactly("PER");
    assertThat(SpanVote.majorityOf(4).vote(spans)).hasSize(1);
    assertThat(SpanVote.atLeast(1).vote(spans)).hasSize(3);
    assertThat(two.get(0).toSpanValue()).isEqualTo(new SpanValue("PER", 0, 6));
  }

  @Test
  void separateEntitiesStayApartAndEmptySpansAreDropped() {
    List<AnnotatorSpan> spans =
        List.of(
            s("a", "X", 0, 3),
            s("b", "X", 0, 3),
            s("a", "X", 5, 9),
            s("b", "X", 5, 9),
            s("c", "X", 2, 6),
            s("c", "X", 4, 4));
    List<VotedSpan> voted = SpanVote.atLeast(2).vote(spans);
    // Coverage: [0,2) 2, [2,3) 3, [3,5) 1, [5,6) 3, [6,9) 2: cores [0,3) and [5,9).
    assertThat(voted)
        .containsExactly(
            new VotedSpan("X", 0, 3, List.of("a", "b", "c")),
            new VotedSpan("X", 5, 9, List.of("a", "b", "c")));
    assertThatThrownBy(() -> SpanVote.atLeast(0)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void keptExactlyWhereEnoughAnnotatorsOverlap(long seed) {
    Random random = new Random(seed);
    int annotators = 1 + random.nextInt(5);
    int length = 5 + random.nextInt(40);
    List<AnnotatorSpan> spans = new ArrayList<>();
    for (int a = 0; a < annotators; a++) {
      for (int k = random.nextInt(4); k > 0; k--) {
        int start = random.nextInt(length);
        int end = Math.min(length, start + random.nextInt(8));
        spans.add(s("a" + a, random.nextBoolean() ? "A" : "B", start, end));
      }
    }
    int k = 1 + random.nextInt(annotators);
    SpanVote vote = SpanVote.atLeast(k);
    List<VotedSpan> voted = vote.vote(spans);
    List<AnnotatorSpan> shuffled = new ArrayList<>(spans);
    Collections.shuffle(shuffled, random);
    assertThat(vote.vote(shuffled)).isEqualTo(voted);
    List<AnnotatorSpan> renamed = new ArrayList<>();
    for (AnnotatorSpan x : spans) {
      renamed.add(
          new AnnotatorSpan("z" + (9 - Integer.parseInt(x.annotator().substring(1))), x.span()));
    }
    assertThat(vote.vote(renamed))
        .extracting(v -> List.of(v.label(), v.start(), v.end(), v.support()))
        .isEqualTo(
            voted.stream().map(v -> List.of(v.label(), v.start(), v.end(), v.support())).toList());
    for (String label : List.of("A", "B")) {
      // Brute force: the code points covered by at least k annotators' spans of the label.
      boolean anyCore = false;
      for (int p = 0; p < length; p++) {
        Set<String> covering = new HashSet<>();
        for (AnnotatorSpan x : spans) {
          if (x.span().label().equals(label) && x.span().start() <= p && p < x.span().end()) {
            covering.add(x.annotator());
          }
        }
        anyCore |= covering.size() >= k;
      }
      boolean anyKept = voted.stream().anyMatch(v -> v.label().equals(label));
      assertThat(anyKept).as(label).isEqualTo(anyCore);
    }
    for (VotedSpan v : voted) {
      assertThat(v.support()).isGreaterThanOrEqualTo(k);
      assertThat(v.end()).isGreaterThan(v.start());
      // Every supporter marked a span of the label that overlaps the result.
      for (String a : v.annotators()) {
        assertThat(spans)
            .anySatisfy(x -> {
              assertThat(x.annotator()).isEqualTo(a);
              assertThat(x.span().label()).isEqualTo(v.label());
              assertThat(Math.min(x.span().end(), v.end()))
                  .isGreaterThan(Math.max(x.span().start(), v.start()));
            });
      }
    }
    // Unanimous: everyone marks the same span, it is kept with everyone's support.
    List<AnnotatorSpan> same = new ArrayList<>();
    for (int a = 0; a < annotators; a++) {
      same.add(s("a" + a, "A", 3, 5));
    }
    assertThat(SpanVote.atLeast(annotators).vote(same))
        .containsExactly(
            new VotedSpan(
                "A", 3, 5, same.stream().map(AnnotatorSpan::annotator).sorted().toList()));
  }
}
