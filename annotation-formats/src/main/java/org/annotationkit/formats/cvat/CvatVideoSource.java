package org.annotationkit.formats.cvat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.jspecify.annotations.Nullable;

/**
 * Reads CVAT for video 1.1: the tracks are read whole (a video's tracks refer to every frame, so no
 * frame can be given before the last track is read), turned into each frame's shapes, and the
 * frames given in order.
 */
final class CvatVideoSource implements DatasetSource {
  static final String TRACK_ID = "track_id";
  static final String KEYFRAME = "keyframe";

  /** The most frames a video may have. */
  static final int MAX_FRAMES = 1 << 20;

  /** The most shapes all tracks together may have on all frames. */
  static final long MAX_SHAPES = 1L << 24;

  private final Schema schema;
  private final List<DatasetEntry> frames;
  private int next;

  private CvatVideoSource(Schema schema, List<DatasetEntry> frames) {
    this.schema = schema;
    this.frames = frames;
  }

  /** The id of a frame's item. */
  static String frameName(int frame) {
    return String.format(java.util.Locale.ROOT, "frame_%06d", frame);
  }

  static CvatVideoSource open(Path input, ConversionContext context) {
    try (XmlCursor cursor = XmlCursor.open(input)) {
      CvatImagesSource.root(cursor);
      CvatMeta meta = CvatMeta.EMPTY;
      CvatSchema.Usage usage = new CvatSchema.Usage();
      usage.video = true;
      List<XmlNode> tracks = new ArrayList<>();
      List<XmlNode> tags = new ArrayList<>();
      boolean images = false;
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (cursor.name()) {
          case "meta" -> meta = CvatMeta.of(cursor.tree(), cursor);
          case "track" -> {
            XmlNode track = cursor.tree();
            String label = track.attributes().getOrDefault("label", "");
            for (XmlNode shape : track.children()) {
              usage.add(labeled(shape, label, track));
            }
            tracks.add(track);
          }
          case "tag" -> {
            XmlNode tag = cursor.tree();
            usage.add(tag);
            tags.add(tag);
          }
          case "image" -> {
            if (!images) {
              context.lose(
                  LossObject.line(Math.max(1, cursor.line())),
                  "images skipped",
                  "CVAT for video holds tracks, not images; read this file as cvat");
              images = true;
            }
            cursor.skip();
          }
          default -> cursor.skip();
        }
      }
      Schema schema = CvatSchema.build(CvatImagesSource.schemaName(meta), meta, usage, cursor);
      return new CvatVideoSource(schema, frames(meta, tracks, tags, schema, cursor, context));
    }
  }

  /** A track's shape with the track's label, source and group as its own attributes. */
  static XmlNode labeled(XmlNode shape, String label, XmlNode track) {
    Map<String, String> attributes = new LinkedHashMap<>(shape.attributes());
    attributes.putIfAbsent("label", label);
    for (String property : List.of(CvatSchema.SOURCE, CvatSchema.GROUP_ID)) {
      String value = track.attribute(property);
      if (value != null) {
        attributes.putIfAbsent(property, value);
      }
    }
    return new XmlNode(shape.name(), attributes, shape.text(), shape.children(), shape.line());
  }

  private static List<DatasetEntry> frames(
      CvatMeta meta,
      List<XmlNode> tracks,
      List<XmlNode> tags,
      Schema schema,
      XmlCursor cursor,
      ConversionContext context) {
    if (meta.width().isEmpty() || meta.height().isEmpty()) {
      throw cursor.errorAt(
          0, "the meta gives no <original_size> (width and height of the video's frames)");
    }
    int width = meta.width().getAsInt();
    int height = meta.height().getAsInt();
    if (width == 0 || height == 0) {
      throw cursor.errorAt(0, "the frames have no pixels: " + width + " x " + height);
    }
    CvatShapes shapes = new CvatShapes(schema, cursor, context);
    int count = -1;
    if (meta.size().isPresent()) {
      count = meta.size().getAsInt();
    } else if (meta.stopFrame().isPresent()) {
      count = meta.stopFrame().getAsInt() - meta.startFrame().orElse(0) + 1;
    }
    int maxFrame = -1;
    for (XmlNode track : tracks) {
      for (XmlNode shape : track.children()) {
        if (!shape.name().equals("attribute")) {
          maxFrame = Math.max(maxFrame, frame(shape, shapes));
        }
      }
    }
    for (XmlNode tag : tags) {
      maxFrame = Math.max(maxFrame, frame(tag, shapes));
    }
    if (count >= 0 && maxFrame >= count) {
      throw cursor.errorAt(
          0, "a shape is on the frame " + maxFrame + ", past the task's " + count + " frames");
    }
    int last = Math.max(count, maxFrame + 1) - 1;
    if (last >= MAX_FRAMES) {
      throw cursor.errorAt(
          0,
          "the video has " + ((long) last + 1) + " frames, more than " + MAX_FRAMES + " are read");
    }
    Map<Integer, List<Result>> byFrame = new TreeMap<>();
    Set<Integer> ids = new HashSet<>();
    long[] total = {0};
    for (XmlNode track : tracks) {
      track(track, last, width, height, shapes, byFrame, ids, cursor, context, total);
    }
    Map<Integer, Set<String>> tagsByFrame = new TreeMap<>();
    for (XmlNode tag : tags) {
      int frame = frame(tag, shapes);
      CvatImagesSource.tag(
          tag,
          tagsByFrame.computeIfAbsent(frame, f -> new LinkedHashSet<>()),
          LossObject.image(frameName(frame)),
          context);
    }
    List<DatasetEntry> entries = new ArrayList<>(last + 1);
    for (int frame = 0; frame <= last; frame++) {
      String name = frameName(frame);
      ImageItem item =
          new ImageItem(
              name,
              ImageNames.relativeUri(name),
              width,
              height,
              Map.of("cvat.frame", Integer.toString(frame)));
      List<Result> results = new ArrayList<>(byFrame.getOrDefault(frame, List.of()));
      Set<String> frameTags = tagsByFrame.get(frame);
      if (frameTags != null && !frameTags.isEmpty()) {
        results.add(
            Result.of(
                CvatSchema.TAGS, CvatSchema.TAGS, new MultipleChoiceValue(List.copyOf(frameTags))));
      }
      entries.add(
          results.isEmpty()
              ? DatasetEntry.of(item)
              : new DatasetEntry(
                  item,
                  List.of(
                      Annotation.builder(name, name, CvatImagesSource.ANNOTATOR)
                          .results(results)
                          .build())));
    }
    return entries;
  }

  private static int frame(XmlNode shape, CvatShapes shapes) {
    return shapes.integer(shape, "frame");
  }

  /** One track: its shapes on every frame it is on, interpolated between its shapes. */
  private static void track(
      XmlNode track,
      int last,
      int width,
      int height,
      CvatShapes shapes,
      Map<Integer, List<Result>> byFrame,
      Set<Integer> ids,
      XmlCursor cursor,
      ConversionContext context,
      long[] total) {
    int id = shapes.integer(track, "id");
    if (!ids.add(id)) {
      throw cursor.errorAt(track.line(), "the track id " + id + " is given twice");
    }
    String label = track.attributes().getOrDefault("label", "");
    List<XmlNode> given = new ArrayList<>();
    for (XmlNode shape : track.children()) {
      if (!shape.name().equals("attribute")) {
        given.add(labeled(shape, label, track));
      }
    }
    given.sort(Comparator.comparingInt(shape -> frame(shape, shapes)));
    String field = null;
    boolean held = false;
    for (int i = 0; i < given.size(); i++) {
      XmlNode shape = given.get(i);
      int frame = frame(shape, shapes);
      if (i > 0 && frame(given.get(i - 1), shapes) == frame) {
        throw cursor.errorAt(
            shape.line(), "the track " + id + " has two shapes on the frame " + frame);
      }
      if (shapes.bool(shape, "outside")) {
        continue;
      }
      LossObject where = LossObject.image(frameName(frame)).withAnnotation("t" + id);
      var converted = shapes.convert(shape, width, height, where);
      if (converted.isEmpty()) {
        continue;
      }
      if (field != null && !field.equals(converted.get().field())) {
        throw cursor.errorAt(
            shape.line(), "the track " + id + " mixes <" + shape.name() + "> with other shapes");
      }
      field = converted.get().field();
      Value start = converted.get().value();
      XmlNode following = i + 1 < given.size() ? given.get(i + 1) : null;
      int end = following == null ? last + 1 : frame(following, shapes);
      Value target = null;
      if (following != null && !shapes.bool(following, "outside") && end > frame + 1) {
        var next = shapes.convert(following, width, height, where);
        if (next.isPresent() && next.get().field().equals(field)) {
          target = next.get().value();
        }
      }
      boolean keyframe = shape.attribute(KEYFRAME) == null || shapes.bool(shape, KEYFRAME);
      total[0] += end - frame;
      if (total[0] > MAX_SHAPES) {
        throw cursor.errorAt(
            track.line(), "the tracks hold more than " + MAX_SHAPES + " shapes over all frames");
      }
      for (int f = frame; f < end; f++) {
        Value value = start;
        if (f > frame && target != null) {
          Value between = interpolate(start, target, (double) (f - frame) / (end - frame));
          if (between == null) {
            held = true;
          } else {
            value = between;
          }
        }
        Map<String, AttributeValue> extra = new LinkedHashMap<>();
        extra.put(TRACK_ID, AttributeValue.of(id));
        extra.put(KEYFRAME, AttributeValue.of(f == frame && keyframe));
        byFrame
            .computeIfAbsent(f, k -> new ArrayList<>())
            .add(Result.of("t" + id, field, withAttributes(value, extra)));
      }
    }
    if (held) {
      context.lose(
          LossObject.line(Math.max(1, track.line())).withAnnotation("t" + id),
          "shape held, not interpolated",
          "the track's shapes cannot be interpolated (masks, or point lists of different"
              + " lengths): each is kept until the next");
    }
  }

  /** The value with more attributes. */
  static Value withAttributes(Value value, Map<String, AttributeValue> extra) {
    return switch (value) {
      case BoxValue v -> new BoxValue(v.label(), v.box(), merged(v.attributes(), extra));
      case PolygonValue v ->
          new PolygonValue(v.label(), v.polygon(), merged(v.attributes(), extra));
      case PolylineValue v ->
          new PolylineValue(v.label(), v.polyline(), merged(v.attributes(), extra));
      case KeypointsValue v ->
          new KeypointsValue(v.label(), v.points(), merged(v.attributes(), extra));
      case MaskValue v -> new MaskValue(v.label(), v.mask(), merged(v.attributes(), extra));
      default -> value;
    };
  }

  private static Map<String, AttributeValue> merged(
      Map<String, AttributeValue> attributes, Map<String, AttributeValue> extra) {
    Map<String, AttributeValue> all = new LinkedHashMap<>(attributes);
    all.putAll(extra);
    return all;
  }

  /**
   * The shape a fraction {@code t} of the way from {@code a} to {@code b}, as CVAT interpolates
   * between key frames; null when the two cannot be interpolated. Attributes are {@code a}'s.
   */
  static @Nullable Value interpolate(Value a, Value b, double t) {
    return switch (a) {
      case BoxValue x when b instanceof BoxValue y -> {
        Box p = x.box();
        Box q = y.box();
        double turn = ((q.rotation() - p.rotation()) % 360 + 540) % 360 - 180;
        double rotation = (p.rotation() + turn * t) % 360;
        if (rotation < 0) {
          rotation += 360;
        }
        yield new BoxValue(
            x.label(),
            new Box(
                lerp(p.x(), q.x(), t),
                lerp(p.y(), q.y(), t),
                lerp(p.width(), q.width(), t),
                lerp(p.height(), q.height(), t),
                rotation),
            x.attributes());
      }
      case PolygonValue x
          when b instanceof PolygonValue y
              && x.polygon().exterior().size() == y.polygon().exterior().size() ->
          new PolygonValue(
              x.label(),
              Polygon.of(points(x.polygon().exterior(), y.polygon().exterior(), t)),
              x.attributes());
      case PolylineValue x
          when b instanceof PolylineValue y
              && x.polyline().points().size() == y.polyline().points().size() ->
          new PolylineValue(
              x.label(),
              new Polyline(points(x.polyline().points(), y.polyline().points(), t)),
              x.attributes());
      case KeypointsValue x when b instanceof KeypointsValue y && sameNames(x, y) -> {
        List<Keypoint> points = new ArrayList<>();
        for (int i = 0; i < x.points().size(); i++) {
          Keypoint p = x.points().get(i);
          Keypoint q = y.points().get(i);
          points.add(
              new Keypoint(p.name(), lerp(p.x(), q.x(), t), lerp(p.y(), q.y(), t), p.visibility()));
        }
        yield new KeypointsValue(x.label(), points, x.attributes());
      }
      default -> null;
    };
  }

  private static boolean sameNames(KeypointsValue a, KeypointsValue b) {
    if (a.points().size() != b.points().size()) {
      return false;
    }
    for (int i = 0; i < a.points().size(); i++) {
      if (!a.points().get(i).name().equals(b.points().get(i).name())) {
        return false;
      }
    }
    return true;
  }

  private static List<Point> points(List<Point> a, List<Point> b, double t) {
    List<Point> points = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      points.add(
          new Point(lerp(a.get(i).x(), b.get(i).x(), t), lerp(a.get(i).y(), b.get(i).y(), t)));
    }
    return points;
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean grouped() {
    return true;
  }

  @Override
  public boolean hasNext() {
    return next < frames.size();
  }

  @Override
  public DatasetEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more frames");
    }
    return frames.get(next++);
  }

  @Override
  public void close() {
    next = frames.size();
  }
}
