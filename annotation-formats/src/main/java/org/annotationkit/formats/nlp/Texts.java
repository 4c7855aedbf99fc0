package org.annotationkit.formats.nlp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.text.Alignment;
import org.annotationkit.formats.text.SpanProblem;
import org.annotationkit.formats.text.TokenSpan;
import org.annotationkit.formats.text.Tokenization;
import org.annotationkit.formats.text.Tokenizer;

/**
 * What the writers and readers of this package share: options, tokenization, chosen annotations.
 */
final class Texts {
  /**
   * Item metadata: the tokens of the text as {@code start:end} code point ranges, space separated.
   */
  static final String TOKENS = "tokens";

  /** Item metadata: the tokenizer that splits the text into its tokens ({@code whitespace}). */
  static final String TOKENIZER = "tokenizer";

  static final FormatOption TOKENIZER_OPTION =
      FormatOption.of(
          "tokenizer",
          "how raw text is split into tokens when a token format is written: words (the default:"
              + " punctuation, symbols and each CJK character are tokens of their own) or"
              + " whitespace; text read from a token format keeps its own tokens unless this is"
              + " given",
          "words",
          "whitespace");

  static final FormatOption ALIGNMENT_OPTION =
      FormatOption.of(
          "alignment",
          "what to do with a span whose ends are not token boundaries when tokens are written:"
              + " strict (the default: drop it), expand (to the tokens it touches) or contract (to"
              + " the tokens inside it); each such span is reported",
          "strict",
          "expand",
          "contract");

  private Texts() {}

  /** A grouped source: the given one, or everything it gives collected by item. */
  static DatasetSource grouped(DatasetSource source) {
    return source.grouped() ? source : Dataset.of(source).source();
  }

  /** The item as a text, or empty with the loss reported. */
  static Optional<TextItem> text(DatasetEntry entry, ConversionContext context, String format) {
    Item item = entry.item();
    if (item instanceof TextItem text) {
      return Optional.of(text);
    }
    context.lose(
        LossObject.item(item.id()),
        "item skipped",
        "a " + item.kind().jsonName() + " item has no place in " + format + ", which holds texts");
    return Optional.empty();
  }

  /** The annotations a writer writes: all but rejected ones, which are reported. */
  static List<Annotation> usable(DatasetEntry entry, ConversionContext context) {
    List<Annotation> out = new ArrayList<>(entry.annotations().size());
    for (Annotation annotation : entry.annotations()) {
      if (annotation.reviewState() == ReviewState.REJECTED) {
        context.lose(
            LossObject.item(annotation.itemId()).withAnnotation(annotation.id()),
            "rejected annotation skipped",
            "annotation " + annotation.id() + " was rejected; only accepted work is written");
      } else {
        out.add(annotation);
      }
    }
    return out;
  }

  /**
   * The one annotation a format that holds one per text writes: the first usable, the others
   * reported.
   */
  static Optional<Annotation> first(DatasetEntry entry, ConversionContext context, String format) {
    List<Annotation> usable = usable(entry, context);
    for (int i = 1; i < usable.size(); i++) {
      context.lose(
          LossObject.item(entry.item().id()).withAnnotation(usable.get(i).id()),
          "annotation dropped",
          format + " holds one annotation per text; annotation " + usable.get(0).id() + " kept");
    }
    return usable.isEmpty() ? Optional.empty() : Optional.of(usable.get(0));
  }

  /**
   * The results of the one annotation a span format writes, sorted by what such formats hold.
   *
   * @param spans the span results, in order
   * @param relations the relation results, in order (empty when the format holds none)
   * @param categories the labels of the choice results, in order
   */
  record Parts(List<Result> spans, List<Result> relations, List<String> categories) {}

  /**
   * Sorts an annotation's results into spans, relations (when the format holds them) and
   * categories; any other result is reported as dropped, with what the format holds.
   *
   * @param holds what the format holds, as the start of the loss's reason ("doccano holds spans,
   *     relations and categories")
   */
  static Parts parts(
      TextItem item,
      Optional<Annotation> annotation,
      ConversionContext context,
      boolean relations,
      String holds) {
    List<Result> spans = new ArrayList<>();
    List<Result> joined = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    if (annotation.isPresent()) {
      for (Result result : annotation.get().results()) {
        switch (result.value()) {
          case SpanValue span -> spans.add(result);
          case RelationValue relation when relations -> joined.add(result);
          case ChoiceValue choice -> categories.add(choice.label());
          case MultipleChoiceValue choices -> categories.addAll(choices.labels());
          default ->
              context.lose(
                  LossObject.item(item.id()).withAnnotation(result.id()),
                  "result dropped",
                  holds + ", not " + result.value().kind().jsonName() + " results");
        }
      }
    }
    return new Parts(List.copyOf(spans), List.copyOf(joined), List.copyOf(categories));
  }

  /**
   * The tokens of a text: by the {@code tokenizer} option when given, else the tokens the item
   * records ({@link #TOKENS}, {@link #TOKENIZER}), else words.
   */
  static Tokenization tokens(TextItem item, FormatOptions options) {
    Optional<String> named = options.value("tokenizer");
    if (named.isPresent()) {
      return Tokenizer.named(named.get()).tokenize(item.text());
    }
    String ranges = item.metadata().get(TOKENS);
    if (ranges != null) {
      Optional<Tokenization> given = ranges(item.text(), ranges);
      if (given.isPresent()) {
        return given.get();
      }
    }
    String tokenizer = item.metadata().get(TOKENIZER);
    if (tokenizer != null && tokenizer.equals("whitespace")) {
      return Tokenizer.WHITESPACE.tokenize(item.text());
    }
    return Tokenizer.WORDS.tokenize(item.text());
  }

  /** The tokenization that {@code start:end start:end ...} describes, if it is a valid one. */
  static Optional<Tokenization> ranges(String text, String ranges) {
    String[] parts = ranges.isEmpty() ? new String[0] : ranges.split(" ", -1);
    int[] starts = new int[parts.length];
    int[] ends = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        int colon = parts[i].indexOf(':');
        starts[i] = Integer.parseInt(parts[i], 0, colon, 10);
        ends[i] = Integer.parseInt(parts[i], colon + 1, parts[i].length(), 10);
      }
      return Optional.of(Tokenization.of(text, starts, ends));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** The {@code start:end ...} description of a tokenization. */
  static String ranges(Tokenization tokens) {
    StringBuilder out = new StringBuilder(tokens.size() * 6);
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(tokens.start(i)).append(':').append(tokens.end(i));
    }
    return out.toString();
  }

  static Alignment alignment(FormatOptions options) {
    return switch (options.value("alignment", "strict")) {
      case "expand" -> Alignment.EXPAND;
      case "contract" -> Alignment.CONTRACT;
      default -> Alignment.STRICT;
    };
  }

  /** Reports each span that did not carry over to tokens as it was. */
  static void report(
      List<SpanProblem> problems, String itemId, ConversionContext context, String format) {
    for (SpanProblem problem : problems) {
      LossObject object =
          LossObject.item(itemId).withSpan(problem.span().start(), problem.span().end());
      String label = problem.span().label();
      switch (problem.kind()) {
        case MISALIGNED ->
            context.lose(
                object,
                "span not on token boundaries dropped",
                label
                    + " span does not start and end where tokens do (option alignment=expand or"
                    + " contract keeps it)");
        case EXPANDED ->
            context.lose(
                object,
                "span expanded to tokens",
                label + " span widened to tokens " + show(problem.result().orElseThrow()));
        case CONTRACTED ->
            context.lose(
                object,
                "span contracted to tokens",
                label + " span narrowed to tokens " + show(problem.result().orElseThrow()));
        case NO_TOKEN ->
            context.lose(
                object, "span without a token dropped", label + " span covers no whole token");
        case OUTSIDE_TEXT ->
            context.lose(object, "span outside the text dropped", label + " span leaves the text");
        case OVERLAPS ->
            context.lose(
                object,
                "overlapping span dropped",
                format
                    + " cannot hold overlapping spans; the longer "
                    + problem
                        .keptInstead()
                        .map(k -> k.label() + " span at tokens " + show(k))
                        .orElse("span")
                    + " is kept");
      }
    }
  }

  private static String show(TokenSpan span) {
    return "[" + span.start() + ", " + span.end() + ")";
  }

  /** A buffered UTF-8 writer over a new file that refuses unpaired surrogates. */
  static Writer utf8(Path file) {
    try {
      OutputStream out = Files.newOutputStream(file);
      return new BufferedWriter(
          new OutputStreamWriter(
              out,
              StandardCharsets.UTF_8
                  .newEncoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)),
          1 << 16);
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  static UncheckedIOException failed(Path file, IOException e) {
    return new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
  }

  /**
   * A span read from a record, checked against its text: in code points, end exclusive, inside the
   * text; its covered text recorded.
   */
  static SpanValue span(Node where, TextOffsets offsets, String label, int start, int end) {
    if (label.isEmpty()) {
      throw where.error("the span's label is empty");
    }
    if (start < 0 || end < start) {
      throw where.error("the span [" + start + ", " + end + ") has a negative length or start");
    }
    if (end > offsets.length()) {
      throw where.error(
          "the span ["
              + start
              + ", "
              + end
              + ") leaves the text of "
              + offsets.length()
              + " code points");
    }
    return new SpanValue(label, start, end, Optional.of(offsets.substring(start, end)));
  }

  /** An entry of one item with one annotation of the given results, or none when empty. */
  static DatasetEntry entry(Item item, Annotation.Builder annotation) {
    return new DatasetEntry(item, List.of(annotation.build()));
  }

  /** Writes one line. */
  static void line(Writer out, String json) {
    try {
      out.write(json);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write: " + IoMessages.reason(e), e);
    }
  }

  /** Writes text as it is. */
  static void raw(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write: " + IoMessages.reason(e), e);
    }
  }

  /** Closes a writer of a file. */
  static void close(Writer out, Path file) {
    try {
      out.close();
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  /** The format exception for a line of a line-based input. */
  static FormatException at(String source, long line, String problem) {
    return FormatException.at(problem, FormatException.Location.of(source, line, 0));
  }
}
