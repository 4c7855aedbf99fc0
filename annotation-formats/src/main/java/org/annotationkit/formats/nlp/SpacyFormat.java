package org.annotationkit.formats.nlp;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.Label;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.LossObject;
import tools.jackson.core.JsonGenerator;

/**
 * spaCy training data, {@code spacy}: {@code [text, {"entities": [[start, end, label], ...]}]}
 * pairs (a JSON array of them, or one per line) and JSON Lines records {@code {"text": ...,
 * "entities": [...], "spans": {...}, "cats": {...}}}; the binary DocBin is out of scope.
 *
 * <p>Offsets are code points, end exclusive. {@code entities} (as {@code [start, end, label]} or
 * {@code {"start", "end", "label"}}) become spans of the field {@code entities}; {@code spans}
 * (span groups, which may overlap) as {@code {"key": [[start, end, label], ...]}} spans of the
 * field {@code key}, or as a list spans of the field {@code spans}; {@code cats} the labels scored
 * 0.5 or more, as a multiple choice of the field {@code categories}. Items are {@code id} of a
 * record, else its 1-based number; the annotator is {@code spacy}.
 *
 * <p>Writing ({@code layout=jsonl}, the default, or {@code layout=json} for an array of pairs): the
 * spans of the field {@code entities} go to {@code entities}, which cannot overlap (spaCy raises
 * E103): of overlapping ones the longest is kept and each other reported; spans of other fields go
 * to {@code spans} under their field's name; choices go to {@code cats}, 1.0 for a label chosen and
 * 0.0 for the field's other labels. One annotation per text: the first that was not rejected.
 *
 * @since 0.1.0
 */
public final class SpacyFormat extends FileFormat {
  static final String ENTITIES = "entities";
  static final String CATEGORIES = "categories";
  private static final Pattern PAIR_START = Pattern.compile("^\\[\\s*(\\[\\s*)?\"");

  private static final List<FormatOption> OPTIONS =
      List.of(
          FormatOption.of(
              "layout",
              "what is written: jsonl (the default, one record per line) or json (an array of"
                  + " [text, annotations] pairs)",
              "jsonl",
              "json"));

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public SpacyFormat() {
    super(
        "spacy",
        "spaCy training data: [text, {entities}] pairs (JSON) or JSON Lines with spans and cats",
        OPTIONS,
        jsonRecords("spacy", true, SpacyFormat::convert),
        SpacyFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, false, PAIR_START, Detection.POSSIBLE);
  }

  static List<DatasetEntry> convert(Node record, int index, ConversionContext context) {
    String text;
    Node annotations;
    String id = Integer.toString(index);
    if (record.isArray()) {
      List<Node> pair = record.elements();
      if (pair.size() != 2) {
        throw record.error("expected a pair [text, {\"entities\": [...]}]");
      }
      text = pair.get(0).string();
      annotations = pair.get(1);
      if (!annotations.isObject()) {
        throw annotations.error("expected an object of annotations");
      }
    } else {
      text = record.need("text").string();
      annotations = record;
      Optional<Node> given = record.get("id");
      if (given.isPresent()) {
        id = given.get().id();
      }
    }
    TextOffsets offsets = TextOffsets.of(text);
    Annotation.Builder annotation = Annotation.builder(id, id, "spacy");
    int[] count = {0};
    Optional<Node> entities = annotations.get("entities");
    if (entities.isPresent()) {
      for (Node span : entities.get().elements()) {
        annotation.result("e" + ++count[0], ENTITIES, span(span, offsets));
      }
    }
    Optional<Node> spans = annotations.get("spans");
    if (spans.isPresent()) {
      if (spans.get().isArray()) {
        for (Node span : spans.get().elements()) {
          annotation.result("e" + ++count[0], "spans", span(span, offsets));
        }
      } else {
        for (Map.Entry<String, Node> group : spans.get().members().entrySet()) {
          for (Node span : group.getValue().elements()) {
            annotation.result("e" + ++count[0], group.getKey(), span(span, offsets));
          }
        }
      }
    }
    Optional<Node> cats = annotations.get("cats");
    if (cats.isPresent()) {
      List<String> chosen = new ArrayList<>();
      for (Map.Entry<String, Node> cat : cats.get().members().entrySet()) {
        if (cat.getValue().number() >= 0.5) {
          chosen.add(cat.getKey());
        }
      }
      if (!chosen.isEmpty()) {
        annotation.result("c", CATEGORIES, new MultipleChoiceValue(chosen));
      }
    }
    return List.of(Texts.entry(new TextItem(id, text), annotation));
  }

  /** {@code [start, end, label]} or {@code {"start", "end", "label"}}. */
  static SpanValue span(Node span, TextOffsets offsets) {
    if (span.isArray()) {
      List<Node> parts = span.elements();
      if (parts.size() < 3) {
        throw span.error("expected [start, end, label]");
      }
      return Texts.span(
          span, offsets, parts.get(2).string(), parts.get(0).integer(), parts.get(1).integer());
    }
    return Texts.span(
        span,
        offsets,
        span.need("label").string(),
        span.need("start").integer(),
        span.need("end").integer());
  }

  // ------------------------------------------------------------------ writing

  private static void write(DatasetSource given, Path output, ConversionContext context) {
    DatasetSource source = Texts.grouped(given);
    boolean pairs = context.options().value("layout", "jsonl").equals("json");
    Writer out = Texts.utf8(output);
    boolean first = true;
    if (pairs) {
      Texts.raw(out, "[");
    }
    while (source.hasNext()) {
      DatasetEntry entry = source.next();
      Optional<TextItem> item = Texts.text(entry, context, "spaCy");
      if (item.isEmpty()) {
        continue;
      }
      Optional<Annotation> annotation = Texts.first(entry, context, "spaCy");
      String json = record(item.get(), annotation, source, pairs, context);
      if (pairs) {
        Texts.raw(out, first ? "\n" : ",\n");
        Texts.raw(out, json);
      } else {
        Texts.line(out, json);
      }
      first = false;
      context.wrote(1, annotation.isPresent() ? 1 : 0);
    }
    if (pairs) {
      Texts.raw(out, first ? "]\n" : "\n]\n");
    }
    Texts.close(out, output);
  }

  private static String record(
      TextItem item,
      Optional<Annotation> annotation,
      DatasetSource source,
      boolean pairs,
      ConversionContext context) {
    List<SpanValue> entities = new ArrayList<>();
    Map<String, List<SpanValue>> groups = new LinkedHashMap<>();
    Map<String, Double> cats = new LinkedHashMap<>();
    if (annotation.isPresent()) {
      for (Result result : annotation.get().results()) {
        switch (result.value()) {
          case SpanValue span when result.field().equals(ENTITIES) -> entities.add(span);
          case SpanValue span ->
              groups.computeIfAbsent(result.field(), f -> new ArrayList<>()).add(span);
          case ChoiceValue choice -> choose(cats, source, result.field(), List.of(choice.label()));
          case MultipleChoiceValue choices ->
              choose(cats, source, result.field(), choices.labels());
          default ->
              context.lose(
                  LossObject.item(item.id()).withAnnotation(result.id()),
                  "result dropped",
                  "spaCy training data holds spans and categories, not "
                      + result.value().kind().jsonName()
                      + " results");
        }
      }
    }
    List<SpanValue> kept = withoutOverlaps(entities, item.id(), context);
    return Node.json(out -> {
      if (pairs) {
        out.writeStartArray();
        out.writeString(item.text());
        out.writeStartObject();
      } else {
        out.writeStartObject();
        out.writeName("text");
        out.writeString(item.text());
      }
      out.writeName("entities");
      writeSpans(out, kept);
      if (!groups.isEmpty()) {
        out.writeName("spans");
        out.writeStartObject();
        for (Map.Entry<String, List<SpanValue>> group : groups.entrySet()) {
          out.writeName(group.getKey());
          writeSpans(out, group.getValue());
        }
        out.writeEndObject();
      }
      if (!cats.isEmpty()) {
        out.writeName("cats");
        out.writeStartObject();
        for (Map.Entry<String, Double> cat : cats.entrySet()) {
          out.writeName(cat.getKey());
          out.writeNumber(cat.getValue());
        }
        out.writeEndObject();
      }
      out.writeEndObject();
      if (pairs) {
        out.writeEndArray();
      }
    });
  }

  private static void choose(
      Map<String, Double> cats, DatasetSource source, String field, List<String> chosen) {
    Optional<Field> declared = source.schema().field(field);
    if (declared.isPresent()) {
      for (Label label : declared.get().labels().all()) {
        cats.putIfAbsent(label.name(), 0.0);
      }
    }
    for (String label : chosen) {
      cats.put(label, 1.0);
    }
  }

  static void writeSpans(JsonGenerator out, List<SpanValue> spans) {
    out.writeStartArray();
    for (SpanValue span : spans) {
      out.writeStartArray();
      out.writeNumber(span.start());
      out.writeNumber(span.end());
      out.writeString(span.label());
      out.writeEndArray();
    }
    out.writeEndArray();
  }

  /**
   * The spans with no two overlapping: the longest kept (on a tie, the first), each other reported;
   * in the order of their starts.
   */
  static List<SpanValue> withoutOverlaps(
      List<SpanValue> spans, String itemId, ConversionContext context) {
    List<SpanValue> order = new ArrayList<>(spans);
    order.sort(
        Comparator.<SpanValue>comparingInt(s -> s.start() - s.end())
            .thenComparingInt(SpanValue::start));
    List<SpanValue> kept = new ArrayList<>();
    for (SpanValue span : order) {
      Optional<SpanValue> conflict =
          kept.stream().filter(k -> k.start() < span.end() && span.start() < k.end()).findFirst();
      if (conflict.isPresent()) {
        SpanValue k = conflict.get();
        context.lose(
            LossObject.item(itemId).withSpan(span.start(), span.end()),
            "overlapping span dropped",
            "spaCy entities cannot overlap; the longer "
                + k.label()
                + " span ["
                + k.start()
                + ", "
                + k.end()
                + ") is kept");
      } else {
        kept.add(span);
      }
    }
    kept.sort(Comparator.comparingInt(SpanValue::start).thenComparingInt(SpanValue::end));
    return kept;
  }
}
