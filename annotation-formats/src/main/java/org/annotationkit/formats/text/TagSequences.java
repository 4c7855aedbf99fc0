package org.annotationkit.formats.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.annotationkit.formats.internal.TagDecoder;

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
        prefixes[i] = TagDecoder.O;
        types[i] = "";
        continue;
      }
      if (tag.length() < 3 || tag.charAt(1) != '-' || !scheme.allows(tag.charAt(0))) {
        throw new IllegalArgumentException(
            "token " + i + ": '" + tag + "' is not a " + scheme + " tag (O or P-TYPE)");
      }
      prefixes[i] =
          switch (tag.charAt(0)) {
            case 'B' -> TagDecoder.B;
            case 'I' -> TagDecoder.I;
            case 'E', 'L' -> TagDecoder.E;
            default -> TagDecoder.S;
          };
      types[i] = tag.substring(2);
    }
    return TagDecoder.decode(tags, prefixes, types, scheme, strict);
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
}
