package org.annotationkit.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annotationkit.core.internal.Hints;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Skeleton;
import org.jspecify.annotations.Nullable;

/** What the validator looks up for one field, computed once when the validator is made. */
final class FieldRules {
  final Field field;
  final FieldKind kind;

  /** The field's position in its schema. */
  final int position;

  /** The field's name, quoted for messages. */
  final String quotedName;

  /** Every label name of the field's label tree, in depth-first pre-order. */
  final Set<String> labels;

  /** The label names, listed for messages. */
  final String labelListing;

  /** The attributes of each label that has any; labels without attributes are absent. */
  private final Map<String, LabelAttributes> attributesByLabel;

  /** The point names of a keypoints field's skeleton; empty for other kinds. */
  final Set<String> skeletonPoints;

  /** The skeleton's point names, listed for messages. */
  final String skeletonListing;

  FieldRules(Field field, int position) {
    this.field = field;
    this.kind = field.kind();
    this.position = position;
    this.quotedName = Require.quote(field.name());
    Set<String> names = new LinkedHashSet<>();
    Map<String, LabelAttributes> attributes = new HashMap<>();
    for (Label label : field.labels().all()) {
      names.add(label.name());
      if (!label.attributes().isEmpty()) {
        attributes.put(label.name(), new LabelAttributes(label.attributes()));
      }
    }
    this.labels = Collections.unmodifiableSet(names);
    this.labelListing = Hints.bareListing(names);
    this.attributesByLabel = Map.copyOf(attributes);
    Set<String> points =
        new LinkedHashSet<>(field.skeleton().map(Skeleton::points).orElse(List.of()));
    this.skeletonPoints = Collections.unmodifiableSet(points);
    this.skeletonListing = Hints.bareListing(points);
  }

  /** The attributes of a label, or {@link LabelAttributes#NONE} when it has none. */
  LabelAttributes attributes(String label) {
    LabelAttributes found = attributesByLabel.get(label);
    return found == null ? LabelAttributes.NONE : found;
  }

  /** The attribute specs of one label, by name, with the required ones and a listing. */
  static final class LabelAttributes {
    static final LabelAttributes NONE = new LabelAttributes(List.of());

    private final Map<String, AttributeSpec> byName;

    /** The required attributes, in the order the label declares them. */
    final List<AttributeSpec> required;

    /** The attribute names, listed for messages. */
    final String listing;

    LabelAttributes(List<AttributeSpec> specs) {
      Map<String, AttributeSpec> map = new LinkedHashMap<>();
      List<AttributeSpec> mandatory = new ArrayList<>();
      for (AttributeSpec spec : specs) {
        map.put(spec.name(), spec);
        if (spec.required()) {
          mandatory.add(spec);
        }
      }
      this.byName = Collections.unmodifiableMap(map);
      this.required = List.copyOf(mandatory);
      this.listing = Hints.bareListing(map.keySet());
    }

    @Nullable AttributeSpec get(String name) {
      return byName.get(name);
    }

    Set<String> names() {
      return byName.keySet();
    }

    boolean isEmpty() {
      return byName.isEmpty();
    }
  }
}
