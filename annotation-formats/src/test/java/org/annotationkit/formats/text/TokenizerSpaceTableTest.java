package org.annotationkit.formats.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins the tokenizers' table of spaces against the methods it was computed from, everywhere. */
class TokenizerSpaceTableTest {
  @Test
  void everyCodePointIsASpaceExactlyWhenCharacterSaysSo() {
    int mismatches = 0;
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      boolean expected = Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (Tokenizer.isSpace(c) != expected) {
        mismatches++;
      }
    }
    assertThat(mismatches).isZero();
  }
}
