package org.annotationkit.formats.nlp;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * doccano JSON Lines exports, {@code doccano}: sequence labeling {@code {"id", "text", "label":
 * [[start, end, "LABEL"], ...]}} (older exports: {@code labels}), with relations {@code
 * {"entities": [{"id", "label", "start_offset", "end_offset"}], "relations": [{"id", "from_id",
 * "to_id", "type"}]}}, and text classification {@code {"text", "label": ["pos", ...]}}.
 *
 * <p>Offsets are code points (doccano PR 108), end exclusive; overlaps are kept. Spans go to the
 * field {@code entities}, relations (between the spans, by their ids) to {@code relations},
 * classification labels (and an intent-and-slots export's {@code cats}) to {@code categories} as a
 * multiple choice. Items are the record's {@code id} (else its 1-based number); the annotator is
 * {@code doccano}.
 *
 * <p>Writing: relations make the {@code entities} + {@code relations} layout; otherwise spans are
 * written as {@code label}, and categories as {@code label} when there are no spans, {@code cats}
 * when there are. One annotation per text: the first that was not rejected.
 *
 * @since 0.1.0
 */
public final class DoccanoFormat extends FileFormat {
  private static final Pattern DOCCANO_KEYS =
      Pattern.compile("\"(start_offset|end_offset)\"|\"label\"\\s*:\\s*\\[\\s*\\[");

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public DoccanoFormat() {
    super(
        "doccano",
        "doccano JSON Lines: sequence labeling (label or entities + relations), classification",
        List.of(),
        jsonRecords("doccano", true, DoccanoFormat::convert),
        DoccanoFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, true, DOCCANO_KEYS, Detection.POSSIBLE);
  }

  static List<DatasetEntry> convert(Node record, int index, ConversionContext context) {
    if (!record.isObject()) {
      throw record.error("expected a doccano record (a JSON object)");
    }
    String id = record.get("id").map(Node::id).orElse(Integer.toString(index));
    String text = record.get("text").orElseGet(() -> record.need("data")).string();
    TextOffsets offsets = TextOffsets.of(text);
    Annotation.Builder annotation = Annotation.builder(id, id, "doccano");
    List<String> categories = new ArrayList<>();
    int spans = 0;
    Optional<Node> label = record.get("label").or(() -> record.get("labels"));
    if (label.isPresent()) {
      for (Node element : label.get().elements()) {
        if (element.isString()) {
          categories.add(element.string());
        } else {
          List<Node> parts = element.elements();
          if (parts.size() < 3) {
            throw element.error("expected [start, end, label] or a label");
          }
          annotation.result(
              "s" + ++spans,
              SpacyFormat.ENTITIES,
              Texts.span(
                  element,
                  offsets,
                  parts.get(2).string(),
                  parts.get(0).integer(),
                  parts.get(1).integer()));
        }
      }
    }
    Map<String, String> entityIds = new HashMap<>();
    Optional<Node> entities = record.get("entities");
    if (entities.isPresent()) {
      for (Node entity : entities.get().elements()) {
        if (entity.isArray()) {
          annotation.result("s" + ++spans, SpacyFormat.ENTITIES, SpacyFormat.span(entity, offsets));
          continue;
        }
        String resultId = entity.get("id").map(n -> "e" + n.id()).orElse("s" + (spans + 1));
        spans++;
        if (entityIds.put(entity.get("id").map(Node::id).orElse(resultId), resultId) != null) {
          throw entity.error("two entities have the id " + resultId.substring(1));
        }
        annotation.result(
            resultId,
            SpacyFormat.ENTITIES,
            Texts.span(
                entity,
                offsets,
                entity.need("label").string(),
                entity.need("start_offset").integer(),
                entity.need("end_offset").integer()));
      }
    }
    Optional<Node> relations = record.get("relations");
    if (relations.isPresent()) {
      int count = 0;
      for (Node relation : relations.get().elements()) {
        count++;
        String from = relation.need("from_id").id();
        String to = relation.need("to_id").id();
        String fromResult = entityIds.get(from);
        String toResult = entityIds.get(to);
        if (fromResult == null || toResult == null) {
          throw relation.error(
              "the relation joins entity "
                  + (fromResult == null ? from : to)
                  + ", which the record does not have");
        }
        String type = relation.get("type").map(Node::string).orElse("");
        String relationId = relation.get("id").map(n -> "r" + n.id()).orElse("r-" + count);
        annotation.result(
            relationId,
            "relations",
            type.isEmpty()
                ? new RelationValue(fromResult, toResult)
                : new RelationValue(type, fromResult, toResult));
      }
    }
    Optional<Node> cats = record.get("cats");
    if (cats.isPresent()) {
      for (Node cat : cats.get().elements()) {
        categories.add(cat.string());
      }
    }
    if (!categories.isEmpty()) {
      annotation.result("c", SpacyFormat.CATEGORIES, new MultipleChoiceValue(categories));
    }
    return List.of(Texts.entry(new TextItem(id, text), annotation));
  }

  // ------------------------------------------------------------------ writing

  private static void write(DatasetSource given, Path output, ConversionContext context) {
    DatasetSource source = Texts.grouped(given);
    Writer out = Texts.utf8(output);
    while (source.hasNext()) {
      DatasetEntry entry = source.next();
      Optional<TextItem> item = Texts.text(entry, context, "doccano");
      if (item.isEmpty()) {
        continue;
      }
      Optional<Annotation> annotation = Texts.first(entry, context, "doccano");
      Texts.line(out, record(item.get(), annotation, context));
      context.wrote(1, annotation.isPresent() ? 1 : 0);
    }
    Texts.close(out, output);
  }

  private static String record(
      TextItem item, Optional<Annotation> annotation, ConversionContext context) {
    Texts.Parts parts =
        Texts.parts(
            item, annotation, context, true, "doccano holds spans, relations and categories");
    List<Result> spans = parts.spans();
    List<Result> relations = parts.relations();
    List<String> categories = parts.categories();
    Map<String, Integer> entityIds = new HashMap<>();
    for (int i = 0; i < spans.size(); i++) {
      entityIds.put(spans.get(i).id(), i + 1);
    }
    List<Result> writable = new ArrayList<>();
    for (Result relation : relations) {
      RelationValue value = (RelationValue) relation.value();
      if (entityIds.containsKey(value.from()) && entityIds.containsKey(value.to())) {
        writable.add(relation);
      } else {
        context.lose(
            LossObject.item(item.id()).withAnnotation(relation.id()),
            "relation dropped",
            "doccano relations join entities; " + relation.id() + " joins other regions");
      }
    }
    return Node.json(out -> {
      out.writeStartObject();
      out.writeName("id");
      if (item.id().matches("[1-9][0-9]{0,17}|0")) {
        out.writeNumber(Long.parseLong(item.id()));
      } else {
        out.writeString(item.id());
      }
      out.writeName("text");
      out.writeString(item.text());
      if (!writable.isEmpty()) {
        out.writeName("entities");
        out.writeStartArray();
        for (Result span : spans) {
          SpanValue value = (SpanValue) span.value();
          out.writeStartObject();
          out.writeName("id");
          out.writeNumber(entityIds.getOrDefault(span.id(), 0));
          out.writeName("label");
          out.writeString(value.label());
          out.writeName("start_offset");
          out.writeNumber(value.start());
          out.writeName("end_offset");
          out.writeNumber(value.end());
          out.writeEndObject();
        }
        out.writeEndArray();
        out.writeName("relations");
        out.writeStartArray();
        int n = 0;
        for (Result relation : writable) {
          RelationValue value = (RelationValue) relation.value();
          out.writeStartObject();
          out.writeName("id");
          out.writeNumber(++n);
          out.writeName("from_id");
          out.writeNumber(entityIds.getOrDefault(value.from(), 0));
          out.writeName("to_id");
          out.writeNumber(entityIds.getOrDefault(value.to(), 0));
          out.writeName("type");
          out.writeString(value.label().orElse(""));
          out.writeEndObject();
        }
        out.writeEndArray();
      } else if (!spans.isEmpty()) {
        out.writeName("label");
        SpacyFormat.writeSpans(out, spans.stream().map(r -> (SpanValue) r.value()).toList());
      }
      if (!categories.isEmpty() || (spans.isEmpty() && writable.isEmpty())) {
        out.writeName(spans.isEmpty() ? "label" : "cats");
        out.writeStartArray();
        for (String category : categories) {
          out.writeString(category);
        }
        out.writeEndArray();
      }
      out.writeEndObject();
    });
  }
}
