package org.annotationkit.formats.coco.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.coco.CocoFormat;

/** The schema a COCO file reads as: one field per kind of shape, and one per keypoint category. */
final class CocoSchema {
  private CocoSchema() {}

  /**
   * The schema of a COCO file's categories.
   *
   * @param categories the categories in id order, at least one
   * @param description the file's {@code info.description}, if any
   * @return the schema
   * @throws IllegalArgumentException if a name is not a valid label, field or point name
   */
  static Schema of(List<CocoCategory> categories, Optional<String> description) {
    List<Label> roots = new ArrayList<>(categories.size());
    for (CocoCategory category : categories) {
      Label label = Label.of(category.name());
      roots.add(category.color().map(label::withColor).orElse(label));
    }
    LabelSet labels = LabelSet.of(roots);
    List<Field> fields = new ArrayList<>();
    fields.add(Field.builder(CocoFormat.BOXES, FieldKind.BOX).labels(labels).build());
    fields.add(Field.builder(CocoFormat.POLYGONS, FieldKind.POLYGON).labels(labels).build());
    fields.add(Field.builder(CocoFormat.MASKS, FieldKind.MASK).labels(labels).build());
    List<CocoCategory> withKeypoints =
        categories.stream().filter(CocoCategory::hasKeypoints).toList();
    for (CocoCategory category : withKeypoints) {
      Label label = roots.get(categories.indexOf(category));
      fields.add(
          Field.builder(keypointField(category.name(), withKeypoints.size()), FieldKind.KEYPOINTS)
              .labels(LabelSet.of(List.of(label)))
              .skeleton(new Skeleton(category.keypoints(), category.edges()))
              .build());
    }
    Schema schema = new Schema(CocoFormat.SCHEMA_NAME, fields, Optional.empty());
    return description.filter(text -> !text.isEmpty()).map(schema::withDescription).orElse(schema);
  }

  /** The name of a keypoint category's field, among {@code count} such categories. */
  static String keypointField(String category, int count) {
    return count == 1 ? CocoFormat.KEYPOINTS : CocoFormat.KEYPOINTS + "-" + category;
  }
}
