package org.annotationkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;

/**
 * A labeling interface: the named fields an annotator fills in for each item, such as a box field
 * of object categories, or a preference, a ranking and a rating of model outputs.
 *
 * @param name the schema's name: non-empty, no leading or trailing whitespace, no control
 *     characters
 * @param fields the fields, in display order: at least one, no two with the same name
 * @param description what the labeling is for, as shown to annotators
 * @since 0.1.0
 */
public record Schema(String name, List<Field> fields, Optional<String> description) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException naming the schema when it has no field, or the field when two
   *     share a name
   */
  public Schema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(description, "description");
    Require.validName(name, "schema name");
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(
          "schema " + Require.quote(name) + " must have at least one field");
    }
    Require.unique(
        fields,
        Field::name,
        field ->
            "schema " + Require.quote(name) + ": field " + Require.quote(field) + " appears twice");
  }

  /**
   * A schema of the given fields, without description.
   *
   * @param name the schema's name
   * @param fields the fields, in display order
   * @return the schema
   */
  public static Schema of(String name, Field... fields) {
    Objects.requireNonNull(fields, "fields");
    return new Schema(name, List.of(fields), Optional.empty());
  }

  /**
   * A copy of this schema with the given description.
   *
   * @param description what the labeling is for
   * @return the copy
   */
  public Schema withDescription(String description) {
    Objects.requireNonNull(description, "description");
    return new Schema(name, fields, Optional.of(description));
  }

  /**
   * Finds a field by name.
   *
   * @param name the field's name
   * @return the field, or empty when the schema has no field of that name
   */
  public Optional<Field> field(String name) {
    Objects.requireNonNull(name, "name");
    for (Field field : fields) {
      if (field.name().equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
