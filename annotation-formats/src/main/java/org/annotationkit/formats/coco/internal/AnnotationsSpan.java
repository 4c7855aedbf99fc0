package org.annotationkit.formats.coco.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.annotationkit.formats.internal.IoMessages;
import org.jspecify.annotations.Nullable;

/**
 * Where the inside of a COCO file's top-level {@code "annotations": [ ... ]} list lies, found by a
 * scan of the bytes that only follows strings and brackets, so that the first pass can skip it
 * without tokenising it (in a file the size of COCO 2017 train the annotations are nine tenths of
 * the bytes, and tokenising them was a quarter of a conversion's time).
 *
 * <p>The scan is a shortcut, not a parser: it gives up (no span) on anything it does not expect,
 * and the text it gives to the first pass, the file with the list emptied, is parsed by
 * jackson-core as usual. What it skips is parsed by the second pass, which reports malformed JSON
 * there with its place in the file. UTF-8 multi-byte sequences never hold ASCII bytes, so quotes,
 * backslashes and brackets are found byte by byte.
 *
 * @param start the offset just after the list's {@code [}
 * @param end the offset of the list's {@code ]}
 */
record AnnotationsSpan(long start, long end) {
  private static final byte[] KEY = "annotations".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /**
   * The span of the top-level annotations list, if the scan finds it.
   *
   * @param file the COCO file
   * @return the span, or null
   * @throws UncheckedIOException if the file cannot be read
   */
  static @Nullable AnnotationsSpan find(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return scan(channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /** Eight bytes of the buffer at a time, in file order. */
  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  /**
   * Whether none of the eight bytes is a quote or a bracket. {@code [ ] { }} are the bytes that
   * become {@code 0x79} when bit 5 is set and bits 1 and 2 cleared (so do {@code Y _ y DEL}, which
   * only cost a byte-by-byte look at their word); a byte is found by the exact zero-byte test on
   * the word XOR its pattern.
   */
  static boolean plain(long word) {
    long quotes = word ^ 0x2222_2222_2222_2222L;
    long brackets =
        ((word | 0x2020_2020_2020_2020L) & 0xF9F9_F9F9_F9F9_F9F9L) ^ 0x7979_7979_7979_7979L;
    return ((((quotes - ONES) & ~quotes) | ((brackets - ONES) & ~brackets)) & HIGHS) == 0;
  }

  private static @Nullable AnnotationsSpan scan(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    byte[] bytes = buffer.array();
    long base = 0;
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    // The bytes of the current string at depth 1, while it may still be "annotations".
    int keyLength = 0;
    boolean keyMatches = false;
    // 0: nothing pending; 1: the key "annotations" was read; 2: and then its colon.
    int pending = 0;
    long start = -1;
    boolean started = false;
    int n;
    while ((n = channel.read(buffer.clear())) >= 0) {
      for (int i = 0; i < n; i++) {
        if (depth >= 2 && !inString) {
          // Inside a nested value, outside strings, only quotes and brackets change the state:
          // skip eight bytes at a time while none of them is one (numbers, commas, spaces).
          while (i + Long.BYTES <= n && plain((long) WORDS.get(bytes, i))) {
            i += Long.BYTES;
          }
          if (i >= n) {
            break;
          }
        }
        byte b = bytes[i];
        if (inString) {
          if (escaped) {
            escaped = false;
            keyMatches = false;
          } else if (b == '\\') {
            escaped = true;
            keyMatches = false;
          } else if (b == '"') {
            inString = false;
            if (depth == 1 && start < 0 && keyMatches && keyLength == KEY.length) {
              pending = 1;
            }
          } else if (keyMatches) {
            keyMatches = keyLength < KEY.length && KEY[keyLength] == b;
            keyLength++;
          }
          continue;
        }
        switch (b) {
          case ' ', '\t', '\n', '\r' -> {}
          case '"' -> {
            inString = true;
            keyMatches = depth == 1 && start < 0 && pending == 0;
            keyLength = 0;
          }
          case ':' -> pending = pending == 1 ? 2 : 0;
          case '{', '[' -> {
            if (!started) {
              if (b != '{') {
                return null;
              }
              started = true;
            }
            if (pending == 2 && b == '[' && depth == 1) {
              start = base + i + 1;
            }
            pending = 0;
            depth++;
          }
          case '}', ']' -> {
            pending = 0;
            depth--;
            if (depth < 1) {
              return null;
            }
            if (depth == 1 && start >= 0 && b == ']') {
              return new AnnotationsSpan(start, base + i);
            }
          }
          default -> {
            if (!started) {
              return null;
            }
            pending = 0;
          }
        }
      }
      base += n;
    }
    return null;
  }

  /**
   * The file with the inside of the list left out: {@code "annotations": []}.
   *
   * @param file the file this span was found in
   * @return the bytes, to be closed
   * @throws UncheckedIOException if the file cannot be opened
   */
  InputStream withoutAnnotations(Path file) {
    try {
      FileChannel before = FileChannel.open(file, StandardOpenOption.READ);
      FileChannel after;
      try {
        after = FileChannel.open(file, StandardOpenOption.READ).position(end);
      } catch (IOException e) {
        before.close();
        throw e;
      }
      return new SequenceInputStream(
          new Bounded(Channels.newInputStream(before), start), Channels.newInputStream(after));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /** The first bytes of a stream. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(into, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
