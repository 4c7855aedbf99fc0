package org.annotationkit.formats.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes tag sequences to token spans, encodes spans to tags, and converts between {@link
 * TagScheme schemes}.
 *
 * <h2>Lenient decoding (the default)</h2>
 *
 * The reading of conlleval, of seqeval's default mode and of spaCy's {@code iob_to_biluo}: a span
 * starts at every {@code B-}/{@code S-}/{@code U-} tag, and at every other non-{@code O} tag that
 * does not continue the span before it ({@code I-X} after {@code O}, at the start of a sentence, or
 * after a span of another type); a span ends before {@code O}, before a tag that starts one, and
 * after {@code E-}/{@code L-}/{@code S-}/{@code U-}. Each such repair is reported as a {@link
 * TagRepair} with the span kept.
 *
 * <h2>Strict decoding</h2>
 *
 * The reading of seqeval's {@code mode="strict"}: a span counts only when it starts and ends as its
 * scheme says (IOB2: starts at {@code B-}; BIOES/BILOU: starts at {@code B-}/{@code S-}, ends at
 * {@code E-}/{@code S-}; IOB1: starts at an {@code I-} after {@code O} or after another type, or at
 * a {@code B-} after the same type). Every other span of the lenient reading is dropped and
 * reported, with the flaw that made it invalid.
 *
 * <p>Tags are {@code O} or a prefix letter of the scheme, a dash and a non-empty type; any other
 * tag is an {@link IllegalArgumentException} naming the token.
 *
 * @since 0.1.0
 */
public final class TagSequences {
  private static final byte B = 0;
  private static final byte I = 1;
  private static final byte E = 2;
  private static final byte S = 3;
  private static final byte O = 4;

  private TagSequences() {}

  /**
   * Decodes a sentence's tags leniently.
   *
   * @param tags the tags, one per token
   * @param scheme the scheme they are in
   * @return the spans and the repairs, each span kept
   * @throws IllegalArgumentException if a tag is not a tag of the scheme
   */
  public static DecodedTags decode(List<String> tags, TagScheme scheme) {
    return decode(tags, scheme, false);
  }

  /**
   * Decodes a sentence's tags, leniently or strictly.
   *
   * @param tags the tags, one per token
   * @param scheme the scheme they are in
   * @param strict whether to drop the spans that do not follow the scheme (seqeval strict) rather
   *     than repair them (conlleval)
   * @return the spans and the repairs
   * @throws IllegalArgumentException if a tag is not a tag of the scheme
   */
  public static DecodedTags decode(List<String> tags, TagScheme scheme, boolean strict) {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(scheme, "scheme");
    int n = tags.size();
    byte[] prefixes = new byte[n];
    String[] types = new String[n];
    for (int i = 0; i < n; i++) {
      String tag = Objects.requireNonNull(tags.get(i), "tag");
      if (tag.equals("O")) {
        prefixes[i] = O;
        types[i] = "";
        continue;
      }
      if (tag.length() < 3 || tag.charAt(1) != '-' || !scheme.allows(tag.charAt(0))) {
        throw new IllegalArgumentException(
            "token " + i + ": '" + tag + "' is not a " + scheme + " tag (O or P-TYPE)");
      }
      prefixes[i] =
          switch (tag.charAt(0)) {
            case 'B' -> B;
            case 'I' -> I;
            case 'E', 'L' -> E;
            default -> S;
          };
      types[i] = tag.substring(2);
    }
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

  /**
   * Encodes spans as tags.
   *
   * @param spans non-overlapping spans within the sentence, in any order
   * @param tokenCount the number of tokens in the sentence
   * @param scheme the scheme to write
   * @return the tags, one per token
   * @throws IllegalArgumentException if spans overlap or reach past the sentence
   */
  public static List<String> encode(List<TokenSpan> spans, int tokenCount, TagScheme scheme) {
    Objects.requireNonNull(scheme, "scheme");
    List<TokenSpan> sorted = new ArrayList<>(spans);
    sorted.sort(null);
    String[] tags = new String[tokenCount];
    java.util.Arrays.fill(tags, "O");
    TokenSpan before = null;
    for (TokenSpan span : sorted) {
      if (span.end() > tokenCount) {
        throw new IllegalArgumentException(
            "span " + span + " reaches past the sentence's " + tokenCount + " tokens");
      }
      if (before != null && before.overlaps(span)) {
        throw new IllegalArgumentException("spans " + before + " and " + span + " overlap");
      }
      String label = span.label();
      int last = span.end() - 1;
      switch (scheme) {
        case IOB1 -> {
          boolean adjacent =
              before != null && before.end() == span.start() && before.label().equals(label);
          for (int t = span.start(); t <= last; t++) {
            tags[t] = (t == span.start() && adjacent ? "B-" : "I-") + label;
          }
        }
        case IOB2 -> {
          for (int t = span.start(); t <= last; t++) {
            tags[t] = (t == span.start() ? "B-" : "I-") + label;
          }
        }
        case BIOES, BILOU -> {
          boolean bilou = scheme == TagScheme.BILOU;
          if (span.length() == 1) {
            tags[span.start()] = (bilou ? "U-" : "S-") + label;
          } else {
            for (int t = span.start(); t <= last; t++) {
              String prefix = t == span.start() ? "B-" : t == last ? (bilou ? "L-" : "E-") : "I-";
              tags[t] = prefix + label;
            }
          }
        }
      }
      before = span;
    }
    return List.of(tags);
  }

  /**
   * Converts tags from one scheme to another: decodes them (leniently or strictly) and encodes the
   * spans found.
   *
   * @param tags the tags, one per token
   * @param from the scheme they are in
   * @param to the scheme to write
   * @param strict whether to decode strictly
   * @return the converted tags
   * @param repairs receives the repairs made while decoding
   * @throws IllegalArgumentException if a tag is not a tag of {@code from}
   */
  public static List<String> convert(
      List<String> tags, TagScheme from, TagScheme to, boolean strict, List<TagRepair> repairs) {
    DecodedTags decoded = decode(tags, from, strict);
    repairs.addAll(decoded.repairs());
    return encode(decoded.spans(), tags.size(), to);
  }

  /** A flaw found at a token, reported once the span it belongs to is known. */
  private record Pending(int token, TagFlaw flaw) {}
}
