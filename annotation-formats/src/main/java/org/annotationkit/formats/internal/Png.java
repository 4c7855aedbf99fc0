package org.annotationkit.formats.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.annotationkit.core.io.FormatException;

/**
 * A PNG decoder and a grayscale encoder, for the masks that labeling formats embed or point to
 * (labelme's base64 PNG of a shape's mask, SageMaker's semantic segmentation PNGs).
 *
 * <p>The decoder follows the PNG specification (W3C, 3rd edition): every colour type (grayscale,
 * RGB, palette, grayscale with alpha, RGBA) at every bit depth it allows, the five row filters,
 * Adam7 interlacing, and a CRC check of every chunk. Ancillary chunks are skipped. The image may
 * hold at most {@value #MAX_PIXELS} pixels, so that a small hostile file cannot make us allocate
 * gigabytes.
 */
public final class Png {
  /** The most pixels an image may have. */
  public static final long MAX_PIXELS = 1L << 26;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int[][] ADAM7 = {
    {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}
  };

  private Png() {}

  /**
   * A decoded image.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param set per pixel, row by row: whether its value is not 0 (the gray level, the palette
   *     index, or any of red, green and blue; alpha is not looked at), as a mask reads it
   * @param rgb per pixel, row by row: its colour as {@code 0xRRGGBB} (the high byte of 16-bit
   *     samples; gray levels below 8 bits scaled to 0-255; palette entries looked up)
   */
  // The decoded pixels, handed straight to the one caller that reads them; never compared or hashed
  // (an internal package), so the arrays' identity equality does not matter.
  @SuppressWarnings("ArrayRecordComponent")
  public record Image(int width, int height, boolean[] set, int[] rgb) {}

  /**
   * Decodes a PNG file.
   *
   * @param data the file's bytes
   * @param source what to name in errors (a file, or a file and JSON pointer)
   * @return the image
   * @throws FormatException naming the source if the bytes are not a valid PNG
   */
  public static Image decode(byte[] data, String source) {
    return new Decoder(data, source).decode();
  }

  /**
   * Encodes a mask as an 8-bit grayscale PNG whose pixels are 1 where the mask is set and 0
   * elsewhere, as labelme writes its masks (numpy {@code uint8} through Pillow).
   *
   * @param width the width, {@code > 0}
   * @param height the height, {@code > 0}
   * @param set per pixel, row by row, whether it is set
   * @return the PNG file's bytes
   */
  public static byte[] encodeMask(int width, int height, boolean[] set) {
    if (width <= 0 || height <= 0 || (long) width * height != set.length) {
      throw new IllegalArgumentException(
          "a " + width + " x " + height + " mask needs as many pixels, got " + set.length);
    }
    byte[] raw = new byte[(width + 1) * height];
    for (int y = 0; y < height; y++) {
      int row = y * (width + 1);
      for (int x = 0; x < width; x++) {
        raw[row + 1 + x] = set[y * width + x] ? (byte) 1 : 0;
      }
    }
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try {
      deflater.setInput(raw);
      deflater.finish();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        compressed.write(buffer, 0, n);
      }
    } finally {
      deflater.end();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.size() + 64);
    out.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8; // bit depth
    header[9] = 0; // grayscale
    chunk(out, "IHDR", header);
    chunk(out, "IDAT", compressed.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /**
   * Encodes an 8-bit RGB PNG, as SageMaker Ground Truth writes its semantic segmentation labels.
   *
   * @param width the width, {@code > 0}
   * @param height the height, {@code > 0}
   * @param rgb per pixel, row by row, {@code 0xRRGGBB}
   * @return the PNG file's bytes
   */
  public static byte[] encodeRgb(int width, int height, int[] rgb) {
    if (width <= 0 || height <= 0 || (long) width * height != rgb.length) {
      throw new IllegalArgumentException(
          "a " + width + " x " + height + " image needs as many pixels, got " + rgb.length);
    }
    byte[] raw = new byte[(3 * width + 1) * height];
    for (int y = 0; y < height; y++) {
      int row = y * (3 * width + 1);
      for (int x = 0; x < width; x++) {
        int colour = rgb[y * width + x];
        raw[row + 1 + 3 * x] = (byte) (colour >>> 16);
        raw[row + 2 + 3 * x] = (byte) (colour >>> 8);
        raw[row + 3 + 3 * x] = (byte) colour;
      }
    }
    return png(width, height, 2, raw);
  }

  private static byte[] png(int width, int height, int colourType, byte[] raw) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try {
      deflater.setInput(raw);
      deflater.finish();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        compressed.write(buffer, 0, n);
      }
    } finally {
      deflater.end();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.size() + 64);
    out.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8; // bit depth
    header[9] = (byte) colourType;
    chunk(out, "IHDR", header);
    chunk(out, "IDAT", compressed.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] length = new byte[4];
    putInt(length, 0, data.length);
    out.writeBytes(length);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    byte[] sum = new byte[4];
    putInt(sum, 0, (int) crc.getValue());
    out.writeBytes(sum);
  }

  private static void putInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  /** One decoding. */
  private static final class Decoder {
    private final byte[] data;
    private final String source;
    private int width;
    private int height;
    private int depth;
    private int colorType;
    private int channels;
    private int[] palette = new int[0];

    Decoder(byte[] data, String source) {
      this.data = data;
      this.source = source;
    }

    private FormatException error(String problem) {
      return FormatException.at(
          "not a valid PNG: " + problem, FormatException.Location.of(source, 0, 0));
    }

    private int u32(int at) {
      return ((data[at] & 0xFF) << 24)
          | ((data[at + 1] & 0xFF) << 16)
          | ((data[at + 2] & 0xFF) << 8)
          | (data[at + 3] & 0xFF);
    }

    Image decode() {
      if (data.length < SIGNATURE.length) {
        throw error("the data is " + data.length + " bytes long, shorter than the PNG signature");
      }
      for (int i = 0; i < SIGNATURE.length; i++) {
        if (data[i] != SIGNATURE[i]) {
          throw error("the data does not start with the PNG signature");
        }
      }
      int at = SIGNATURE.length;
      boolean header = false;
      boolean interlaced = false;
      boolean ended = false;
      Inflater inflater = new Inflater();
      byte[] raw = new byte[0];
      int expected = 0;
      int filled = 0;
      try {
        while (!ended) {
          if (at + 8 > data.length) {
            throw error("the data ends before the IEND chunk");
          }
          long length = u32(at) & 0xFFFFFFFFL;
          String type = new String(data, at + 4, 4, StandardCharsets.ISO_8859_1);
          if (length > data.length - at - 12L) {
            throw error("the " + type + " chunk runs past the end of the data");
          }
          int start = at + 8;
          int size = (int) length;
          CRC32 crc = new CRC32();
          crc.update(data, at + 4, size + 4);
          if ((int) crc.getValue() != u32(start + size)) {
            throw error("the CRC of the " + type + " chunk does not match its contents");
          }
          if (!header && !type.equals("IHDR")) {
            throw error("the first chunk is " + type + ", not IHDR");
          }
          switch (type) {
            case "IHDR" -> {
              if (header) {
                throw error("IHDR is given twice");
              }
              if (size != 13) {
                throw error("IHDR is " + size + " bytes long, not 13");
              }
              header = true;
              interlaced = readHeader(start);
              long rowBytes = ((long) width * channels * depth + 7) / 8;
              long total = interlaced ? interlacedSize() : (rowBytes + 1) * height;
              if (total > Integer.MAX_VALUE - 16) {
                throw error("the image is too large");
              }
              expected = (int) total;
              // Grown as the data inflates: a header alone cannot make us allocate its size.
              raw = new byte[(int) Math.min(total, 1 << 16)];
            }
            case "PLTE" -> {
              if (size % 3 != 0 || size == 0 || size / 3 > 256) {
                throw error("PLTE is " + size + " bytes long, not 3 to 768 bytes in threes");
              }
              palette = new int[size / 3];
              for (int i = 0; i < palette.length; i++) {
                int p = start + 3 * i;
                palette[i] =
                    ((data[p] & 0xFF) << 16) | ((data[p + 1] & 0xFF) << 8) | (data[p + 2] & 0xFF);
              }
            }
            case "IDAT" -> {
              inflater.setInput(data, start, size);
              while (true) {
                filled = inflate(inflater, raw, filled, expected);
                if (filled < raw.length
                    || raw.length == expected
                    || inflater.needsInput()
                    || inflater.finished()) {
                  break;
                }
                raw = java.util.Arrays.copyOf(raw, (int) Math.min(expected, 2L * raw.length));
              }
            }
            case "IEND" -> ended = true;
            default -> {
              if ((data[at + 4] & 0x20) == 0) {
                throw error("the critical chunk " + type + " is not known");
              }
            }
          }
          at = start + size + 4;
        }
      } finally {
        inflater.end();
      }
      if (filled != expected) {
        throw error(
            "the image data holds " + filled + " bytes after decompression, not " + expected);
      }
      if (colorType == 3 && palette.length == 0) {
        throw error("a palette image has no PLTE chunk");
      }
      return pixels(raw, interlaced);
    }

    /** Inflates into {@code raw} until it is full or the input is used; returns the bytes in it. */
    private int inflate(Inflater inflater, byte[] raw, int filled, int expected) {
      try {
        while (!inflater.needsInput() && !inflater.finished()) {
          if (filled == raw.length && raw.length < expected) {
            break;
          }
          if (filled == raw.length) {
            byte[] extra = new byte[1];
            if (inflater.inflate(extra) > 0) {
              throw error("the image data holds more bytes than its size needs");
            }
            break;
          }
          int n = inflater.inflate(raw, filled, raw.length - filled);
          if (n == 0 && inflater.needsDictionary()) {
            throw error("the image data asks for a preset zlib dictionary");
          }
          filled += n;
        }
      } catch (DataFormatException e) {
        throw error("the image data is not valid zlib: " + e.getMessage());
      }
      return filled;
    }

    private boolean readHeader(int at) {
      width = u32(at);
      height = u32(at + 4);
      depth = data[at + 8] & 0xFF;
      colorType = data[at + 9] & 0xFF;
      if (width <= 0 || height <= 0) {
        throw error("the size is " + width + " x " + height);
      }
      if ((long) width * height > MAX_PIXELS) {
        throw error("the image has " + (long) width * height + " pixels, more than " + MAX_PIXELS);
      }
      channels =
          switch (colorType) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw error("the colour type " + colorType + " does not exist");
          };
      boolean depthOk =
          switch (colorType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            default -> depth == 8 || depth == 16;
          };
      if (!depthOk) {
        throw error("the bit depth " + depth + " is not allowed for colour type " + colorType);
      }
      if (data[at + 10] != 0 || data[at + 11] != 0) {
        throw error("the compression or filter method is not 0");
      }
      int interlace = data[at + 12] & 0xFF;
      if (interlace > 1) {
        throw error("the interlace method " + interlace + " does not exist");
      }
      return interlace == 1;
    }

    private long interlacedSize() {
      long total = 0;
      for (int[] pass : ADAM7) {
        long w = passSize(width, pass[0], pass[2]);
        long h = passSize(height, pass[1], pass[3]);
        if (w > 0 && h > 0) {
          total += ((w * channels * depth + 7) / 8 + 1) * h;
        }
      }
      return total;
    }

    private static int passSize(int size, int start, int step) {
      return size <= start ? 0 : (size - start + step - 1) / step;
    }

    private Image pixels(byte[] raw, boolean interlaced) {
      boolean[] set = new boolean[width * height];
      int[] rgb = new int[width * height];
      if (!interlaced) {
        unfilter(raw, 0, width, height, set, rgb, 0, 0, 1, 1);
        return new Image(width, height, set, rgb);
      }
      int at = 0;
      for (int[] pass : ADAM7) {
        int w = passSize(width, pass[0], pass[2]);
        int h = passSize(height, pass[1], pass[3]);
        if (w > 0 && h > 0) {
          at = unfilter(raw, at, w, h, set, rgb, pass[0], pass[1], pass[2], pass[3]);
        }
      }
      return new Image(width, height, set, rgb);
    }

    /** Unfilters one (sub-)image's rows in place and stores its pixels; returns the next offset. */
    private int unfilter(
        byte[] raw,
        int at,
        int w,
        int h,
        boolean[] set,
        int[] rgb,
        int x0,
        int y0,
        int dx,
        int dy) {
      int rowBytes = (int) (((long) w * channels * depth + 7) / 8);
      int bpp = Math.max(1, channels * depth / 8);
      for (int r = 0; r < h; r++) {
        int filter = raw[at] & 0xFF;
        int row = at + 1;
        int previous = r == 0 ? -1 : row - rowBytes - 1;
        for (int i = 0; i < rowBytes; i++) {
          int a = i >= bpp ? raw[row + i - bpp] & 0xFF : 0;
          int b = previous >= 0 ? raw[previous + i] & 0xFF : 0;
          int c = i >= bpp && previous >= 0 ? raw[previous + i - bpp] & 0xFF : 0;
          int value = raw[row + i] & 0xFF;
          value +=
              switch (filter) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) >>> 1;
                case 4 -> paeth(a, b, c);
                default -> throw error("a row has the filter type " + filter + ", not 0 to 4");
              };
          raw[row + i] = (byte) value;
        }
        int y = y0 + r * dy;
        for (int x = 0; x < w; x++) {
          int pixel = y * width + x0 + x * dx;
          store(raw, row, x, pixel, set, rgb);
        }
        at = row + rowBytes;
      }
      return at;
    }

    private void store(byte[] raw, int row, int x, int pixel, boolean[] set, int[] rgb) {
      if (depth < 8) {
        int bit = x * depth;
        int sample = ((raw[row + bit / 8] & 0xFF) >>> (8 - depth - bit % 8)) & ((1 << depth) - 1);
        set[pixel] = sample != 0;
        if (colorType == 3) {
          rgb[pixel] = paletteColor(sample);
        } else {
          int gray = sample * 255 / ((1 << depth) - 1);
          rgb[pixel] = gray << 16 | gray << 8 | gray;
        }
        return;
      }
      int bytes = depth / 8;
      int at = row + x * channels * bytes;
      int colours = colorType == 4 || colorType == 0 ? 1 : colorType == 3 ? 1 : 3;
      boolean any = false;
      int[] high = new int[3];
      for (int c = 0; c < colours; c++) {
        int p = at + c * bytes;
        int hi = raw[p] & 0xFF;
        int lo = bytes == 2 ? raw[p + 1] & 0xFF : 0;
        any |= hi != 0 || lo != 0;
        high[c] = hi;
      }
      set[pixel] = any;
      if (colorType == 3) {
        rgb[pixel] = paletteColor(high[0]);
      } else if (colours == 1) {
        rgb[pixel] = high[0] << 16 | high[0] << 8 | high[0];
      } else {
        rgb[pixel] = high[0] << 16 | high[1] << 8 | high[2];
      }
    }

    private int paletteColor(int index) {
      if (index >= palette.length) {
        throw error(
            "a pixel has the palette index "
                + index
                + ", the palette "
                + palette.length
                + " colours");
      }
      return palette[index];
    }

    private static int paeth(int a, int b, int c) {
      int p = a + b - c;
      int pa = Math.abs(p - a);
      int pb = Math.abs(p - b);
      int pc = Math.abs(p - c);
      if (pa <= pb && pa <= pc) {
        return a;
      }
      return pb <= pc ? b : c;
    }
  }
}
