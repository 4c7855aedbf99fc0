package org.annotationkit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.util.ArrayList;
import java.util.List;
import org.annotationkit.core.validation.Violation.Code;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void keepsPathCodeAndMessage() {
    Violation v =
        new Violation("/results/2/value/end", Code.SPAN_PAST_END, "span end 30 is past the end");
    assertThat(v.path()).isEqualTo("/results/2/value/end");
    assertThat(v.code()).isEqualTo(Code.SPAN_PAST_END);
    assertThat(v.message()).isEqualTo("span end 30 is past the end");
    assertThat(v).hasToString("/results/2/value/end: span end 30 is past the end");
  }

  @Test
  void emptyPathStandsForTheWholeAnnotation() {
    assertThat(new Violation("", Code.ITEM_MISMATCH, "bad")).hasToString("(annotation): bad");
  }

  @Test
  void rejectsAPathThatIsNotAPointer() {
    assertThatThrownBy(() -> new Violation("results/2", Code.ITEM_MISMATCH, "bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'results/2'");
  }

  @Test
  void rejectsABlankMessage() {
    assertThatThrownBy(() -> new Violation("/item", Code.ITEM_MISMATCH, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message");
  }

  @Test
  void rejectsNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(String.class, "/item")
            .setDefault(Code.class, Code.ITEM_MISMATCH)
            .setDefault(List.class, List.of(new Violation("/item", Code.ITEM_MISMATCH, "x")));
    tester.testAllPublicConstructors(Violation.class);
    tester.testAllPublicConstructors(ValidationException.class);
  }

  @Test
  void exceptionListsEveryViolationWhenFew() {
    ValidationException e =
        new ValidationException(
            List.of(
                new Violation("/item", Code.ITEM_MISMATCH, "wrong item"),
                new Violation("/results", Code.ITEM_MISMATCH, "missing")));
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage().lines())
        .containsExactly("2 violations:", "  /item: wrong item", "  /results: missing");
    assertThat(e.violations()).hasSize(2);
  }

  @Test
  void exceptionListsTheFirstTwentyThenCountsTheRest() {
    List<Violation> many = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      many.add(new Violation("/results/" + i, Code.TOO_MANY, "problem " + i));
    }
    ValidationException e = new ValidationException(many);
    List<String> lines = e.getMessage().lines().toList();
    assertThat(lines).hasSize(22);
    assertThat(lines.get(0)).isEqualTo("23 violations:");
    assertThat(lines.get(1)).isEqualTo("  /results/0: problem 0");
    assertThat(lines.get(20)).isEqualTo("  /results/19: problem 19");
    assertThat(lines.get(21)).isEqualTo("  and 3 more");
    assertThat(e.violations()).hasSize(23).containsExactlyElementsOf(many);
  }

  @Test
  void exceptionCopiesItsList() {
    List<Violation> list =
        new ArrayList<>(List.of(new Violation("/item", Code.ITEM_MISMATCH, "x")));
    ValidationException e = new ValidationException(list);
    list.clear();
    assertThat(e.violations()).hasSize(1);
    assertThatThrownBy(() -> e.violations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void exceptionNeedsAViolation() {
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("violations must not be empty");
  }

  @Test
  void singularWording() {
    assertThat(
            new ValidationException(List.of(new Violation("", Code.ITEM_MISMATCH, "x")))
                .getMessage()
                .lines())
        .containsExactly("1 violation:", "  (annotation): x");
  }
}
