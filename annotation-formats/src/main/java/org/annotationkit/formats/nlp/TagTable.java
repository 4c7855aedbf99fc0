package org.annotationkit.formats.nlp;

import java.util.Arrays;
import org.annotationkit.formats.internal.TagDecoder;

/**
 * The distinct tags of a CoNLL file, each given a dense int code in order of first appearance and
 * found again from its UTF-8 bytes without decoding them: a token's tag becomes an int, and each
 * tag is one string whatever the number of its tokens.
 */
final class TagTable {
  private byte[][] bytes = new byte[16][];
  private String[] tags = new String[16];
  private byte[] prefixes = new byte[16];
  private String[] types = new String[16];
  private int size;

  /** The code + 1 of each one-byte tag ({@code O} above all), by its byte; 0 when unknown. */
  private final int[] single = new int[256];

  /** Open addressing over the codes: a slot holds code + 1, or 0 when empty. */
  private int[] slots = new int[64];

  /** The number of tags. */
  int size() {
    return size;
  }

  /** The tag of a code. */
  String tag(int code) {
    return tags[code];
  }

  /** The code of the tag whose UTF-8 bytes are {@code b[from, to)}, or -1 if it is not known. */
  int find(byte[] b, int from, int to) {
    if (to - from == 1) {
      return single[b[from] & 0xFF] - 1;
    }
    int mask = slots.length - 1;
    int slot = hash(b, from, to) & mask;
    int length = to - from;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      byte[] known = bytes[entry - 1];
      if (known.length == length && same(known, b, from)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The prefix code ({@link TagDecoder#B} ...) of the tag of a code. */
  byte prefix(int code) {
    return prefixes[code];
  }

  /** The type of the tag of a code, empty for {@code O}. */
  String type(int code) {
    return types[code];
  }

  /**
   * Adds a tag not yet known, its bytes {@code b[from, to)} and its text, already checked to be
   * {@code O} or a prefix, a dash and a type; returns its code.
   */
  int add(byte[] b, int from, int to, String tag) {
    if (size == tags.length) {
      tags = Arrays.copyOf(tags, size * 2);
      bytes = Arrays.copyOf(bytes, size * 2);
      prefixes = Arrays.copyOf(prefixes, size * 2);
      types = Arrays.copyOf(types, size * 2);
    }
    int code = size++;
    tags[code] = tag;
    prefixes[code] = TagDecoder.prefix(tag);
    types[code] = TagDecoder.type(tag);
    bytes[code] = Arrays.copyOfRange(b, from, to);
    if (to - from == 1) {
      single[b[from] & 0xFF] = code + 1;
    }
    if (size * 2 > slots.length) {
      slots = new int[slots.length * 2];
      for (int c = 0; c < size - 1; c++) {
        insert(c);
      }
    }
    insert(code);
    return code;
  }

  private void insert(int code) {
    byte[] key = bytes[code];
    int mask = slots.length - 1;
    int slot = hash(key, 0, key.length) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = code + 1;
  }

  /** Whether {@code b} from {@code from} holds the bytes of {@code known} (short: a plain loop). */
  private static boolean same(byte[] known, byte[] b, int from) {
    for (int i = 0; i < known.length; i++) {
      if (known[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 7);
  }
}
