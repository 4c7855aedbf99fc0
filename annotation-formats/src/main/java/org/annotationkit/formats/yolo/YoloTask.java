package org.annotationkit.formats.yolo;

import java.util.Locale;

/** What the lines of YOLO label files hold, as the option {@code task} names it. */
enum YoloTask {
  /** Reading: pose when the YAML gives {@code kpt_shape}, else boxes and polygons by length. */
  AUTO,
  /** {@code class cx cy w h}. */
  DETECT,
  /** {@code class x1 y1 x2 y2 ...}, at least 3 points; a 4-value line is a box. */
  SEGMENT,
  /** {@code class x1 y1 x2 y2 x3 y3 x4 y4}. */
  OBB,
  /** {@code class cx cy w h} then {@code kpt_shape[0]} keypoints of {@code x y [v]}. */
  POSE;

  String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static YoloTask of(String value) {
    for (YoloTask task : values()) {
      if (task.optionValue().equals(value)) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "option task=" + value + ": the value must be auto, detect, segment, obb or pose");
  }
}
