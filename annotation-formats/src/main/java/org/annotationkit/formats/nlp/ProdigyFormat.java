package org.annotationkit.formats.nlp;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.text.AlignedSpans;
import org.annotationkit.formats.text.SpanBridge;
import org.annotationkit.formats.text.TokenSpan;
import org.annotationkit.formats.text.Tokenization;

/**
 * Prodigy JSON Lines ({@code prodigy db-out}), {@code prodigy}: {@code {"text", "tokens": [{text,
 * start, end, id, ws}], "spans": [{start, end, label, token_start, token_end}], "answer",
 * "_input_hash", "_task_hash"}}, where {@code token_end} is the index of the span's last token
 * (inclusive); and classification tasks ({@code "label"} with an answer, or the choice interface's
 * {@code "accept": [...]}).
 *
 * <h2>Reading</h2>
 *
 * One entry per line, not grouped: the item is the input ({@code _input_hash}, else the line's
 * number; its tokens kept in the {@code tokens} metadata), the annotation the task ({@code
 * _task_hash}, made unique with {@code #2}, {@code #3}... when several annotators answered it; the
 * annotator is {@code _annotator_id}, else {@code _session_id}, else {@code prodigy}). Answers are
 * kept apart: {@code accept} gives an annotation in review state {@code ACCEPTED}, {@code reject}
 * one in state {@code REJECTED} (which the other writers of this package skip and report), {@code
 * ignore} no annotation, reported. Spans go to the field {@code entities}; a span whose token
 * indices disagree with its offsets is reported (its offsets are kept). Classification labels go to
 * {@code categories}.
 *
 * <p>Prodigy's {@code _input_hash} identifies the input and {@code _task_hash} the question asked
 * about it (Prodigy's docs, "Loaders and input data: hashing"): records that share an input hash
 * are several answers about one input, so they become one item with several annotations, wherever
 * they stand in the file. The first record of an input gives the item (its text and tokens); a
 * later record of the same hash with another text is an error, one with other tokens is reported
 * and read against the item's tokens. The reader keeps one item per input hash to tell this, so its
 * memory grows with the number of inputs, not of answers.
 *
 * <h2>Writing</h2>
 *
 * One line per annotation, rejected ones included ({@code "answer": "reject"}), one line without
 * answer for a text without annotations; tokens from the item or the {@code tokenizer} option,
 * spans aligned to them (option {@code alignment}, each change reported), overlaps kept (as {@code
 * spans_manual} allows). The hashes are written back when the ids are integers.
 *
 * @since 0.1.0
 */
public final class ProdigyFormat extends FileFormat {
  private static final Pattern PRODIGY_KEYS =
      Pattern.compile("\"(_input_hash|_task_hash|answer)\"");

  private static final List<FormatOption> OPTIONS =
      List.of(Texts.TOKENIZER_OPTION, Texts.ALIGNMENT_OPTION);

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public ProdigyFormat() {
    super(
        "prodigy",
        "Prodigy JSON Lines: tokens, spans with inclusive token_end, accept/reject/ignore answers",
        OPTIONS,
        (input, context) ->
            TwoPass.open(
                "prodigy",
                false,
                pass -> {
                  Set<String> seen = new HashSet<>();
                  Map<String, Input> inputs = new HashMap<>();
                  return new JsonRecords(input, pass, (r, i, c) -> convert(r, i, c, seen, inputs));
                },
                context),
        ProdigyFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, true, PRODIGY_KEYS, Detection.CERTAIN);
  }

  /**
   * The item an input hash was first read as, and the line of that record.
   *
   * @param item the item
   * @param line the line of the record that first gave it
   */
  record Input(TextItem item, long line) {}

  static List<DatasetEntry> convert(
      Node record,
      int index,
      ConversionContext context,
      Set<String> seen,
      Map<String, Input> inputs) {
    if (!record.isObject()) {
      throw record.error("expected a Prodigy task (a JSON object)");
    }
    Node textNode = record.need("text");
    String text = textNode.string();
    Optional<Node> inputHash = record.get("_input_hash");
    String itemId = inputHash.map(Node::id).orElse(Integer.toString(index));
    Optional<Tokenization> tokens = tokens(record, text);
    TextItem item =
        new TextItem(
            itemId,
            text,
            Optional.empty(),
            tokens.map(t -> Map.of(Texts.TOKENS, Texts.ranges(t))).orElse(Map.of()));
    Input first = inputHash.isEmpty() ? null : inputs.get(itemId);
    if (first == null) {
      if (inputHash.isPresent()) {
        inputs.put(itemId, new Input(item, record.line()));
      }
    } else {
      // Prodigy hashes the input (the text, or the image), so records of one _input_hash are
      // answers about one input: one item, whatever question each task asked about it.
      TextItem known = first.item();
      if (!known.text().equals(text)) {
        throw textNode.error(
            "the _input_hash "
                + itemId
                + " was given to another text on line "
                + first.line()
                + "; records of one input hash hold one text");
      }
      if (tokens.isPresent() && !known.metadata().equals(item.metadata())) {
        context.lose(
            LossObject.line(record.line()).withItem(itemId),
            "tokens differ from the input's",
            "this record's tokens are not those of line "
                + first.line()
                + ", which first gave the input "
                + itemId
                + "; the item keeps those, this record's spans keep their offsets");
      }
      item = known;
      tokens =
          Optional.ofNullable(known.metadata().get(Texts.TOKENS))
              .flatMap(ranges -> Texts.ranges(text, ranges));
    }
    TextOffsets offsets = TextOffsets.of(text);
    ReviewState state = ReviewState.UNREVIEWED;
    Optional<Node> answer = record.get("answer");
    if (answer.isPresent()) {
      switch (answer.get().string()) {
        case "accept" -> state = ReviewState.ACCEPTED;
        case "reject" -> state = ReviewState.REJECTED;
        case "ignore" -> {
          context.lose(
              LossObject.line(record.line()).withItem(itemId),
              "ignored answer skipped",
              "the annotator ignored this task; it gives no annotation");
          return List.of(DatasetEntry.of(item));
        }
        default -> throw answer.get().error("expected accept, reject or ignore");
      }
    }
    String taskId = record.get("_task_hash").map(Node::id).orElse(Integer.toString(index));
    String annotationId = taskId;
    for (int k = 2; !seen.add(annotationId); k++) {
      annotationId = taskId + "#" + k;
    }
    String annotator =
        record
            .get("_annotator_id")
            .or(() -> record.get("_session_id"))
            .map(Node::id)
            .orElse("prodigy");
    Annotation.Builder annotation =
        Annotation.builder(annotationId, itemId, annotator).reviewState(state);
    Optional<Node> spans = record.get("spans");
    if (spans.isPresent()) {
      int n = 0;
      for (Node span : spans.get().elements()) {
        SpanValue value = SpacyFormat.span(span, offsets);
        if (tokens.isPresent()) {
          checkTokens(span, value, tokens.get(), record.line(), itemId, context);
        }
        annotation.result("s" + ++n, SpacyFormat.ENTITIES, value);
      }
    }
    List<String> categories = new ArrayList<>();
    Optional<Node> label = record.get("label");
    if (label.isPresent()) {
      categories.add(label.get().string());
    }
    Optional<Node> accept = record.get("accept");
    if (accept.isPresent()) {
      for (Node chosen : accept.get().elements()) {
        categories.add(chosen.id());
      }
    }
    if (!categories.isEmpty()) {
      annotation.result("c", SpacyFormat.CATEGORIES, new MultipleChoiceValue(categories));
    }
    return List.of(Texts.entry(item, annotation));
  }

  /** The record's own tokens, if it lists them. */
  private static Optional<Tokenization> tokens(Node record, String text) {
    Optional<Node> tokenList = record.get("tokens");
    if (tokenList.isEmpty()) {
      return Optional.empty();
    }
    List<Node> elements = tokenList.get().elements();
    int[] starts = new int[elements.size()];
    int[] ends = new int[elements.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = elements.get(i).need("start").integer();
      ends[i] = elements.get(i).need("end").integer();
    }
    try {
      return Optional.of(Tokenization.of(text, starts, ends));
    } catch (IllegalArgumentException e) {
      throw tokenList.get().error("the tokens do not tile the text: " + e.getMessage());
    }
  }

  private static void checkTokens(
      Node span,
      SpanValue value,
      Tokenization tokens,
      long line,
      String itemId,
      ConversionContext context) {
    Optional<Node> first = span.get("token_start");
    Optional<Node> last = span.get("token_end");
    if (first.isEmpty() || last.isEmpty()) {
      return;
    }
    int from = first.get().integer();
    int to = last.get().integer();
    boolean agrees =
        from >= 0
            && to >= from
            && to < tokens.size()
            && tokens.start(from) == value.start()
            && tokens.end(to) == value.end();
    if (!agrees) {
      context.lose(
          LossObject.line(line).withItem(itemId).withSpan(value.start(), value.end()),
          "span tokens disagree with its offsets",
          "token_start "
              + from
              + " and token_end "
              + to
              + " (inclusive) are not the tokens of ["
              + value.start()
              + ", "
              + value.end()
              + "); the offsets are kept");
    }
  }

  // ------------------------------------------------------------------ writing

  private static void write(DatasetSource given, Path output, ConversionContext context) {
    DatasetSource source = Texts.grouped(given);
    Writer out = Texts.utf8(output);
    while (source.hasNext()) {
      DatasetEntry entry = source.next();
      Optional<TextItem> text = Texts.text(entry, context, "Prodigy");
      if (text.isEmpty()) {
        continue;
      }
      TextItem item = text.get();
      Tokenization tokens = Texts.tokens(item, context.options());
      if (entry.annotations().isEmpty()) {
        Texts.line(out, record(item, tokens, Optional.empty(), context));
      }
      for (Annotation annotation : entry.annotations()) {
        Texts.line(out, record(item, tokens, Optional.of(annotation), context));
      }
      context.wrote(1, entry.annotations().size());
    }
    Texts.close(out, output);
  }

  private static String record(
      TextItem item,
      Tokenization tokens,
      Optional<Annotation> annotation,
      ConversionContext context) {
    Texts.Parts parts =
        Texts.parts(
            item, annotation, context, false, "Prodigy tasks here hold spans and categories");
    List<SpanValue> spans = new ArrayList<>();
    for (Result result : parts.spans()) {
      spans.add((SpanValue) result.value());
    }
    List<String> categories = parts.categories();
    AlignedSpans aligned =
        SpanBridge.toTokens(tokens, spans, Texts.alignment(context.options()), true);
    Texts.report(aligned.problems(), item.id(), context, "Prodigy");
    String text = item.text();
    TextOffsets offsets = tokens.offsets();
    return Node.json(out -> {
      out.writeStartObject();
      out.writeName("text");
      out.writeString(text);
      out.writeName("tokens");
      out.writeStartArray();
      for (int t = 0; t < tokens.size(); t++) {
        int end = tokens.end(t);
        boolean ws =
            end < offsets.length()
                && Character.isWhitespace(text.codePointAt(offsets.toUtf16(end)));
        out.writeStartObject();
        out.writeName("text");
        out.writeString(tokens.token(t));
        out.writeName("start");
        out.writeNumber(tokens.start(t));
        out.writeName("end");
        out.writeNumber(end);
        out.writeName("id");
        out.writeNumber(t);
        out.writeName("ws");
        out.writeBoolean(ws);
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeName("spans");
      out.writeStartArray();
      for (TokenSpan span : aligned.spans()) {
        out.writeStartObject();
        out.writeName("start");
        out.writeNumber(tokens.start(span.start()));
        out.writeName("end");
        out.writeNumber(tokens.end(span.end() - 1));
        out.writeName("token_start");
        out.writeNumber(span.start());
        out.writeName("token_end");
        out.writeNumber(span.end() - 1);
        out.writeName("label");
        out.writeString(span.label());
        out.writeEndObject();
      }
      out.writeEndArray();
      if (!categories.isEmpty()) {
        out.writeName("accept");
        out.writeStartArray();
        for (String category : categories) {
          out.writeString(category);
        }
        out.writeEndArray();
      }
      if (item.id().matches("-?[0-9]{1,18}")) {
        out.writeName("_input_hash");
        out.writeNumber(Long.parseLong(item.id()));
      }
      if (annotation.isPresent()) {
        Annotation a = annotation.get();
        String task = a.id().contains("#") ? a.id().substring(0, a.id().indexOf('#')) : a.id();
        if (task.matches("-?[0-9]{1,18}")) {
          out.writeName("_task_hash");
          out.writeNumber(Long.parseLong(task));
        }
        out.writeName("answer");
        out.writeString(a.reviewState() == ReviewState.REJECTED ? "reject" : "accept");
        if (!a.annotatorId().equals("prodigy")) {
          out.writeName("_annotator_id");
          out.writeString(a.annotatorId());
        }
      }
      out.writeEndObject();
    });
  }
}
