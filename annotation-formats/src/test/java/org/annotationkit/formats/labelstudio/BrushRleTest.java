package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.annotationkit.core.geometry.RleMask;
import org.junit.jupiter.api.Test;

/**
 * Label Studio's brush RLE against streams written by rle-pack 3.2.12 (npm {@code
 * @thi.ng/rle-pack}, the encoder of Label Studio's editor), in {@code brush-vectors.tsv}: the
 * inputs are built here from each case's name, as the Node script that wrote the streams built
 * them.
 */
class BrushRleTest {

  /** A case of brush-vectors.tsv: whether rle-pack decodes its own stream, and the stream. */
  private record Reference(boolean decodes, String stream) {}

  private static Map<String, Reference> references() throws IOException {
    Map<String, Reference> cases = new LinkedHashMap<>();
    try (InputStream in =
        Objects.requireNonNull(BrushRleTest.class.getResourceAsStream("brush-vectors.tsv"))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        cases.put(parts[0], new Reference(parts[1].equals("decodes"), parts[2]));
      }
    }
    return cases;
  }

  /** The input of a case, as the Node script built it. */
  private static byte[] input(String name) {
    Runs runs = new Runs();
    switch (name) {
      case "one value" -> runs.add(7, 1);
      case "two equal" -> runs.add(7, 2);
      case "two different" -> runs.add(7, 1).add(9, 1);
      case "literal then run" -> runs.add(1, 1).add(2, 1).add(3, 3);
      case "run then single at end" -> runs.add(3, 3).add(4, 1);
      case "run then literals" -> runs.add(3, 2).add(1, 1).add(2, 1).add(5, 1);
      case "runs of 8 9 16 17 256 257" ->
          runs.add(0, 8).add(1, 9).add(2, 16).add(3, 17).add(4, 256).add(5, 257).add(6, 1);
      case "run of 65536" -> runs.add(9, 65536).add(1, 2);
      case "run of 65536 at end" -> runs.add(1, 2).add(9, 65536);
      case "run of 65537 then more" -> runs.add(9, 65537).add(1, 1).add(2, 3);
      case "run of 65538 at end" -> runs.add(1, 1).add(9, 65538);
      case "run of 131073 then more" -> runs.add(9, 131073).add(4, 1);
      case "run of 65537 at end" -> runs.add(1, 3).add(9, 65537);
      case "literals past 65536" -> {
        for (int i = 0; i < 65537 + 3; i++) {
          runs.add((i & 1) == 1 ? 200 : 100, 1);
        }
      }
      case "65536 literals then run" -> {
        for (int i = 0; i < 65536; i++) {
          runs.add(i % 3, 1);
        }
        runs.add(7, 2);
      }
      case "random short runs" -> {
        // Numerical Recipes' LCG, as the script's lcg(42).
        int[] state = {42};
        for (int i = 0; i < 5000; i++) {
          long v = Integer.toUnsignedLong(next(state)) % 4;
          long n = 1 + Integer.toUnsignedLong(next(state)) % 5;
          runs.add((int) v * 60, (int) n);
        }
      }
      case "mask 23x37 two rectangles (255 in all channels)" -> {
        for (int y = 0; y < 23; y++) {
          for (int x = 0; x < 37; x++) {
            int alpha = inTwoRectangles(y, x) ? 255 : 0;
            runs.add(alpha, 4);
          }
        }
      }
      case "mask 5x6 diagonal, colour channels differ" -> {
        for (int y = 0; y < 5; y++) {
          for (int x = 0; x < 6; x++) {
            boolean on = (x + y) % 3 == 0;
            runs.add(on ? 10 : 0, 1).add(20, 1).add(on ? 30 : 0, 1).add(on ? 128 : 0, 1);
          }
        }
      }
      default -> throw new AssertionError("no input for case " + name);
    }
    return runs.values();
  }

  private static boolean inTwoRectangles(int y, int x) {
    return (x >= 3 && x < 20 && y >= 2 && y < 9) || (x >= 25 && x < 36 && y >= 12 && y < 22);
  }

  private static int next(int[] state) {
    state[0] = state[0] * 1664525 + 1013904223;
    return state[0];
  }

  @Test
  void encodesAsRlePackAndDecodesBack() throws IOException {
    Map<String, Reference> references = references();
    assertThat(references).hasSize(18);
    for (Map.Entry<String, Reference> entry : references.entrySet()) {
      String name = entry.getKey();
      byte[] values = input(name);
      int[] stream = BrushRle.encode(values);
      if (entry.getValue().decodes()) {
        assertThat(describe(stream)).as(name).isEqualTo(entry.getValue().stream());
      } else {
        // rle-pack leaves the last value out here; ours is its stream with that value added.
        assertThat(describe(stream)).as(name).isNotEqualTo(entry.getValue().stream());
      }
      assertThat(BrushRle.decode(stream)).as(name).isEqualTo(values);
      if (!entry.getValue().stream().startsWith("sha256:")) {
        int[] theirs = parse(entry.getValue().stream());
        if (entry.getValue().decodes()) {
          assertThat(BrushRle.decode(theirs)).as(name).isEqualTo(values);
        } else {
          assertThatThrownBy(() -> BrushRle.decode(theirs))
              .as(name)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("ends");
        }
      }
    }
  }

  @Test
  void theRunRlePackCutsShortGetsItsLastValue() {
    // rle-pack's stream for [1 x3, 9 x65537]: a literal chunk, a repeat of 65536, and nothing for
    // the last 9. Ours ends with a repeat chunk of one 9: flag 1, size index 0, length-1 = 0 (3
    // bits), value 9.
    byte[] values = input("run of 65537 at end");
    int[] ours = BrushRle.encode(values);
    assertThat(BrushRle.decode(ours)).isEqualTo(values);
    assertThat(ours.length).isEqualTo(14);
  }

  @Test
  void masksDecodeFromTheAlphaChannel() throws IOException {
    Map<String, Reference> references = references();
    RleMask rectangles =
        BrushRle.toMask(
            parse(stream(references, "mask 23x37 two rectangles (255 in all channels)")), 23, 37);
    boolean[] expected = new boolean[23 * 37];
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        expected[y * 37 + x] = inTwoRectangles(y, x);
      }
    }
    assertThat(rectangles.toBitmap()).isEqualTo(expected);
    assertThat(rectangles.area()).isEqualTo(17 * 7 + 11 * 10);
    // Written back, the mask gives rle-pack's stream byte for byte.
    assertThat(describe(BrushRle.fromMask(rectangles)))
        .isEqualTo(stream(references, "mask 23x37 two rectangles (255 in all channels)"));

    RleMask diagonal =
        BrushRle.toMask(
            parse(stream(references, "mask 5x6 diagonal, colour channels differ")), 5, 6);
    boolean[] diagonalBits = diagonal.toBitmap();
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 6; x++) {
        assertThat(diagonalBits[y * 6 + x]).as("pixel (%d, %d)", x, y).isEqualTo((x + y) % 3 == 0);
      }
    }
  }

  @Test
  void randomMasksRoundTrip() {
    SplittableRandom random = new SplittableRandom(20261203L);
    for (int round = 0; round < 200; round++) {
      int height = 1 + random.nextInt(40);
      int width = 1 + random.nextInt(40);
      boolean[] bits = new boolean[height * width];
      double density = random.nextDouble();
      int blobs = random.nextInt(4);
      for (int b = 0; b < blobs; b++) {
        int x0 = random.nextInt(width);
        int y0 = random.nextInt(height);
        int x1 = x0 + random.nextInt(width - x0 + 1);
        int y1 = y0 + random.nextInt(height - y0 + 1);
        for (int y = y0; y < y1; y++) {
          for (int x = x0; x < x1; x++) {
            bits[y * width + x] = true;
          }
        }
      }
      for (int p = 0; p < bits.length; p++) {
        if (random.nextDouble() < density * 0.1) {
          bits[p] = !bits[p];
        }
      }
      RleMask mask = RleMask.fromBitmap(height, width, bits);
      int[] stream = BrushRle.fromMask(mask);
      assertThat(BrushRle.toMask(stream, height, width)).isEqualTo(mask);
      // The mask's stream is the generic encoding of its RGBA values.
      byte[] rgba = new byte[4 * bits.length];
      for (int p = 0; p < bits.length; p++) {
        for (int c = 0; c < 4; c++) {
          rgba[4 * p + c] = (byte) (bits[p] ? 255 : 0);
        }
      }
      assertThat(stream).isEqualTo(BrushRle.encode(rgba));
      assertThat(BrushRle.decode(stream)).isEqualTo(rgba);
    }
  }

  @Test
  void largeMaskRoundTrips() {
    int height = 1000;
    int width = 1000;
    boolean[] bits = new boolean[height * width];
    for (int y = 100; y < 900; y++) {
      for (int x = 200; x < 300 + y / 2; x++) {
        bits[y * width + x] = true;
      }
    }
    RleMask mask = RleMask.fromBitmap(height, width, bits);
    assertThat(BrushRle.toMask(BrushRle.fromMask(mask), height, width)).isEqualTo(mask);
  }

  @Test
  void malformedStreamsAreRefused() {
    int[] good = BrushRle.fromMask(RleMask.empty(2, 2));
    assertThatThrownBy(() -> BrushRle.toMask(good, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the brush stream holds 16 values, but the image's RGBA values are 24 (4 per pixel)");
    int[] cut = java.util.Arrays.copyOf(good, 7);
    assertThatThrownBy(() -> BrushRle.toMask(cut, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the brush stream ends at bit ");
    int[] notByte = good.clone();
    notByte[2] = 256;
    assertThatThrownBy(() -> BrushRle.decode(notByte))
        .hasMessage("the brush stream's element 2 is 256, not a byte (0 to 255)");
    // A repeat chunk of 8 values (3 bits of 7) in a stream of 4 values.
    int[] tooLong =
        encodeBits(
            "00000000000000000000000000000100"
                + "00111"
                + "0010001101110001"
                + "1"
                + "00"
                + "111"
                + "00000000");
    assertThatThrownBy(() -> BrushRle.decode(tooLong))
        .hasMessage("the brush stream's chunk of 8 values at value 0 passes its count of 4 values");
    int[] wideWords =
        encodeBits(
            "00000000000000000000000000000001"
                + "01111"
                + "0010001101110001"
                + "1000"
                + "0000000000000000");
    assertThatThrownBy(() -> BrushRle.decode(wideWords))
        .hasMessage("the brush stream's words have 16 bits; only 1 to 8 are read");
    assertThatThrownBy(() -> BrushRle.toMask(good, 0, 2)).hasMessageContaining("positive size");
    assertThatThrownBy(() -> BrushRle.toMask(good, 40_000, 40_000))
        .hasMessageContaining("32-bit count");
  }

  private static int[] encodeBits(String bits) {
    StringBuilder padded = new StringBuilder(bits);
    while (padded.length() % 8 != 0) {
      padded.append('0');
    }
    int[] bytes = new int[padded.length() / 8];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Integer.parseInt(padded.substring(8 * i, 8 * i + 8), 2);
    }
    return bytes;
  }

  private static String describe(int[] stream) {
    if (stream.length > 300) {
      byte[] bytes = new byte[stream.length];
      for (int i = 0; i < stream.length; i++) {
        bytes[i] = (byte) stream[i];
      }
      try {
        return "sha256:"
            + stream.length
            + ":"
            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }
    StringBuilder text = new StringBuilder();
    for (int b : stream) {
      text.append(text.isEmpty() ? "" : " ").append(b);
    }
    return text.toString();
  }

  private static String stream(Map<String, Reference> references, String name) {
    return Objects.requireNonNull(references.get(name), name).stream();
  }

  private static int[] parse(String stream) {
    String[] parts = stream.split(" ", -1);
    int[] bytes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  /** Builds values from runs. */
  private static final class Runs {
    private final List<int[]> runs = new ArrayList<>();
    private int total;

    Runs add(int value, int length) {
      runs.add(new int[] {value, length});
      total += length;
      return this;
    }

    byte[] values() {
      byte[] values = new byte[total];
      int at = 0;
      for (int[] run : runs) {
        java.util.Arrays.fill(values, at, at + run[1], (byte) run[0]);
        at += run[1];
      }
      return values;
    }
  }
}
