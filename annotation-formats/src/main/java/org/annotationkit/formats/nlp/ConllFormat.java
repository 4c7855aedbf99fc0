package org.annotationkit.formats.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.FileHead;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.TagDecoder;
import org.annotationkit.formats.text.AlignedSpans;
import org.annotationkit.formats.text.DecodedTags;
import org.annotationkit.formats.text.SpanBridge;
import org.annotationkit.formats.text.TagRepair;
import org.annotationkit.formats.text.TagScheme;
import org.annotationkit.formats.text.TagSequences;
import org.annotationkit.formats.text.TokenSpan;
import org.annotationkit.formats.text.Tokenization;
import org.jspecify.annotations.Nullable;

/**
 * CoNLL-2003 style token files, {@code conll}: one token per line with its columns separated by
 * spaces or tabs, the token first and a tag column (the last by default), a blank line between
 * sentences, {@code -DOCSTART-} lines between documents.
 *
 * <h2>Reading</h2>
 *
 * Each sentence becomes a {@link TextItem} whose text is its tokens joined by one space (FORMATS.md
 * convention 9), with id {@code sentence-N} (N counts from 1 over the file) and metadata {@code
 * document} (the number of the document, from 1, when the file has {@code -DOCSTART-} lines),
 * {@code tokenizer=whitespace} (so that writing it as tokens again keeps its tokens) and {@code
 * column-K} for each other column K (1-based), its values joined by spaces. Its tags become one
 * annotation {@code sentence-N}, annotator {@code conll}, of {@link SpanValue}s in the field {@code
 * entities}, in code points, with their text. Tags are decoded in the scheme of {@code from-scheme}
 * (else {@code scheme}, else IOB2), leniently as conlleval does unless {@code strict=true}
 * (seqeval's strict mode); each repair is reported with its line. The file streams line by line:
 * memory holds one sentence (and the labels seen, from a first pass that finds the schema).
 *
 * <h2>Writing</h2>
 *
 * Each text item is one sentence, {@code token [column ...] TAG}, tags in the scheme of the {@code
 * scheme} option (IOB2 by default), from the spans of its first annotation that was not rejected.
 * Tokens come from the item (its {@code tokens} or {@code tokenizer} metadata) or from the {@code
 * tokenizer} option (words by default). A span that does not align with tokens is dropped, or
 * expanded or contracted by the {@code alignment} option, and reported; of overlapping spans the
 * longest is kept and each other reported. A text whose whitespace is not single spaces between
 * tokens is reported (its whitespace is lost), and so is every other kind of result. A {@code
 * -DOCSTART-} line is written where the {@code document} metadata changes.
 *
 * @since 0.1.0
 */
public final class ConllFormat extends FileFormat {
  static final String FIELD = "entities";
  private static final String ANNOTATOR = "conll";
  private static final String DOCSTART = "-DOCSTART-";

  private static final List<FormatOption> OPTIONS =
      List.of(
          FormatOption.of(
              "scheme",
              "the tag scheme written (and read, unless from-scheme says otherwise): iob2 (the"
                  + " default), iob1, bioes or bilou",
              "iob1",
              "iob2",
              "bioes",
              "iobes",
              "bilou"),
          FormatOption.of(
              "from-scheme",
              "the tag scheme of the file read, when it differs from scheme",
              "iob1",
              "iob2",
              "bioes",
              "iobes",
              "bilou"),
          new FormatOption(
              "column",
              "the 1-based column of the tags (the last by default); the token is column 1",
              List.of()),
          FormatOption.of(
              "strict",
              "true to drop entities whose tags break the scheme (seqeval strict mode) instead of"
                  + " repairing them as conlleval does; each is reported either way",
              "true",
              "false"),
          Texts.TOKENIZER_OPTION,
          Texts.ALIGNMENT_OPTION);

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public ConllFormat() {
    super(
        "conll",
        "CoNLL-2003 token files (one token per line, a tag column, IOB1/IOB2/BIOES/BILOU tags)",
        OPTIONS,
        (input, context) ->
            TwoPass.open(
                "conll",
                true,
                (first, schema) -> {
                  try (Reader labels = new Reader(input, first, schema)) {
                    labels.collect();
                  }
                },
                pass -> new Reader(input, pass, null),
                context),
        ConllFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    if (!Files.isRegularFile(input)) {
      return Detection.NO;
    }
    if (FileHead.of(input).startsWith(DOCSTART)) {
      return Detection.CERTAIN;
    }
    return FileHead.hasExtension(input, ".conll", ".conll03", ".conll2003", ".iob", ".bio")
        ? Detection.POSSIBLE
        : Detection.NO;
  }

  static TagScheme readScheme(FormatOptions options) {
    return TagScheme.named(options.value("from-scheme").orElse(options.value("scheme", "iob2")));
  }

  static TagScheme writeScheme(FormatOptions options) {
    return TagScheme.named(options.value("scheme", "iob2"));
  }

  // ------------------------------------------------------------------ reading

  /**
   * One pass over a CoNLL file, a sentence at a time, read as bytes ({@link Utf8Lines}): lines and
   * columns are split on bytes, tags become int codes of a {@link TagTable}, and a sentence's
   * tokens are gathered as the UTF-8 bytes of its text with their code point offsets counted on the
   * way, so that the only strings made are the sentence's text and its other columns (and, in the
   * first pass, none).
   */
  static final class Reader implements EntryReader {
    private final Utf8Lines in;
    private final String source;
    private final ConversionContext context;
    private final TagScheme scheme;
    private final boolean strict;
    private final int column;

    /** The distinct tags met, each an int code. */
    private final TagTable tagTable = new TagTable();

    /** The tag codes of the sentence being read. */
    private int[] codes = new int[64];

    /** The tags of the sentence being read, as the decoder reports them in its repairs. */
    private final List<String> tags =
        new java.util.AbstractList<>() {
          @Override
          public String get(int index) {
            Objects.checkIndex(index, tokenCount);
            return tagTable.tag(codes[index]);
          }

          @Override
          public int size() {
            return tokenCount;
          }
        };

    /** The UTF-8 bytes of the sentence's text: its tokens joined by one space. */
    private byte[] text = new byte[512];

    private int textLength;
    private int codePoints;
    private int[] tokenStarts = new int[64];
    private int[] tokenEnds = new int[64];
    private int tokenCount;

    /** The UTF-8 bytes of the sentence's other columns, each its values joined by spaces. */
    private byte[][] others = new byte[0][];

    private int[] otherLengths = new int[0];

    /** Where each cell of the line being read starts and ends, reused from line to line. */
    private int[] cellStarts = new int[8];

    private int[] cellEnds = new int[8];

    /** In the first pass, what collects the labels; then no entry is built. */
    private final TwoPass.@Nullable SchemaCollector labels;

    private long sentenceLine;
    private int sentenceColumns;
    private int sentences;
    private int documents;
    private boolean ended;
    private @Nullable DatasetEntry next;

    Reader(Path file, ConversionContext context, TwoPass.@Nullable SchemaCollector labels) {
      this.labels = labels;
      this.source = file.toString();
      this.context = context;
      FormatOptions options = context.options();
      this.scheme = readScheme(options);
      this.strict = options.flag("strict", false);
      this.column = options.integer("column", 0);
      if (options.value("column").isPresent() && column < 2) {
        throw new IllegalArgumentException(
            "option column=" + column + ": the tag column must be 2 or more (the token is 1)");
      }
      try {
        this.in = new Utf8Lines(Files.newInputStream(file), source);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
      }
    }

    /** Reads the whole input, feeding the labels of its spans to the collector (first pass). */
    void collect() {
      while (!ended) {
        readSentence();
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null && !ended) {
        next = readSentence();
      }
      return next != null;
    }

    @Override
    public DatasetEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      DatasetEntry entry = Objects.requireNonNull(next);
      next = null;
      return entry;
    }

    /** Reads up to the end of the next sentence; null when there is none before a break. */
    private @Nullable DatasetEntry readSentence() {
      while (true) {
        if (!in.next()) {
          ended = true;
          return tokenCount == 0 ? null : sentence();
        }
        byte[] b = in.buffer();
        int count = split(b, in.start(), in.end());
        if (count == 0) {
          if (tokenCount > 0) {
            return sentence();
          }
          continue;
        }
        if (cellEnds[0] - cellStarts[0] == DOCSTART_BYTES.length
            && java.util.Arrays.equals(
                b, cellStarts[0], cellEnds[0], DOCSTART_BYTES, 0, DOCSTART_BYTES.length)) {
          DatasetEntry done = tokenCount == 0 ? null : sentence();
          documents++;
          if (done != null) {
            return done;
          }
          continue;
        }
        addToken(b, count);
      }
    }

    /**
     * Splits {@code b[from, to)} into its cells (runs of bytes that are not blanks), in {@link
     * #cellStarts} and {@link #cellEnds}; returns their number, 0 for a blank line.
     */
    private int split(byte[] b, int from, int to) {
      int count = 0;
      int i = from;
      while (true) {
        while (i < to && isBlank(b[i])) {
          i++;
        }
        if (i == to) {
          return count;
        }
        int start = i;
        while (i < to && !isBlank(b[i])) {
          i++;
        }
        if (count == cellStarts.length) {
          cellStarts = java.util.Arrays.copyOf(cellStarts, count * 2);
          cellEnds = java.util.Arrays.copyOf(cellEnds, count * 2);
        }
        cellStarts[count] = start;
        cellEnds[count] = i;
        count++;
      }
    }

    private void addToken(byte[] b, int count) {
      long line = in.line();
      if (count < 2) {
        throw Texts.at(
            source,
            line,
            "a token line needs the token and its tag, got one column '"
                + decode(b, cellStarts[0], cellEnds[0])
                + "'");
      }
      int tagColumn = column == 0 ? count : column;
      if (tagColumn > count) {
        throw Texts.at(
            source,
            line,
            "the tag column is " + tagColumn + " but the line has " + count + " columns");
      }
      if (tokenCount == 0) {
        sentenceLine = line;
        sentenceColumns = count;
        if (labels == null) {
          startOthers(count - 2);
        }
      } else if (count != sentenceColumns) {
        throw Texts.at(
            source,
            line,
            "the line has "
                + count
                + " columns but the sentence's first token (line "
                + sentenceLine
                + ") has "
                + sentenceColumns);
      }
      int tagStart = cellStarts[tagColumn - 1];
      int tagEnd = cellEnds[tagColumn - 1];
      int code = tagTable.find(b, tagStart, tagEnd);
      if (code < 0) {
        String given = decode(b, tagStart, tagEnd);
        if (!given.equals("O")
            && (given.length() < 3 || given.charAt(1) != '-' || !scheme.allows(given.charAt(0)))) {
          throw Texts.at(
              source,
              line,
              "'"
                  + given
                  + "' is not a tag of "
                  + scheme
                  + " (O or P-TYPE); set option from-scheme to the file's scheme"
                  + " (iob1, iob2, bioes, bilou) or column to its tag column");
        }
        code = tagTable.add(b, tagStart, tagEnd, given);
        if (labels != null && !strict && tagTable.prefix(code) != TagDecoder.O) {
          // Leniently, every tag other than O is in a span of its type: the labels of the spans,
          // in order of first appearance, are the types of the tags in that order.
          labels.addSpanLabel(FIELD, tagTable.type(code));
        }
      }
      if (tokenCount == codes.length) {
        codes = java.util.Arrays.copyOf(codes, tokenCount * 2);
      }
      codes[tokenCount] = code;
      if (labels == null) {
        addText(b, cellStarts[0], cellEnds[0]);
        int other = 0;
        for (int c = 1; c < count; c++) {
          if (c != tagColumn - 1) {
            addOther(other++, b, cellStarts[c], cellEnds[c]);
          }
        }
      }
      tokenCount++;
    }

    /** Appends a token to the sentence's text, counting its code points. */
    private void addText(byte[] b, int from, int to) {
      int length = to - from;
      if (textLength + length + 1 > text.length) {
        text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, textLength + length + 1));
      }
      if (tokenCount >= tokenStarts.length) {
        tokenStarts = java.util.Arrays.copyOf(tokenStarts, tokenCount * 2);
        tokenEnds = java.util.Arrays.copyOf(tokenEnds, tokenCount * 2);
      }
      if (tokenCount > 0) {
        text[textLength++] = ' ';
        codePoints++;
      }
      System.arraycopy(b, from, text, textLength, length);
      textLength += length;
      tokenStarts[tokenCount] = codePoints;
      codePoints += in.ascii() ? length : codePointCount(b, from, to);
      tokenEnds[tokenCount] = codePoints;
    }

    private void startOthers(int count) {
      if (others.length < count) {
        others = java.util.Arrays.copyOf(others, count);
        otherLengths = java.util.Arrays.copyOf(otherLengths, count);
        for (int c = 0; c < count; c++) {
          if (others[c] == null) {
            others[c] = new byte[256];
          }
        }
      }
      java.util.Arrays.fill(otherLengths, 0);
    }

    private void addOther(int other, byte[] b, int from, int to) {
      int length = to - from;
      byte[] values = others[other];
      int used = otherLengths[other];
      if (used + length + 1 > values.length) {
        values = java.util.Arrays.copyOf(values, Math.max(values.length * 2, used + length + 1));
        others[other] = values;
      }
      if (used > 0) {
        values[used++] = ' ';
      }
      System.arraycopy(b, from, values, used, length);
      otherLengths[other] = used + length;
    }

    private @Nullable DatasetEntry sentence() {
      sentences++;
      if (labels != null) {
        if (strict) {
          for (TokenSpan span : decodeTags().spans()) {
            labels.addSpanLabel(FIELD, span.label());
          }
        }
        clearSentence();
        return null;
      }
      String id = "sentence-" + sentences;
      Tokenization tokenization =
          Tokenization.of(
              new String(text, 0, textLength, StandardCharsets.UTF_8),
              java.util.Arrays.copyOf(tokenStarts, tokenCount),
              java.util.Arrays.copyOf(tokenEnds, tokenCount));
      Map<String, String> metadata = new LinkedHashMap<>();
      if (documents > 0) {
        metadata.put("document", Integer.toString(documents));
      }
      metadata.put(Texts.TOKENIZER, "whitespace");
      int tagColumn = column == 0 ? sentenceColumns : column;
      int other = 0;
      for (int c = 1; c < sentenceColumns; c++) {
        if (c != tagColumn - 1) {
          metadata.put(
              "column-" + (c + 1),
              new String(others[other], 0, otherLengths[other], StandardCharsets.UTF_8));
          other++;
        }
      }
      TextItem item = new TextItem(id, tokenization.text(), Optional.empty(), metadata);
      DecodedTags decoded = decodeTags();
      List<SpanValue> spans = SpanBridge.toCharacters(tokenization, decoded.spans());
      for (TagRepair repair : decoded.repairs()) {
        TokenSpan span = repair.span();
        int start = tokenization.start(span.start());
        int end = tokenization.end(span.end() - 1);
        context.lose(
            LossObject.line(sentenceLine + repair.token()).withItem(id).withSpan(start, end),
            repair.dropped() ? "invalid entity dropped" : "invalid tags repaired",
            repair.describe());
      }
      Annotation.Builder annotation = Annotation.builder(id, id, ANNOTATOR);
      for (int i = 0; i < spans.size(); i++) {
        annotation.result("e" + (i + 1), FIELD, spans.get(i));
      }
      clearSentence();
      return new DatasetEntry(item, List.of(annotation.build()));
    }

    /** Decodes the sentence's tags from their codes. */
    private DecodedTags decodeTags() {
      byte[] prefixes = new byte[tokenCount];
      String[] types = new String[tokenCount];
      for (int t = 0; t < tokenCount; t++) {
        prefixes[t] = tagTable.prefix(codes[t]);
        types[t] = tagTable.type(codes[t]);
      }
      return TagDecoder.decode(tags, prefixes, types, scheme, strict);
    }

    private void clearSentence() {
      tokenCount = 0;
      textLength = 0;
      codePoints = 0;
    }

    @Override
    public void close() {
      in.close();
    }
  }

  private static final byte[] DOCSTART_BYTES = DOCSTART.getBytes(StandardCharsets.US_ASCII);

  /** The blanks between columns, as bits: space, tab, vertical tab, form feed, carriage return. */
  private static final long BLANKS =
      1L << ' ' | 1L << '\t' | 1L << '\u000B' | 1L << '\f' | 1L << '\r';

  private static boolean isBlank(byte c) {
    int u = c & 0xFF;
    return u <= ' ' && (BLANKS >>> u & 1) != 0;
  }

  /** The code points of well-formed UTF-8 bytes: those that do not continue a sequence. */
  static int codePointCount(byte[] b, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if ((b[i] & 0xC0) != 0x80) {
        count++;
      }
    }
    return count;
  }

  private static String decode(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ writing

  private static void write(DatasetSource given, Path output, ConversionContext context) {
    DatasetSource source = Texts.grouped(given);
    FormatOptions options = context.options();
    TagScheme scheme = writeScheme(options);
    Utf8Out out;
    try {
      out = new Utf8Out(Files.newOutputStream(output));
    } catch (IOException e) {
      throw Texts.failed(output, e);
    }
    try (out) {
      @Nullable String document = null;
      boolean first = true;
      while (source.hasNext()) {
        DatasetEntry entry = source.next();
        Optional<TextItem> text = Texts.text(entry, context, "CoNLL");
        if (text.isEmpty()) {
          continue;
        }
        TextItem item = text.get();
        Tokenization tokens = Texts.tokens(item, options);
        if (tokens.size() == 0) {
          context.lose(
              LossObject.item(item.id()), "empty text skipped", "the text has no token to write");
          continue;
        }
        String itemDocument = item.metadata().get("document");
        List<String> columns = columnsOf(item, tokens.size());
        if (itemDocument != null && !itemDocument.equals(document)) {
          if (!first) {
            out.ascii('\n');
          }
          out.write(DOCSTART);
          for (int c = 0; c < columns.size(); c++) {
            out.write(" -X-");
          }
          out.write(" O\n");
          first = false;
        }
        document = itemDocument;
        List<String> tags = tags(entry, item, tokens, scheme, context);
        if (!first) {
          out.ascii('\n');
        }
        first = false;
        writeSentence(out, item, tokens, columns, tags, context);
        context.wrote(1, 0);
      }
    } catch (IOException e) {
      throw Texts.failed(output, e);
    }
  }

  /**
   * The item's other columns ({@code column-2}, {@code column-3}, ... up to the first missing),
   * each its values joined by single spaces, when each has a value for every token; else none.
   */
  private static List<String> columnsOf(TextItem item, int tokenCount) {
    List<String> columns = new ArrayList<>();
    for (int c = 2; ; c++) {
      String values = item.metadata().get("column-" + c);
      if (values == null) {
        break;
      }
      int pieces = 1;
      for (int i = values.indexOf(' '); i >= 0; i = values.indexOf(' ', i + 1)) {
        pieces++;
      }
      if (pieces != tokenCount) {
        return List.of();
      }
      columns.add(values);
    }
    return columns;
  }

  private static void writeSentence(
      Utf8Out out,
      TextItem item,
      Tokenization tokens,
      List<String> columns,
      List<String> tags,
      ConversionContext context)
      throws IOException {
    String text = tokens.text();
    TextOffsets offsets = tokens.offsets();
    if (!joinedBySpaces(tokens, text, offsets) && !text.equals(String.join(" ", tokens.tokens()))) {
      context.lose(
          LossObject.item(item.id()),
          "original whitespace lost",
          "CoNLL keeps tokens, not the text between them: the text is read back as its tokens"
              + " joined by one space");
    }
    int[] cursors = new int[columns.size()];
    for (int t = 0; t < tokens.size(); t++) {
      int from = offsets.toUtf16(tokens.start(t));
      int to = offsets.toUtf16(tokens.end(t));
      if (hasSpace(text, from, to)
          || (to - from == DOCSTART.length() && text.startsWith(DOCSTART, from))) {
        String token = tokens.token(t);
        String replaced = token.equals(DOCSTART) ? "_DOCSTART-" : token.replaceAll("\\s", "_");
        context.lose(
            LossObject.item(item.id()).withSpan(tokens.start(t), tokens.end(t)),
            "token changed",
            "'" + token + "' cannot be a CoNLL token; written as '" + replaced + "'");
        out.write(replaced);
      } else {
        out.write(text, from, to);
      }
      for (int c = 0; c < cursors.length; c++) {
        String values = columns.get(c);
        int start = cursors[c];
        int end = values.indexOf(' ', start);
        if (end < 0) {
          end = values.length();
        }
        out.ascii(' ');
        out.write(values, start, end);
        cursors[c] = end + 1;
      }
      out.ascii(' ');
      out.write(tags.get(t));
      out.ascii('\n');
    }
  }

  /**
   * Whether the text is its tokens joined by one space, seen from their offsets: the first starts
   * the text, the last ends it, and one space stands between each two.
   */
  private static boolean joinedBySpaces(Tokenization tokens, String text, TextOffsets offsets) {
    int n = tokens.size();
    if (tokens.start(0) != 0 || tokens.end(n - 1) != offsets.length()) {
      return false;
    }
    for (int t = 1; t < n; t++) {
      int gap = tokens.end(t - 1);
      if (tokens.start(t) != gap + 1 || text.charAt(offsets.toUtf16(gap)) != ' ') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text[from, to)} holds whitespace, as {@link Character#isWhitespace} says. */
  private static boolean hasSpace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      // A surrogate is never whitespace, and no supplementary code point is.
      if (c <= ' ' ? Character.isWhitespace(c) : c >= 0x80 && Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> tags(
      DatasetEntry entry,
      TextItem item,
      Tokenization tokens,
      TagScheme scheme,
      ConversionContext context) {
    Optional<Annotation> annotation = Texts.first(entry, context, "CoNLL");
    List<SpanValue> spans = new ArrayList<>();
    if (annotation.isPresent()) {
      for (Result result : annotation.get().results()) {
        if (result.value() instanceof SpanValue span) {
          spans.add(span);
        } else {
          context.lose(
              LossObject.item(item.id()).withAnnotation(result.id()),
              "result dropped",
              "CoNLL holds entity spans, not " + result.value().kind().jsonName() + " results");
        }
      }
    }
    AlignedSpans aligned =
        SpanBridge.toTokens(tokens, spans, Texts.alignment(context.options()), false);
    Texts.report(aligned.problems(), item.id(), context, "CoNLL");
    context.wrote(0, aligned.spans().size());
    return TagSequences.encode(aligned.spans(), tokens.size(), scheme);
  }
}
