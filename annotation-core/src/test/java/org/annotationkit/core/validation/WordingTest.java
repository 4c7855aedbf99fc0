package org.annotationkit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordingTest {

  @Test
  void numbersReadNaturally() {
    assertThat(Wording.num(640)).isEqualTo("640");
    assertThat(Wording.num(-3)).isEqualTo("-3");
    assertThat(Wording.num(2.5)).isEqualTo("2.5");
    assertThat(Wording.approx(652.3076923)).isEqualTo("652.308");
    assertThat(Wording.approx(650.75000000001)).isEqualTo("650.75");
    assertThat(Wording.approx(-0.0000001)).isEqualTo("0");
  }

  @Test
  void escapesPointerTokens() {
    // RFC 6901 section 3: '~' is written '~0' and '/' is written '~1'.
    assertThat(Wording.token("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(Wording.token("occluded")).isEqualTo("occluded");
  }
}
