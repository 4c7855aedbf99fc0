package org.annotationkit.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.annotationkit.core.io.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The header reader against the JDK's own image codecs: for images that {@code javax.imageio}
 * writes, the size read from the header is the size ImageIO decodes.
 */
class ImageHeaderTest {
  private static final long SEED = 0x1A6E_4EADL;

  @TempDir Path dir;

  static Stream<Arguments> images() {
    SplittableRandom random = new SplittableRandom(SEED);
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String type : new String[] {"png", "jpeg", "bmp", "gif"}) {
      for (int i = 0; i < 4; i++) {
        int width = 1 + random.nextInt(i == 0 ? 3 : 700);
        int height = 1 + random.nextInt(i == 0 ? 3 : 700);
        cases.add(Arguments.of(type, width, height));
      }
    }
    return cases.build();
  }

  private static byte[] encode(String type, int width, int height) throws IOException {
    BufferedImage image =
        new BufferedImage(
            width,
            height,
            type.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, type, out)).as("ImageIO writes " + type).isTrue();
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0} {1}x{2} (seed " + SEED + ")")
  @MethodSource("images")
  void theHeaderGivesTheSizeImageIoDecodes(String type, int width, int height) throws IOException {
    byte[] bytes = encode(type, width, height);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
    Path file = Files.write(dir.resolve("image." + type), bytes);

    ImageHeader header = ImageHeader.read(file);

    assertThat(header.type()).isEqualTo(type);
    assertThat(header.width()).isEqualTo(decoded.getWidth()).isEqualTo(width);
    assertThat(header.height()).isEqualTo(decoded.getHeight()).isEqualTo(height);
    assertThat(header.orientation()).isEqualTo(1);
  }

  @Test
  void onlyTheHeaderIsRead() throws IOException {
    byte[] png = encode("png", 640, 480);
    // The first 24 bytes are the signature and the IHDR chunk up to the height.
    ImageHeader header = ImageHeader.read(new ByteArrayInputStream(Arrays.copyOf(png, 24)), "x");
    assertThat(header.width()).isEqualTo(640);
    assertThat(header.height()).isEqualTo(480);
  }

  /** An EXIF APP1 segment with one IFD0 entry, orientation, in the given byte order. */
  private static byte[] exif(int orientation, boolean little) {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    s.writeBytes(
        little
            ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}
            : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
    s.writeBytes(little ? new byte[] {1, 0} : new byte[] {0, 1}); // one entry
    s.writeBytes(
        little
            ? new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0}
            : new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1});
    s.writeBytes(
        little
            ? new byte[] {(byte) orientation, 0, 0, 0}
            : new byte[] {0, (byte) orientation, 0, 0});
    s.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
    byte[] body = s.toByteArray();
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    segment.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1});
    segment.write((body.length + 2) >> 8);
    segment.write((body.length + 2) & 0xFF);
    segment.writeBytes(body);
    return segment.toByteArray();
  }

  private static byte[] withApp1(byte[] jpeg, byte[] app1) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.writeBytes(app1);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  @Test
  void exifOrientationTurnsTheDisplayedSize() throws IOException {
    byte[] jpeg = encode("jpeg", 300, 200);
    for (int orientation = 1; orientation <= 8; orientation++) {
      for (boolean little : new boolean[] {true, false}) {
        byte[] bytes = withApp1(jpeg, exif(orientation, little));
        // ImageIO still decodes it, at the stored size: EXIF only tells viewers how to turn it.
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        ImageHeader header = ImageHeader.read(new ByteArrayInputStream(bytes), "x.jpg");
        assertThat(header.width()).isEqualTo(decoded.getWidth()).isEqualTo(300);
        assertThat(header.height()).isEqualTo(decoded.getHeight()).isEqualTo(200);
        assertThat(header.orientation()).isEqualTo(orientation);
        boolean quarter = orientation >= 5;
        assertThat(header.displayWidth()).isEqualTo(quarter ? 200 : 300);
        assertThat(header.displayHeight()).isEqualTo(quarter ? 300 : 200);
      }
    }
  }

  private static byte[] riff(String chunk, int... payload) {
    byte[] bytes = new byte[20 + payload.length];
    byte[] head =
        ("RIFF\0\0\0\0WEBP" + chunk + "\0\0\0\0")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, 20);
    for (int i = 0; i < payload.length; i++) {
      bytes[20 + i] = (byte) payload[i];
    }
    return bytes;
  }

  @Test
  void webpHeadersOfTheThreeKinds() throws IOException {
    // Layouts from the WebP container specification
    // (developers.google.com/speed/webp/docs/riff_container)
    // and RFC 6386 section 9.1 (VP8 key frame header); sizes chosen by hand.
    // VP8: frame tag, start code 9D 01 2A, width 400 = 0x0190, height 301 = 0x012D (scale bits 0).
    byte[] lossy = riff("VP8 ", 0, 0, 0, 0x9D, 0x01, 0x2A, 0x90, 0x01, 0x2D, 0x01);
    assertThat(ImageHeader.read(new ByteArrayInputStream(lossy), "a.webp"))
        .isEqualTo(new ImageHeader("webp", 400, 301, 1));
    // The scale bits (top two of each 16) are not part of the size.
    byte[] scaled = riff("VP8 ", 0, 0, 0, 0x9D, 0x01, 0x2A, 0x90, 0x41, 0x2D, 0xC1);
    assertThat(ImageHeader.read(new ByteArrayInputStream(scaled), "a.webp"))
        .isEqualTo(new ImageHeader("webp", 400, 301, 1));
    // VP8L: 0x2F, then 14 bits width - 1 = 99, 14 bits height - 1 = 49: 99 | 49 << 14 = 0xC4063.
    byte[] lossless = riff("VP8L", 0x2F, 0x63, 0x40, 0x0C, 0x00);
    assertThat(ImageHeader.read(new ByteArrayInputStream(lossless), "b.webp"))
        .isEqualTo(new ImageHeader("webp", 100, 50, 1));
    // VP8X: flags, 3 reserved, canvas width - 1 = 1919 (0x00077F), height - 1 = 1079 (0x000437).
    byte[] extended = riff("VP8X", 0x10, 0, 0, 0, 0x7F, 0x07, 0x00, 0x37, 0x04, 0x00);
    assertThat(ImageHeader.read(new ByteArrayInputStream(extended), "c.webp"))
        .isEqualTo(new ImageHeader("webp", 1920, 1080, 1));
  }

  @Test
  void aBmpStoredTopDownHasAPositiveHeight() throws IOException {
    byte[] bmp = encode("bmp", 7, 5);
    // Height at offset 22, little-endian: make it -5.
    bmp[22] = (byte) 0xFB;
    bmp[23] = (byte) 0xFF;
    bmp[24] = (byte) 0xFF;
    bmp[25] = (byte) 0xFF;
    assertThat(ImageHeader.read(new ByteArrayInputStream(bmp), "x.bmp").height()).isEqualTo(5);
  }

  @Test
  void whatIsNotAnImageIsAFormatExceptionNamingTheFile() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.jpg"), "hello");
    assertThatThrownBy(() -> ImageHeader.read(text))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("notes.jpg")
        .hasMessageContaining("not a PNG, JPEG, BMP, GIF or WebP image");
    byte[] png = encode("png", 3, 3);
    assertThatThrownBy(
            () -> ImageHeader.read(new ByteArrayInputStream(Arrays.copyOf(png, 20)), "cut.png"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("cut.png")
        .hasMessageContaining("cut short");
    byte[] jpeg = encode("jpeg", 3, 3);
    assertThatThrownBy(
            () -> ImageHeader.read(new ByteArrayInputStream(Arrays.copyOf(jpeg, 30)), "cut.jpg"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("cut short");
    byte[] zero = encode("gif", 3, 3);
    zero[6] = 0;
    zero[7] = 0;
    assertThatThrownBy(() -> ImageHeader.read(new ByteArrayInputStream(zero), "zero.gif"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("0x3");
  }
}
