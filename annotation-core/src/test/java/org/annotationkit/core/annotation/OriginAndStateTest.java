package org.annotationkit.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginAndStateTest {
  @Test
  void humanIsOneValue() {
    assertThat(Origin.HUMAN).isEqualTo(new Origin.Human()).isInstanceOf(Origin.Human.class);
  }

  @Test
  void modelNeedsNameAndVersionAndAFiniteScore() {
    assertThat(new Origin.Model("gpt", "4o"))
        .isEqualTo(new Origin.Model("gpt", "4o", OptionalDouble.empty()));
    assertThatThrownBy(() -> new Origin.Model("", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be empty");
    assertThatThrownBy(() -> new Origin.Model("m", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must not be empty");
    assertThatThrownBy(() -> new Origin.Model("m", "1", OptionalDouble.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be finite, got NaN");
  }

  @Test
  void reviewStateJsonNames() {
    assertThat(ReviewState.values())
        .extracting(ReviewState::jsonName)
        .containsExactly("unreviewed", "accepted", "rejected", "corrected");
    for (ReviewState state : ReviewState.values()) {
      assertThat(ReviewState.ofJsonName(state.jsonName())).contains(state);
    }
    assertThat(ReviewState.ofJsonName("ACCEPTED")).isEmpty();
    assertThat(ReviewState.ofJsonName("")).isEmpty();
  }

  @Test
  void annotatorSkillsAreCopiedSortedAndUnmodifiable() {
    Set<String> skills = new LinkedHashSet<>(List.of("medical", "de", "en"));
    Annotator annotator = new Annotator("alice", Annotator.Kind.HUMAN, skills);

    skills.add("fr");

    assertThat(annotator.skills()).containsExactly("de", "en", "medical");
    assertThatThrownBy(() -> annotator.skills().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new Annotator("bot", Annotator.Kind.MODEL).skills()).isEmpty();
    assertThat(annotator)
        .isEqualTo(new Annotator("alice", Annotator.Kind.HUMAN, Set.of("en", "de", "medical")));
  }

  @Test
  void annotatorRejectsEmptyIdsAndSkills() {
    assertThatThrownBy(() -> new Annotator("", Annotator.Kind.HUMAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be empty");
    assertThatThrownBy(() -> new Annotator("a", Annotator.Kind.HUMAN, Set.of("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skill must not be empty");
  }

  @Test
  void annotatorKindJsonNames() {
    assertThat(Annotator.Kind.HUMAN.jsonName()).isEqualTo("human");
    assertThat(Annotator.Kind.MODEL.jsonName()).isEqualTo("model");
    assertThat(Annotator.Kind.ofJsonName("model")).contains(Annotator.Kind.MODEL);
    assertThat(Annotator.Kind.ofJsonName("robot")).isEmpty();
  }
}
