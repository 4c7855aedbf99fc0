package org.annotationkit.formats.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.io.FormatException;

/**
 * The size of an image read from its header alone: PNG ({@code IHDR}), JPEG (the first {@code SOFn}
 * marker, and the EXIF orientation of an {@code APP1} segment before it), BMP, GIF and WebP ({@code
 * VP8}, {@code VP8L}, {@code VP8X}). No pixel is decoded, and at most the segments before a JPEG's
 * frame header are read; for the other types, the first 30 bytes.
 *
 * <p>{@link #width()} and {@link #height()} are the size as stored. A JPEG whose EXIF orientation
 * is 5 to 8 is shown turned by a quarter, so its {@linkplain #displayWidth() displayed} width is
 * the stored height: that is the size that Ultralytics normalises YOLO coordinates by ({@code
 * exif_size}), and the size that labeling tools draw on, since they show images turned as EXIF
 * says.
 *
 * @param type the image type, such as {@code png}
 * @param width the stored width in pixels, {@code > 0}
 * @param height the stored height in pixels, {@code > 0}
 * @param orientation the EXIF orientation 1 to 8 (1 when there is none)
 */
public record ImageHeader(String type, int width, int height, int orientation) {
  /** The longest JPEG segment that is kept in memory (only an EXIF {@code APP1} is). */
  private static final int MAX_SEGMENT = 0xFFFF;

  /** Checks the parts. */
  public ImageHeader {
    Objects.requireNonNull(type, "type");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException("orientation must be 1 to 8: " + orientation);
    }
  }

  /**
   * The width the image is shown with: the stored height when EXIF turns it by a quarter.
   *
   * @return the displayed width
   */
  public int displayWidth() {
    return orientation >= 5 ? height : width;
  }

  /**
   * The height the image is shown with: the stored width when EXIF turns it by a quarter.
   *
   * @return the displayed height
   */
  public int displayHeight() {
    return orientation >= 5 ? width : height;
  }

  /**
   * Reads the header of an image file.
   *
   * @param file the image
   * @return the header
   * @throws FormatException naming the file if it is not an image of a known type, or its header is
   *     cut short or holds a size of 0
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ImageHeader read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /**
   * Reads the header of an image from a stream, which is left part-read and not closed.
   *
   * @param in the bytes of the image
   * @param source the name to give in errors
   * @return the header
   * @throws FormatException naming the source if the bytes are not an image of a known type, or its
   *     header is cut short or holds a size of 0
   * @throws IOException if reading fails
   */
  public static ImageHeader read(InputStream in, String source) throws IOException {
    Bytes bytes = new Bytes(in, source);
    int b0 = bytes.u8();
    int b1 = bytes.u8();
    if (b0 == 0xFF && b1 == 0xD8) {
      return jpeg(bytes);
    }
    if (b0 == 0x89 && b1 == 'P') {
      return png(bytes);
    }
    if (b0 == 'G' && b1 == 'I') {
      return gif(bytes);
    }
    if (b0 == 'B' && b1 == 'M') {
      return bmp(bytes);
    }
    if (b0 == 'R' && b1 == 'I') {
      return webp(bytes);
    }
    throw bytes.error(
        "not a PNG, JPEG, BMP, GIF or WebP image (it starts with the bytes "
            + hex(b0)
            + " "
            + hex(b1)
            + ")");
  }

  private static String hex(int b) {
    return String.format(java.util.Locale.ROOT, "%02X", b);
  }

  private static ImageHeader png(Bytes bytes) throws IOException {
    bytes.expect(new int[] {'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "PNG signature");
    bytes.skip(4); // the IHDR chunk's length
    bytes.expect(new int[] {'I', 'H', 'D', 'R'}, "PNG IHDR chunk");
    long width = bytes.u32be();
    long height = bytes.u32be();
    return sized(bytes, "png", width, height, 1);
  }

  private static ImageHeader gif(Bytes bytes) throws IOException {
    bytes.expect(new int[] {'F', '8'}, "GIF signature");
    int version = bytes.u8();
    if (version != '7' && version != '9') {
      throw bytes.error("not a GIF87a or GIF89a image");
    }
    bytes.expect(new int[] {'a'}, "GIF signature");
    int width = bytes.u16le();
    int height = bytes.u16le();
    return sized(bytes, "gif", width, height, 1);
  }

  private static ImageHeader bmp(Bytes bytes) throws IOException {
    bytes.skip(12); // file size, two reserved words, offset of the pixels
    long headerSize = bytes.u32le();
    long width;
    long height;
    if (headerSize == 12) {
      // BITMAPCOREHEADER (OS/2 1.x): unsigned 16-bit sizes.
      width = bytes.u16le();
      height = bytes.u16le();
    } else if (headerSize >= 16) {
      // BITMAPINFOHEADER and its successors: signed 32-bit sizes; a negative height is a
      // top-down bitmap.
      width = (int) bytes.u32le();
      height = Math.abs((long) (int) bytes.u32le());
    } else {
      throw bytes.error("BMP header of " + headerSize + " bytes is not a known kind");
    }
    return sized(bytes, "bmp", width, height, 1);
  }

  private static ImageHeader webp(Bytes bytes) throws IOException {
    bytes.expect(new int[] {'F', 'F'}, "RIFF signature");
    bytes.skip(4); // the RIFF size
    bytes.expect(new int[] {'W', 'E', 'B', 'P'}, "WebP signature");
    int c0 = bytes.u8();
    int c1 = bytes.u8();
    int c2 = bytes.u8();
    int c3 = bytes.u8();
    bytes.skip(4); // the chunk's size
    if (c0 == 'V' && c1 == 'P' && c2 == '8' && c3 == ' ') {
      // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height (the
      // top two bits of each are a scale, not part of the size).
      bytes.skip(3);
      bytes.expect(new int[] {0x9D, 0x01, 0x2A}, "WebP VP8 start code");
      int width = bytes.u16le() & 0x3FFF;
      int height = bytes.u16le() & 0x3FFF;
      return sized(bytes, "webp", width, height, 1);
    }
    if (c0 == 'V' && c1 == 'P' && c2 == '8' && c3 == 'L') {
      // Lossless: the signature 0x2F, then width - 1 and height - 1 in 14 bits each, low first.
      bytes.expect(new int[] {0x2F}, "WebP VP8L signature");
      long bits = bytes.u32le();
      return sized(bytes, "webp", (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1, 1);
    }
    if (c0 == 'V' && c1 == 'P' && c2 == '8' && c3 == 'X') {
      // Extended: flags and 3 reserved bytes, then canvas width - 1 and height - 1 in 24 bits.
      bytes.skip(4);
      return sized(bytes, "webp", bytes.u24le() + 1L, bytes.u24le() + 1L, 1);
    }
    throw bytes.error("WebP image without a VP8, VP8L or VP8X chunk first");
  }

  private static ImageHeader jpeg(Bytes bytes) throws IOException {
    int orientation = 1;
    while (true) {
      int marker = bytes.u8();
      if (marker != 0xFF) {
        throw bytes.error("JPEG marker expected, found the byte " + hex(marker));
      }
      while (marker == 0xFF) {
        marker = bytes.u8(); // fill bytes
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // markers without a length
      }
      if (marker == 0xD9 || marker == 0xDA) {
        throw bytes.error("JPEG image without a frame header (SOFn) before its scan");
      }
      int length = bytes.u16be();
      if (length < 2) {
        throw bytes.error("JPEG segment with a length of " + length);
      }
      if (isStartOfFrame(marker)) {
        bytes.skip(1); // sample precision
        int height = bytes.u16be();
        int width = bytes.u16be();
        if (height == 0) {
          throw bytes.error(
              "JPEG frame with height 0 (the height is given later by a DNL marker); not"
                  + " supported");
        }
        return sized(bytes, "jpeg", width, height, orientation);
      }
      if (marker == 0xE1 && orientation == 1) {
        byte[] segment = bytes.read(length - 2);
        orientation = Exif.orientation(segment);
      } else {
        bytes.skip(length - 2);
      }
    }
  }

  /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC). */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static ImageHeader sized(
      Bytes bytes, String type, long width, long height, int orientation) {
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw bytes.error(
          type.toUpperCase(java.util.Locale.ROOT)
              + " header gives the size "
              + width
              + "x"
              + height);
    }
    return new ImageHeader(type, (int) width, (int) height, orientation);
  }

  /** The EXIF orientation (tag 0x0112 of IFD0) of an APP1 segment, or 1. */
  private static final class Exif {
    private Exif() {}

    static int orientation(byte[] s) {
      // "Exif\0\0", then a TIFF header: II or MM, 42, the offset of IFD0.
      if (s.length < 14
          || s[0] != 'E'
          || s[1] != 'x'
          || s[2] != 'i'
          || s[3] != 'f'
          || s[4] != 0
          || s[5] != 0) {
        return 1;
      }
      int tiff = 6;
      boolean little;
      if (s[tiff] == 'I' && s[tiff + 1] == 'I') {
        little = true;
      } else if (s[tiff] == 'M' && s[tiff + 1] == 'M') {
        little = false;
      } else {
        return 1;
      }
      if (u16(s, tiff + 2, little) != 42) {
        return 1;
      }
      long ifd = tiff + u32(s, tiff + 4, little);
      if (ifd + 2 > s.length) {
        return 1;
      }
      int entries = u16(s, (int) ifd, little);
      for (int i = 0; i < entries; i++) {
        long entry = ifd + 2 + 12L * i;
        if (entry + 12 > s.length) {
          return 1;
        }
        int at = (int) entry;
        if (u16(s, at, little) == 0x0112) {
          // Type SHORT, count 1: the value is in the first two bytes of the value field.
          int value = u16(s, at + 8, little);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }

    private static int u16(byte[] s, int at, boolean little) {
      int a = s[at] & 0xFF;
      int b = s[at + 1] & 0xFF;
      return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] s, int at, boolean little) {
      long a = u16(s, at, little);
      long b = u16(s, at + 2, little);
      return little ? a | b << 16 : a << 16 | b;
    }
  }

  /** Reads bytes and numbers from the stream, counting the offset for errors. */
  private static final class Bytes {
    private final InputStream in;
    private final String source;
    private long offset;

    Bytes(InputStream in, String source) {
      this.in = in;
      this.source = source;
    }

    int u8() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw error("the image header is cut short after " + offset + " bytes");
      }
      offset++;
      return b;
    }

    int u16be() throws IOException {
      return u8() << 8 | u8();
    }

    int u16le() throws IOException {
      return u8() | u8() << 8;
    }

    int u24le() throws IOException {
      return u8() | u8() << 8 | u8() << 16;
    }

    long u32be() throws IOException {
      return (long) u16be() << 16 | u16be();
    }

    long u32le() throws IOException {
      return u16le() | (long) u16le() << 16;
    }

    void skip(long n) throws IOException {
      try {
        in.skipNBytes(n);
      } catch (EOFException e) {
        throw error("the image header is cut short after " + offset + " bytes");
      }
      offset += n;
    }

    byte[] read(int n) throws IOException {
      if (n > MAX_SEGMENT) {
        throw error("JPEG segment of " + n + " bytes");
      }
      byte[] data = in.readNBytes(n);
      if (data.length < n) {
        throw error("the image header is cut short after " + (offset + data.length) + " bytes");
      }
      offset += n;
      return data;
    }

    void expect(int[] expected, String what) throws IOException {
      for (int b : expected) {
        if (u8() != b) {
          throw error("not an image: the " + what + " is wrong at byte " + (offset - 1));
        }
      }
    }

    FormatException error(String problem) {
      return FormatException.at(
          problem, new FormatException.Location(Optional.of(source), 0, 0, Optional.empty()));
    }
  }
}
