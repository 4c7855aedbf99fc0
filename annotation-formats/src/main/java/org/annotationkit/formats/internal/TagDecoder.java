package org.annotationkit.formats.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.annotationkit.formats.text.DecodedTags;
import org.annotationkit.formats.text.TagFlaw;
import org.annotationkit.formats.text.TagRepair;
import org.annotationkit.formats.text.TagScheme;
import org.annotationkit.formats.text.TokenSpan;

/**
 * The decoder of {@link org.annotationkit.formats.text.TagSequences}, over tags already parsed into
 * a prefix code and a type per token, so that a reader that codes its tags once per distinct tag
 * (CoNLL's) decodes without parsing each token's tag again. Not part of the API.
 */
public final class TagDecoder {
  /** The prefix code of {@code B-}. */
  public static final byte B = 0;

  /** The prefix code of {@code I-}. */
  public static final byte I = 1;

  /** The prefix code of {@code E-} and {@code L-}. */
  public static final byte E = 2;

  /** The prefix code of {@code S-} and {@code U-}. */
  public static final byte S = 3;

  /** The code of {@code O}. */
  public static final byte O = 4;

  private TagDecoder() {}

  /**
   * The prefix code of a tag already checked to be {@code O} or a prefix letter, a dash and a type.
   *
   * @param tag the tag
   * @return its code
   */
  public static byte prefix(String tag) {
    if (tag.equals("O")) {
      return O;
    }
    return switch (tag.charAt(0)) {
      case 'B' -> B;
      case 'I' -> I;
      case 'E', 'L' -> E;
      default -> S;
    };
  }

  /**
   * The type of a tag already checked as for {@link #prefix}: empty for {@code O}.
   *
   * @param tag the tag
   * @return its type
   */
  public static String type(String tag) {
    return tag.equals("O") ? "" : tag.substring(2);
  }

  /**
   * Decodes a sentence's tags, leniently or strictly, as {@code TagSequences.decode} does.
   *
   * @param tags the tags, one per token (read only for the repairs reported)
   * @param prefixes the prefix code of each token's tag
   * @param types the type of each token's tag, empty for {@code O}
   * @param scheme the scheme
   * @param strict whether to decode strictly
   * @return the spans and the repairs
   */
  public static DecodedTags decode(
      List<String> tags, byte[] prefixes, String[] types, TagScheme scheme, boolean strict) {
    Objects.requireNonNull(scheme, "scheme");
    List<TokenSpan> lenient = new ArrayList<>();
    List<TagRepair> repairs = new ArrayList<>();
    decodeLenient(tags, prefixes, types, scheme, lenient, repairs);
    if (!strict) {
      return new DecodedTags(lenient, repairs);
    }
    List<TokenSpan> kept = decodeStrict(prefixes, types, scheme);
    Set<TokenSpan> keptSet = new HashSet<>(kept);
    Set<TokenSpan> flawed = new HashSet<>();
    List<TagRepair> reported = new ArrayList<>();
    for (TagRepair repair : repairs) {
      boolean dropped = !keptSet.contains(repair.span());
      flawed.add(repair.span());
      reported.add(
          new TagRepair(repair.token(), repair.tag(), repair.flaw(), repair.span(), dropped));
    }
    for (TokenSpan span : lenient) {
      if (!keptSet.contains(span) && !flawed.contains(span)) {
        reported.add(
            new TagRepair(span.start(), tags.get(span.start()), TagFlaw.NOT_STRICT, span, true));
      }
    }
    reported.sort((a, b) -> Integer.compare(a.token(), b.token()));
    return new DecodedTags(kept, reported);
  }

  /** conlleval's chunk boundaries, with the flaws of each chunk recorded as it closes. */
  private static void decodeLenient(
      List<String> tags,
      byte[] prefixes,
      String[] types,
      TagScheme scheme,
      List<TokenSpan> spans,
      List<TagRepair> repairs) {
    boolean endTagged = scheme == TagScheme.BIOES || scheme == TagScheme.BILOU;
    int n = prefixes.length;
    int open = -1;
    String openType = "";
    List<Pending> pending = new ArrayList<>();
    byte prev = O;
    String prevType = "";
    for (int i = 0; i <= n; i++) {
      byte p = i < n ? prefixes[i] : O;
      String type = i < n ? types[i] : "";
      boolean end =
          prev == E
              || prev == S
              || ((prev == B || prev == I) && (p == B || p == S || p == O))
              || (prev != O && !prevType.equals(type));
      boolean start =
          p == B
              || p == S
              || ((p == I || p == E) && (prev == E || prev == S || prev == O))
              || (p != O && !prevType.equals(type));
      if (open >= 0 && (end || start)) {
        if (endTagged && (prev == B || prev == I)) {
          pending.add(new Pending(i - 1, TagFlaw.END_MISSING));
        }
        TokenSpan span = new TokenSpan(openType, open, i);
        spans.add(span);
        for (Pending flaw : pending) {
          repairs.add(
              new TagRepair(flaw.token(), tags.get(flaw.token()), flaw.flaw(), span, false));
        }
        pending.clear();
        open = -1;
      }
      if (start) {
        open = i;
        openType = type;
        TagFlaw flaw = null;
        if ((p == I || p == E) && scheme != TagScheme.IOB1) {
          if (i == 0) {
            flaw = TagFlaw.BEGIN_MISSING_AT_SENTENCE_START;
          } else if (prev == O) {
            flaw = TagFlaw.BEGIN_MISSING_AFTER_OUTSIDE;
          } else if (!prevType.equals(type)) {
            flaw = TagFlaw.TYPE_SWITCH;
          } else {
            flaw = TagFlaw.BEGIN_MISSING_AFTER_END;
          }
        } else if (p == B && scheme == TagScheme.IOB1 && (prev == O || !prevType.equals(type))) {
          flaw = TagFlaw.BEGIN_NOT_NEEDED;
        }
        if (flaw != null) {
          pending.add(new Pending(i, flaw));
        }
      }
      prev = p;
      prevType = type;
    }
  }

  /** seqeval's strict reading: a span needs a valid start, valid inside tokens and a valid end. */
  private static List<TokenSpan> decodeStrict(byte[] prefixes, String[] types, TagScheme scheme) {
    int n = prefixes.length;
    // Token n is a sentinel O, as in seqeval.
    List<TokenSpan> spans = new ArrayList<>();
    int prev = -1; // index of the previous token, -1 for a virtual O before the sentence
    int i = 0;
    while (i <= n) {
      if (isStart(scheme, prefixes, types, prev, i)) {
        int j = i + 1;
        int last = i;
        while (j <= n && isInside(scheme, prefixes, types, last, j)) {
          last = j;
          j++;
        }
        if (isEnd(scheme, prefixes, types, j - 1, j)) {
          spans.add(new TokenSpan(types[i], i, j));
        }
        i = j;
      } else {
        i++;
      }
      prev = i - 1;
    }
    return spans;
  }

  private static byte prefix(byte[] prefixes, int k) {
    return k < 0 || k >= prefixes.length ? O : prefixes[k];
  }

  private static boolean same(String[] types, int a, int b) {
    String ta = a < 0 || a >= types.length ? "" : types[a];
    String tb = b < 0 || b >= types.length ? "" : types[b];
    return ta.equals(tb);
  }

  private static boolean isStart(
      TagScheme scheme, byte[] prefixes, String[] types, int prevIndex, int index) {
    byte prev = prefix(prefixes, prevIndex);
    byte cur = prefix(prefixes, index);
    boolean same = same(types, prevIndex, index);
    return switch (scheme) {
      case IOB1 ->
          (cur == I && (prev == O || prev == B || (prev == I && !same)))
              || (cur == B && (prev == I || prev == B) && same);
      case IOB2 -> cur == B;
      case BIOES, BILOU -> cur == B || cur == S;
    };
  }

  private static boolean isInside(
      TagScheme scheme, byte[] prefixes, String[] types, int prevIndex, int index) {
    byte prev = prefix(prefixes, prevIndex);
    byte cur = prefix(prefixes, index);
    if (!same(types, prevIndex, index) || !(prev == B || prev == I)) {
      return false;
    }
    return switch (scheme) {
      case IOB1, IOB2 -> cur == I;
      case BIOES, BILOU -> cur == I || cur == E;
    };
  }

  private static boolean isEnd(
      TagScheme scheme, byte[] prefixes, String[] types, int prevIndex, int index) {
    byte prev = prefix(prefixes, prevIndex);
    byte cur = prefix(prefixes, index);
    boolean same = same(types, prevIndex, index);
    return switch (scheme) {
      case IOB1 ->
          (prev == I || prev == B)
              && (cur == O || (cur == I && !same) || (cur == B && (prev == I || same)));
      case IOB2 -> (prev == I || prev == B) && (cur == O || cur == B || (cur == I && !same));
      case BIOES, BILOU -> prev == E || prev == S;
    };
  }

  /** A flaw found at a token, reported once the span it belongs to is known. */
  private record Pending(int token, TagFlaw flaw) {}
}
