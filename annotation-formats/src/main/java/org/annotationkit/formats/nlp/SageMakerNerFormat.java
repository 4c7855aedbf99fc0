package org.annotationkit.formats.nlp;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * SageMaker Ground Truth named-entity output manifests, {@code sagemaker-ner} (read only): JSON
 * Lines, one text per line, {@code {"source": text, "<label-attribute>": {"annotations":
 * {"entities": [{"label", "startOffset", "endOffset"}], "labels": [...]}},
 * "<label-attribute>-metadata": {"type": "groundtruth/text-span", "creation-date", ...}}}.
 *
 * <p>The label attribute is the key whose {@code -metadata} companion has the type {@code
 * groundtruth/text-span} (else the first object holding {@code annotations.entities}). Each line is
 * a text item (its 1-based line number as id) with one annotation (annotator: the label attribute,
 * created at {@code creation-date}) of spans in the field {@code entities}, offsets read as code
 * points. A line whose text is only in S3 ({@code source-ref}) is skipped and reported.
 *
 * @since 0.1.0
 */
public final class SageMakerNerFormat extends FileFormat {
  private static final Pattern TEXT_SPAN = Pattern.compile("\"groundtruth/text-span\"");

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public SageMakerNerFormat() {
    super(
        "sagemaker-ner",
        "SageMaker Ground Truth named-entity output manifests (read)",
        List.of(),
        jsonRecords("sagemaker-ner", true, SageMakerNerFormat::convert),
        null);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, false, TEXT_SPAN, Detection.CERTAIN);
  }

  static List<DatasetEntry> convert(Node record, int index, ConversionContext context) {
    if (!record.isObject()) {
      throw record.error("expected a manifest line (a JSON object)");
    }
    String id = Integer.toString(index);
    Optional<Node> source = record.get("source");
    if (source.isEmpty()) {
      if (record.get("source-ref").isPresent()) {
        context.lose(
            LossObject.line(record.line()),
            "line skipped",
            "the text is in S3 (source-ref), which is not fetched; give the text inline as source");
        return List.of();
      }
      throw record.error("the member \"source\" is missing");
    }
    String text = source.get().string();
    Map<String, Node> members = record.members();
    String attribute = null;
    for (Map.Entry<String, Node> member : members.entrySet()) {
      Node metadata = members.get(member.getKey() + "-metadata");
      if (member.getValue().isObject()
          && metadata != null
          && metadata.isObject()
          && metadata
              .get("type")
              .filter(Node::isString)
              .map(Node::string)
              .orElse("")
              .equals("groundtruth/text-span")) {
        attribute = member.getKey();
        break;
      }
    }
    if (attribute == null) {
      for (Map.Entry<String, Node> member : members.entrySet()) {
        if (member.getValue().isObject()
            && member
                .getValue()
                .get("annotations")
                .filter(Node::isObject)
                .flatMap(a -> a.get("entities"))
                .isPresent()) {
          attribute = member.getKey();
          break;
        }
      }
    }
    if (attribute == null) {
      throw record.error("no label attribute with annotations.entities on this line");
    }
    TextOffsets offsets = TextOffsets.of(text);
    Annotation.Builder annotation = Annotation.builder(id, id, attribute);
    Node metadata = members.get(attribute + "-metadata");
    if (metadata != null && metadata.isObject()) {
      Optional<Node> created = metadata.get("creation-date");
      if (created.isPresent() && created.get().isString()) {
        String date = created.get().string();
        try {
          annotation.createdAt(
              Instant.parse(date.endsWith("Z") || date.contains("+") ? date : date + "Z"));
        } catch (DateTimeParseException e) {
          context.lose(
              LossObject.line(record.line()).withItem(id),
              "creation date dropped",
              "'" + date + "' is not an ISO-8601 date and time");
        }
      }
    }
    Node entities =
        java.util.Objects.requireNonNull(members.get(attribute))
            .need("annotations")
            .need("entities");
    int n = 0;
    for (Node entity : entities.elements()) {
      annotation.result(
          "e" + ++n,
          SpacyFormat.ENTITIES,
          Texts.span(
              entity,
              offsets,
              entity.need("label").string(),
              entity.need("startOffset").integer(),
              entity.need("endOffset").integer()));
    }
    return List.of(Texts.entry(new TextItem(id, text), annotation));
  }
}
