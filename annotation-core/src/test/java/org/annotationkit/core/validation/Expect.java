package org.annotationkit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.List;
import org.annotationkit.core.validation.Violation.Code;

/** Assertions on lists of violations. */
final class Expect {
  private Expect() {}

  /**
   * Asserts that there is exactly one violation, at the path, of the code, whose message has every
   * word (the words check that the message names the offending value for a person; the code is what
   * a program tests).
   */
  @CanIgnoreReturnValue
  static Violation one(List<Violation> violations, String path, Code code, String... words) {
    assertThat(violations).as("violations").hasSize(1);
    Violation v = violations.get(0);
    assertThat(v.path()).as("path of %s", v).isEqualTo(path);
    assertThat(v.code()).as("code of %s", v).isEqualTo(code);
    if (words.length > 0) {
      assertThat(v.message()).as("message of %s", v).contains(words);
    }
    return v;
  }

  /** Asserts the paths of the violations, in order. */
  static void paths(List<Violation> violations, String... paths) {
    assertThat(violations).extracting(Violation::path).as("%s", violations).containsExactly(paths);
  }

  /** Asserts the codes of the violations, in order. */
  static void codes(List<Violation> violations, Code... codes) {
    assertThat(violations).extracting(Violation::code).as("%s", violations).containsExactly(codes);
  }
}
