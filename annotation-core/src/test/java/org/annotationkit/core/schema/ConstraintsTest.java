package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

  @Test
  void noneConstrainsNothing() {
    assertThat(Constraints.NONE).isEqualTo(new Constraints(false, 0, OptionalInt.empty(), true));
    for (int count : new int[] {0, 1, 2, 1000}) {
      assertThat(Constraints.NONE.allowsCount(count)).isTrue();
    }
    assertThat(Constraints.NONE.allowsCount(-1)).isFalse();
  }

  @Test
  void minCountMustNotBeNegative() {
    assertThatThrownBy(() -> new Constraints(false, -1, OptionalInt.empty(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minCount must be >= 0, got -1");
  }

  @Test
  void maxCountMustReachMinCountAndOne() {
    assertThatThrownBy(() -> new Constraints(false, 3, OptionalInt.of(2), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCount must be >= max(minCount, 1) = 3, got 2");
    assertThatThrownBy(() -> new Constraints(false, 0, OptionalInt.of(0), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCount must be >= max(minCount, 1) = 1, got 0");
    assertThat(new Constraints(false, 2, OptionalInt.of(2), true).maxCount()).hasValue(2);
  }

  @Test
  void requiredMeansAtLeastOne() {
    Constraints required = new Constraints(true, 0, OptionalInt.of(1), true);
    assertThat(required.allowsCount(0)).isFalse();
    assertThat(required.allowsCount(1)).isTrue();
    assertThat(required.allowsCount(2)).isFalse();
  }

  @Test
  void optionalFieldMayBeLeftOutButOtherwiseMeetsMinCount() {
    Constraints optional = new Constraints(false, 2, OptionalInt.of(4), true);
    assertThat(optional.allowsCount(0)).isTrue();
    assertThat(optional.allowsCount(1)).isFalse();
    assertThat(optional.allowsCount(2)).isTrue();
    assertThat(optional.allowsCount(4)).isTrue();
    assertThat(optional.allowsCount(5)).isFalse();
    Constraints required = new Constraints(true, 2, OptionalInt.empty(), true);
    assertThat(required.allowsCount(0)).isFalse();
    assertThat(required.allowsCount(1)).isFalse();
    assertThat(required.allowsCount(2)).isTrue();
    assertThat(required.allowsCount(Integer.MAX_VALUE)).isTrue();
  }
}
