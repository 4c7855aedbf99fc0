package org.annotationkit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.List;

/** Assertions on lists of violations. */
final class Expect {
  private Expect() {}

  /** Asserts that there is exactly one violation, at the path, whose message has every word. */
  @CanIgnoreReturnValue
  static Violation one(List<Violation> violations, String path, String... words) {
    assertThat(violations).as("violations").hasSize(1);
    Violation v = violations.get(0);
    assertThat(v.path()).as("path of %s", v).isEqualTo(path);
    if (words.length > 0) {
      assertThat(v.message()).as("message of %s", v).contains(words);
    }
    return v;
  }

  /** Asserts the paths of the violations, in order. */
  static void paths(List<Violation> violations, String... paths) {
    assertThat(violations).extracting(Violation::path).as("%s", violations).containsExactly(paths);
  }
}
