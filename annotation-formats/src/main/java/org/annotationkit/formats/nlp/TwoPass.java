package org.annotationkit.formats.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;

/**
 * A dataset source over a file whose labels are only known once it has all been read (every format
 * of this package: none declares its labels up front). A first pass reads the whole input and keeps
 * only the fields and labels it meets, in the order of first appearance; the second pass streams
 * the entries. Memory is that of one entry and the label sets, whatever the input's size.
 */
final class TwoPass {
  private TwoPass() {}

  /**
   * Opens a source: runs the first pass now (so malformed input fails here), and the second as the
   * caller reads.
   */
  static DatasetSource open(
      String schemaName, boolean grouped, EntryReader.Opener opener, ConversionContext context) {
    SchemaCollector schema = new SchemaCollector();
    try (EntryReader first = opener.open(ConversionContext.of(context.options(), 0))) {
      while (first.hasNext()) {
        schema.add(first.next());
      }
    }
    return new Source(schema.schema(schemaName), grouped, opener.open(context));
  }

  /**
   * Opens a source whose first pass is a lighter reading of its own, that only feeds the schema
   * (and fails on malformed input as the second would), without building entries.
   */
  static DatasetSource open(
      String schemaName,
      boolean grouped,
      SchemaPass firstPass,
      EntryReader.Opener opener,
      ConversionContext context) {
    SchemaCollector schema = new SchemaCollector();
    firstPass.run(ConversionContext.of(context.options(), 0), schema);
    return new Source(schema.schema(schemaName), grouped, opener.open(context));
  }

  /** A first pass that reads the whole input into a schema collector. */
  @FunctionalInterface
  interface SchemaPass {
    void run(ConversionContext context, SchemaCollector schema);
  }

  /** The fields of the results seen, with their labels in order of first appearance. */
  static final class SchemaCollector {
    private final Map<String, FieldKind> kinds = new LinkedHashMap<>();
    private final Map<String, Set<String>> labels = new LinkedHashMap<>();

    void add(DatasetEntry entry) {
      for (Annotation annotation : entry.annotations()) {
        for (Result result : annotation.results()) {
          add(result.field(), result.value());
        }
      }
    }

    /** Adds the label of a span result, as {@link #add(String, Value)} would of its value. */
    void addSpanLabel(String field, String label) {
      checkKind(field, FieldKind.SPAN);
      labels.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(label);
    }

    private void checkKind(String field, FieldKind kind) {
      FieldKind known = kinds.putIfAbsent(field, kind);
      if (known != null && known != kind) {
        throw new IllegalArgumentException(
            "field '"
                + field
                + "' holds both "
                + known.jsonName()
                + " and "
                + kind.jsonName()
                + " results");
      }
    }

    void add(String field, Value value) {
      checkKind(field, value.kind());
      Set<String> names = labels.computeIfAbsent(field, f -> new LinkedHashSet<>());
      switch (value) {
        case SpanValue span -> names.add(span.label());
        case ChoiceValue choice -> names.add(choice.label());
        case MultipleChoiceValue choices -> names.addAll(choices.labels());
        case TimeSegmentValue segment -> names.add(segment.label());
        case RelationValue relation -> relation.label().ifPresent(names::add);
        default -> {}
      }
    }

    Schema schema(String name) {
      List<Field> fields = new ArrayList<>();
      for (Map.Entry<String, FieldKind> field : kinds.entrySet()) {
        Field.Builder builder = Field.builder(field.getKey(), field.getValue());
        Set<String> names = labels.getOrDefault(field.getKey(), Set.of());
        if (field.getValue().usesLabels() && names.isEmpty()) {
          continue; // only empty multiple choices: nothing to declare
        }
        if (field.getValue().takesLabels() && !names.isEmpty()) {
          builder.labels(names.toArray(String[]::new));
        }
        fields.add(builder.build());
      }
      if (fields.isEmpty()) {
        fields.add(
            Field.builder("comment", FieldKind.FREE_TEXT)
                .description("placeholder: the input holds no annotations")
                .build());
      }
      return new Schema(name, fields, java.util.Optional.empty());
    }
  }

  private static final class Source implements DatasetSource {
    private final Schema schema;
    private final boolean grouped;
    private final EntryReader entries;

    Source(Schema schema, boolean grouped, EntryReader entries) {
      this.schema = schema;
      this.grouped = grouped;
      this.entries = entries;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public boolean grouped() {
      return grouped;
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public DatasetEntry next() {
      if (!entries.hasNext()) {
        throw new NoSuchElementException();
      }
      return entries.next();
    }

    @Override
    public void close() {
      entries.close();
    }
  }
}
