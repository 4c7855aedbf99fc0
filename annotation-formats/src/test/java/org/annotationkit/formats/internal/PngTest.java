package org.annotationkit.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.annotationkit.core.io.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PNG decoder against files written by an independent encoder: a short Python script over the
 * standard library's {@code zlib} and {@code struct}, following the PNG specification (W3C PNG 3rd
 * edition, sections 7 to 11), with each file's image data split over two IDAT chunks and a tEXt
 * chunk to skip. The script chose every row filter (None, Sub, Up, Average, Paeth) and Adam7.
 */
class PngTest {
  /** 5 x 3, 1-bit grayscale: rows 10110, 01001, 11111. */
  static final String GRAY1 =
      "iVBORw0KGgoAAAANSUhEUgAAAAUAAAADAQAAAABzTfhVAAAAE3RFWHRDb21tZW50AHRlc3QgdmVjdG9y8aZwzQAAAAdJ"
          + "REFUeJxj2MDgweK1mDEAAAAHSURBVPADAAVGAfE71GHYAAAAAElFTkSuQmCC";

  /** 4 x 2, 8-bit palette (black, red, green), indices 0 1 2 0 / 2 2 0 1; Sub and Up rows. */
  static final String PALETTE =
      "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAMAAABIdo1RAAAACVBMVEUAAAD/AAAA/wD0g79+AAAAE3RFWHRDb21tZW50"
          + "AHRlc3QgdmVjdG9y8aZwzQAAAAlJREFUeJxjZGBk/MfEMkWwmQAAAAlJREFUxPiPEQAIKQIG9zw1+gAAAABJRU5ErkJg"
          + "gg==";

  /**
   * 2 x 2, 16-bit RGB: (0,0,0) (0x1234,0,0) / (0,0,1) (0xff00,0x8000,0x0100); Paeth and Average.
   */
  static final String RGB16 =
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACEAIAAACtREYwAAAAE3RFWHRDb21tZW50AHRlc3QgdmVjdG9y8aZwzQAAAAxJ"
          + "REFUeJxjYQADIRMQyQxm1mQIbwAAAA1JREFUM3571sDAyAAAEfICrDQTON4AAAAASUVORK5CYII=";

  /** 9 x 7, 8-bit grayscale, Adam7: value(x, y) below. */
  static final String ADAM7 =
      "iVBORw0KGgoAAAANSUhEUgAAAAkAAAAHCAAAAAGI9wgqAAAAE3RFWHRDb21tZW50AHRlc3QgdmVjdG9y8aZwzQAAAClJ"
          + "REFUeJwNyDEOQEAUBNCdQYJojIJmG/l0otG4f+8AHEBFIhJRKOwrH1yGBN3w/c8VAAAAKklEQVQ2IIpphuqoSdpsu4H8"
          + "UkrNiz4cV0nInwLAVYLyuqVWJ9wYapmAH+rsDX8Te5QKAAAAAElFTkSuQmCC";

  private static Png.Image decode(String base64) {
    return Png.decode(Base64.getDecoder().decode(base64), "test.png");
  }

  private static boolean[] bits(String... rows) {
    StringBuilder all = new StringBuilder();
    for (String row : rows) {
      all.append(row);
    }
    boolean[] set = new boolean[all.length()];
    for (int i = 0; i < set.length; i++) {
      set[i] = all.charAt(i) == '1';
    }
    return set;
  }

  @Test
  void oneBitGrayscale() {
    Png.Image image = decode(GRAY1);
    assertThat(image.width()).isEqualTo(5);
    assertThat(image.height()).isEqualTo(3);
    assertThat(image.set()).isEqualTo(bits("10110", "01001", "11111"));
    assertThat(image.rgb()[0]).isEqualTo(0xFFFFFF);
    assertThat(image.rgb()[1]).isEqualTo(0);
  }

  @Test
  void paletteIndicesAndColours() {
    Png.Image image = decode(PALETTE);
    assertThat(image.set()).isEqualTo(bits("0110", "1101"));
    assertThat(image.rgb())
        .containsExactly(0x000000, 0xFF0000, 0x00FF00, 0x000000, 0x00FF00, 0x00FF00, 0, 0xFF0000);
  }

  @Test
  void sixteenBitRgbKeepsLowBitsForTheMask() {
    Png.Image image = decode(RGB16);
    // (0, 0, 1) has only a low byte set: it is set, and its colour's high bytes are black.
    assertThat(image.set()).isEqualTo(bits("01", "11"));
    assertThat(image.rgb()).containsExactly(0, 0x120000, 0, 0xFF8001);
  }

  @Test
  void adam7Interlacing() {
    Png.Image image = decode(ADAM7);
    int[] expected = new int[9 * 7];
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 9; x++) {
        int v = (x * 7 + y * 3) % 5 == 0 ? 0 : (x + y * 9 + 1) % 256;
        expected[y * 9 + x] = v << 16 | v << 8 | v;
      }
    }
    assertThat(image.rgb()).isEqualTo(expected);
  }

  static Stream<Long> seeds() {
    return LongStream.range(20261204L, 20261224L).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void encodedMasksDecodeToThemselves(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int width = 1 + random.nextInt(70);
    int height = 1 + random.nextInt(70);
    boolean[] set = new boolean[width * height];
    double density = random.nextDouble();
    for (int i = 0; i < set.length; i++) {
      set[i] = random.nextDouble() < density;
    }
    Png.Image image = Png.decode(Png.encodeMask(width, height, set), "mask");
    assertThat(image.width()).isEqualTo(width);
    assertThat(image.height()).isEqualTo(height);
    assertThat(image.set()).isEqualTo(set);
  }

  @Test
  void aHeaderClaimingAHugeImageIsRefusedWithoutAllocatingIt() {
    byte[] png = Png.encodeMask(2, 2, new boolean[4]);
    // IHDR data starts at byte 16: claim 8000 x 8000 (64 million pixels, under the limit).
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(8000).putInt(8000);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(png, 12, 17);
    java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
    assertThatThrownBy(() -> Png.decode(png, "big.png"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("after decompression, not 64008000");
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(9000).putInt(9000);
    crc.reset();
    crc.update(png, 12, 17);
    java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
    assertThatThrownBy(() -> Png.decode(png, "big.png"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("more than " + Png.MAX_PIXELS);
  }

  @Test
  void brokenFilesAreFormatErrors() {
    byte[] good = Base64.getDecoder().decode(GRAY1);
    byte[] crc = good.clone();
    crc[20] ^= 1; // inside IHDR
    byte[] cut = Arrays.copyOf(good, good.length - 20);
    byte[] notPng = "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Png.decode(crc, "a.png"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("a.png")
        .hasMessageContaining("CRC of the IHDR chunk");
    assertThatThrownBy(() -> Png.decode(cut, "a.png"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("runs past the end");
    assertThatThrownBy(() -> Png.decode(notPng, "a.png"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("PNG signature");
  }
}
