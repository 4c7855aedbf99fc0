package org.annotationkit.formats.labelstudio;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.core.geometry.RleMask;

/**
 * Label Studio's brush mask encoding: the run-length bit stream of the {@code rle-pack} package
 * that Label Studio's editor writes into {@code value.rle} of a {@code brushlabels} result, and
 * that {@code label_studio_converter.brush} decodes.
 *
 * <p>The stream is a big-endian bit sequence packed into bytes (0-255 each, as the JSON list holds
 * them): a 32-bit count of values, a 5-bit word size minus one, four 4-bit run-field sizes minus
 * one (3, 4, 8 and 16 by default), then chunks, each a flag bit, a 2-bit index into the run-field
 * sizes and a field of that many bits holding the chunk's length minus one, followed by one value
 * that repeats ({@code flag 1}) or by that many values ({@code flag 0}). The values of a brush mask
 * are the RGBA bytes of the image, row by row, four per pixel; the mask is the alpha channel.
 *
 * <p>{@link #encode(byte[])} writes exactly the bytes that {@code rle-pack} 3.2.12's {@code encode}
 * writes with its defaults (word size 8, run-field sizes 3, 4, 8, 16), with one exception: for
 * input that ends with a run of {@code 65536 k + 1} equal values ({@code k >= 1}), {@code rle-pack}
 * leaves the last value out, so that its stream cannot be decoded; this class writes it. {@link
 * #decode(int[])} reads any stream of word size 1 to 8.
 *
 * <p>{@link #toMask} and {@link #fromMask} convert between streams and core's {@link RleMask}: a
 * pixel is in the mask when its alpha value is not 0, and a mask is written as Label Studio's
 * converter writes one ({@code mask2rle} of a mask of 0 and 255): all four channels 255 for a pixel
 * of the mask, 0 elsewhere.
 *
 * <p>All methods are static and thread-safe.
 *
 * @since 0.1.0
 */
public final class BrushRle {
  /** The run-field sizes {@code rle-pack} and Label Studio use, in bits. */
  private static final int[] SIZES = {3, 4, 8, 16};

  /** The longest run one chunk holds with the default sizes. */
  private static final int MAX_RUN = 1 << 16;

  /** The word size Label Studio writes, in bits. */
  private static final int WORD = 8;

  private BrushRle() {}

  /**
   * Decodes a stream into its values.
   *
   * @param rle the stream, one byte (0 to 255) per element, as {@code value.rle} holds it
   * @return the values, unsigned bytes ({@link Byte#toUnsignedInt})
   * @throws IllegalArgumentException if the stream is malformed: an element outside 0-255, a word
   *     size above 8, a chunk past the count of values, the stream ending before it, or more values
   *     than an array can hold
   */
  public static byte[] decode(int[] rle) {
    Bits in = new Bits(rle);
    Header header = Header.read(in, Long.MAX_VALUE);
    if (header.count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the brush stream holds " + header.count + " values, more than an array can hold");
    }
    byte[] out = new byte[(int) header.count];
    int n = out.length;
    int i = 0;
    while (i < n) {
      boolean repeat = in.read(1, "a chunk's flag") == 1;
      int sizeBits = header.sizes[in.read(2, "a chunk's size index")];
      int length = in.read(sizeBits, "a chunk's length") + 1;
      checkEnd(i, length, n);
      if (repeat) {
        byte value = (byte) in.read(header.word, "a value");
        Arrays.fill(out, i, i + length, value);
        i += length;
      } else {
        for (int end = i + length; i < end; i++) {
          out[i] = (byte) in.read(header.word, "a value");
        }
      }
    }
    return out;
  }

  /**
   * Decodes a stream of an image's RGBA values into the mask of its alpha channel.
   *
   * @param rle the stream, one byte (0 to 255) per element
   * @param height the image's height in pixels, {@code > 0}
   * @param width the image's width in pixels, {@code > 0}
   * @return the mask of the pixels whose alpha value is not 0
   * @throws IllegalArgumentException if the stream is malformed, or does not hold {@code 4 * height
   *     * width} values, or the size is not positive or larger than a mask can be
   */
  public static RleMask toMask(int[] rle, int height, int width) {
    long pixels = checkSize(height, width);
    Bits in = new Bits(rle);
    Header header = Header.read(in, 4 * pixels);
    boolean[] bitmap = new boolean[(int) pixels];
    long n = 4 * pixels;
    long i = 0;
    while (i < n) {
      boolean repeat = in.read(1, "a chunk's flag") == 1;
      int sizeBits = header.sizes[in.read(2, "a chunk's size index")];
      int length = in.read(sizeBits, "a chunk's length") + 1;
      checkEnd(i, length, n);
      if (repeat) {
        int value = in.read(header.word, "a value");
        if (value != 0) {
          // The pixels p whose alpha value, at 4p + 3, is within [i, i + length).
          long first = i / 4;
          long last = Math.floorDiv(i + length - 4, 4);
          if (first <= last) {
            Arrays.fill(bitmap, (int) first, (int) last + 1, true);
          }
        }
        i += length;
      } else {
        for (long end = i + length; i < end; i++) {
          int value = in.read(header.word, "a value");
          if ((i & 3) == 3 && value != 0) {
            bitmap[(int) (i >>> 2)] = true;
          }
        }
      }
    }
    return RleMask.fromBitmap(height, width, bitmap);
  }

  /**
   * Encodes values as {@code rle-pack} does with Label Studio's settings (word size 8, run-field
   * sizes 3, 4, 8, 16).
   *
   * @param values the values, unsigned bytes
   * @return the stream, one byte (0 to 255) per element
   */
  public static int[] encode(byte[] values) {
    Objects.requireNonNull(values, "values");
    Encoder encoder = new Encoder(values.length);
    int i = 0;
    while (i < values.length) {
      byte value = values[i];
      int j = i + 1;
      while (j < values.length && values[j] == value) {
        j++;
      }
      encoder.run(value & 0xFF, j - i, j == values.length);
      i = j;
    }
    return encoder.finish();
  }

  /**
   * Encodes a mask as Label Studio's converter does: the RGBA values of the image, row by row, all
   * four 255 for a pixel of the mask and 0 elsewhere.
   *
   * @param mask the mask
   * @return the stream, one byte (0 to 255) per element
   * @throws IllegalArgumentException if the mask has no pixels, or {@code 4 * height * width} does
   *     not fit the stream's 32-bit count
   */
  public static int[] fromMask(RleMask mask) {
    Objects.requireNonNull(mask, "mask");
    long pixels = checkSize(mask.height(), mask.width());
    boolean[] bitmap = mask.toBitmap();
    Encoder encoder = new Encoder(4 * pixels);
    int p = 0;
    while (p < bitmap.length) {
      boolean set = bitmap[p];
      int q = p + 1;
      while (q < bitmap.length && bitmap[q] == set) {
        q++;
      }
      encoder.run(set ? 0xFF : 0, 4L * (q - p), q == bitmap.length);
      p = q;
    }
    return encoder.finish();
  }

  private static long checkSize(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "a brush mask needs a positive size, got height " + height + " and width " + width);
    }
    long pixels = (long) height * width;
    if (pixels > Integer.MAX_VALUE - 8 || 4 * pixels > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "a brush mask of height "
              + height
              + " and width "
              + width
              + " is larger than its stream's 32-bit count of values can say");
    }
    return pixels;
  }

  private static void checkEnd(long at, int length, long count) {
    if (length > count - at) {
      throw new IllegalArgumentException(
          "the brush stream's chunk of "
              + length
              + " values at value "
              + at
              + " passes its count of "
              + count
              + " values");
    }
  }

  /** The fields before the first chunk. */
  // Read once per stream and used in place: never compared, hashed or printed.
  @SuppressWarnings("ArrayRecordComponent")
  private record Header(long count, int word, int[] sizes) {
    static Header read(Bits in, long expected) {
      long count = in.read(16, "the count of values") & 0xFFFFL;
      count = (count << 16) | in.read(16, "the count of values");
      if (expected != Long.MAX_VALUE && count != expected) {
        throw new IllegalArgumentException(
            "the brush stream holds "
                + count
                + " values, but the image's RGBA values are "
                + expected
                + " (4 per pixel)");
      }
      int word = in.read(5, "the word size") + 1;
      if (word > WORD) {
        throw new IllegalArgumentException(
            "the brush stream's words have " + word + " bits; only 1 to 8 are read");
      }
      int[] sizes = new int[4];
      for (int k = 0; k < 4; k++) {
        sizes[k] = in.read(4, "a run-field size") + 1;
      }
      return new Header(count, word, sizes);
    }
  }

  /** Reads big-endian bit fields from the stream's bytes. */
  private static final class Bits {
    private final int[] bytes;
    private long position;
    private long buffer;
    private int available;
    private int next;

    Bits(int[] bytes) {
      this.bytes = Objects.requireNonNull(bytes, "rle");
    }

    /** The next {@code count} bits (0 to 16) as an unsigned number. */
    int read(int count, String what) {
      while (available < count) {
        if (next == bytes.length) {
          throw new IllegalArgumentException(
              "the brush stream ends at bit " + position + ", in " + what);
        }
        int b = bytes[next];
        if (b < 0 || b > 255) {
          throw new IllegalArgumentException(
              "the brush stream's element " + next + " is " + b + ", not a byte (0 to 255)");
        }
        next++;
        buffer = (buffer << 8) | b;
        available += 8;
      }
      available -= count;
      position += count;
      return (int) ((buffer >>> available) & ((1L << count) - 1));
    }
  }

  /** Writes chunks as rle-pack does, given the input's maximal runs of equal values. */
  private static final class Encoder {
    private byte[] out;
    private int size;
    private long buffer;
    private int pending;

    /** Single values waiting to be written as one literal chunk. */
    private int[] literals = new int[0];

    private int literalCount;

    Encoder(long count) {
      this.out = new byte[64];
      write(count >>> 16, 16);
      write(count & 0xFFFF, 16);
      write(WORD - 1, 5);
      for (int size : SIZES) {
        write(size - 1, 4);
      }
    }

    /**
     * One maximal run of {@code length} equal values. rle-pack writes a run of two or more values
     * as repeat chunks of at most 65536; a single value (or the one left over after full chunks)
     * joins the literals, except at the very end, where it is a repeat chunk of one.
     */
    void run(int value, long length, boolean last) {
      long left = length;
      if (left >= 2) {
        flushLiterals();
        while (left > MAX_RUN) {
          repeat(value, MAX_RUN);
          left -= MAX_RUN;
        }
        if (left >= 2) {
          repeat(value, (int) left);
          return;
        }
      }
      // One value left.
      if (last) {
        if (literalCount > 0) {
          literal(value);
          flushLiterals();
        } else {
          repeat(value, 1);
        }
      } else {
        literal(value);
      }
    }

    private void literal(int value) {
      if (literalCount == literals.length) {
        literals = Arrays.copyOf(literals, Math.max(16, 2 * literals.length));
      }
      literals[literalCount++] = value;
      if (literalCount == MAX_RUN) {
        flushLiterals();
      }
    }

    private void repeat(int value, int length) {
      int m = length - 1;
      int t = sizeIndex(m);
      write(1, 1);
      write(t, 2);
      write(m, SIZES[t]);
      write(value, WORD);
    }

    private void flushLiterals() {
      if (literalCount == 0) {
        return;
      }
      int m = literalCount - 1;
      int t = sizeIndex(m);
      write(0, 1);
      write(t, 2);
      write(m, SIZES[t]);
      for (int k = 0; k < literalCount; k++) {
        write(literals[k], WORD);
      }
      literalCount = 0;
    }

    private static int sizeIndex(int m) {
      for (int t = 0; t < 3; t++) {
        if (m < 1 << SIZES[t]) {
          return t;
        }
      }
      return 3;
    }

    private void write(long value, int bits) {
      buffer = (buffer << bits) | (value & ((1L << bits) - 1));
      pending += bits;
      while (pending >= 8) {
        pending -= 8;
        put((int) (buffer >>> pending) & 0xFF);
      }
    }

    private void put(int b) {
      if (size == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[size++] = (byte) b;
    }

    int[] finish() {
      flushLiterals();
      if (pending > 0) {
        put((int) (buffer << (8 - pending)) & 0xFF);
        pending = 0;
      }
      int[] result = new int[size];
      for (int k = 0; k < size; k++) {
        result[k] = out[k] & 0xFF;
      }
      return result;
    }
  }
}
