package org.annotationkit.formats.cvat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * Writes CVAT for video 1.1: the frames are read first (a track spans frames), then written as
 * tracks, each shape with its frame, and an outside key frame after each run of frames.
 */
final class CvatVideoWriter {
  private CvatVideoWriter() {}

  /** A shape on a frame, of a track. */
  private record Placed(int frame, CvatShapeWriter.Shape shape, boolean keyframe) {}

  /** A track being collected. */
  private static final class Track {
    final String label;
    int id = -1;
    final List<Placed> shapes = new ArrayList<>();
    final Map<String, String> properties = new LinkedHashMap<>();

    Track(String label) {
      this.label = label;
    }
  }

  private record Frame(ImageItem image, Optional<Annotation> annotation) {}

  static void write(DatasetSource source, Path output, ConversionContext context) {
    DatasetSource grouped = source.grouped() ? source : Dataset.of(source).source();
    CvatLabels labels =
        new CvatLabels(
            grouped.schema(), Set.of(CvatVideoSource.TRACK_ID, CvatVideoSource.KEYFRAME));
    List<Frame> frames = new ArrayList<>();
    while (grouped.hasNext()) {
      DatasetEntry entry = grouped.next();
      if (!(entry.item() instanceof ImageItem image)) {
        context.lose(
            LossObject.item(entry.item().id()),
            "item skipped",
            "CVAT for video holds frames (images), not "
                + entry.item().kind().jsonName()
                + " items");
        continue;
      }
      LossObject where = LossObject.image(image.id());
      frames.add(new Frame(image, CvatImagesFormat.chosen(entry.annotations(), where, context)));
    }
    int width = frames.isEmpty() ? 1 : frames.get(0).image().width();
    int height = frames.isEmpty() ? 1 : frames.get(0).image().height();
    for (Frame frame : frames) {
      if (frame.image().width() != width || frame.image().height() != height) {
        context.lose(
            LossObject.image(frame.image().id()),
            "frame size changed",
            "a video's frames share one size, "
                + width
                + " x "
                + height
                + "; this frame is "
                + frame.image().width()
                + " x "
                + frame.image().height());
      }
    }
    List<Integer> numbers = numbers(frames);
    int last = -1;
    for (int number : numbers) {
      last = Math.max(last, number);
    }

    Map<String, Track> tracked = new LinkedHashMap<>();
    List<Track> tracks = new ArrayList<>();
    List<Placed> tags = new ArrayList<>();
    long shapesWritten = 0;
    try (CvatXmlWriter xml = CvatXmlWriter.create(output)) {
      CvatShapeWriter writer = new CvatShapeWriter(xml, labels, context);
      for (int i = 0; i < frames.size(); i++) {
        Frame frame = frames.get(i);
        int number = numbers.get(i);
        if (frame.annotation().isEmpty()) {
          continue;
        }
        Annotation annotation = frame.annotation().get();
        LossObject where = LossObject.image(frame.image().id());
        for (Result result : annotation.results()) {
          Map<String, AttributeValue> attributes = attributesOf(result);
          boolean keyframe =
              !(attributes.get(CvatVideoSource.KEYFRAME) instanceof AttributeValue.Bool b)
                  || b.value();
          AttributeValue trackId = attributes.get(CvatVideoSource.TRACK_ID);
          for (CvatShapeWriter.Shape shape : writer.shapes(result, annotation.origin(), where)) {
            if (shape.element().equals("tag")) {
              tags.add(new Placed(number, shape, true));
              continue;
            }
            Map<String, String> xmlAttributes = new LinkedHashMap<>(shape.xmlAttributes());
            Map<String, String> properties = new LinkedHashMap<>();
            for (String property : List.of(CvatSchema.SOURCE, CvatSchema.GROUP_ID)) {
              String value = xmlAttributes.remove(property);
              if (value != null) {
                properties.put(property, value);
              }
            }
            Map<String, AttributeValue> rest = new LinkedHashMap<>(shape.attributes());
            rest.remove(CvatVideoSource.TRACK_ID);
            rest.remove(CvatVideoSource.KEYFRAME);
            CvatShapeWriter.Shape placed =
                new CvatShapeWriter.Shape(
                    shape.element(), shape.label(), xmlAttributes, rest, shape.skeleton());
            Track track;
            if (trackId instanceof AttributeValue.Number n
                && n.value() == Math.rint(n.value())
                && n.value() >= 0
                && n.value() <= Integer.MAX_VALUE) {
              String key = (long) n.value() + "\n" + shape.element() + "\n" + shape.label();
              track = tracked.get(key);
              if (track == null || lastFrame(track) >= number) {
                track = new Track(shape.label());
                track.id = (int) n.value();
                tracked.put(key, track);
                tracks.add(track);
              }
            } else {
              track = new Track(shape.label());
              tracks.add(track);
            }
            if (track.shapes.isEmpty()) {
              track.properties.putAll(properties);
            }
            track.shapes.add(new Placed(number, placed, keyframe));
          }
        }
      }
      assignIds(tracks);

      xml.start("annotations");
      xml.element("version", "1.1");
      xml.start("meta");
      xml.start("task");
      xml.element("name", grouped.schema().name());
      xml.element("size", Integer.toString(last + 1));
      xml.element("mode", "interpolation");
      xml.element("start_frame", "0");
      xml.element("stop_frame", Integer.toString(Math.max(0, last)));
      labels.write(xml);
      xml.start("original_size");
      xml.element("width", Integer.toString(width));
      xml.element("height", Integer.toString(height));
      xml.end();
      xml.end();
      xml.end();
      for (Track track : tracks) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", Integer.toString(track.id));
        attributes.put("label", track.label);
        attributes.putAll(track.properties);
        xml.start("track", attributes);
        for (int i = 0; i < track.shapes.size(); i++) {
          Placed shape = track.shapes.get(i);
          writer.write(
              shape.shape(), frameAttributes(shape.frame(), false, shape.keyframe()), false);
          shapesWritten++;
          boolean runEnds =
              i + 1 == track.shapes.size() || track.shapes.get(i + 1).frame() != shape.frame() + 1;
          if (runEnds && shape.frame() < last) {
            writer.write(shape.shape(), frameAttributes(shape.frame() + 1, true, true), false);
          }
        }
        xml.end();
      }
      for (Placed tag : tags) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("label", tag.shape().label());
        attributes.put("frame", Integer.toString(tag.frame()));
        xml.start("tag", attributes);
        xml.end();
        shapesWritten++;
      }
      xml.end();
    }
    context.wrote(frames.size(), shapesWritten);
  }

  private static Map<String, String> frameAttributes(int frame, boolean outside, boolean keyframe) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("frame", Integer.toString(frame));
    attributes.put("outside", outside ? "1" : "0");
    attributes.put(CvatVideoSource.KEYFRAME, keyframe ? "1" : "0");
    return attributes;
  }

  private static int lastFrame(Track track) {
    return track.shapes.isEmpty() ? -1 : track.shapes.get(track.shapes.size() - 1).frame();
  }

  /** Each track keeps its id when it is free; the others get the smallest free ids. */
  private static void assignIds(List<Track> tracks) {
    Set<Integer> used = new HashSet<>();
    for (Track track : tracks) {
      if (track.id >= 0 && !used.add(track.id)) {
        track.id = -1;
      }
    }
    int next = 0;
    for (Track track : tracks) {
      if (track.id < 0) {
        while (used.contains(next)) {
          next++;
        }
        track.id = next;
        used.add(next);
      }
    }
  }

  private static Map<String, AttributeValue> attributesOf(Result result) {
    return switch (result.value()) {
      case org.annotationkit.core.annotation.BoxValue v -> v.attributes();
      case org.annotationkit.core.annotation.PolygonValue v -> v.attributes();
      case org.annotationkit.core.annotation.PolylineValue v -> v.attributes();
      case org.annotationkit.core.annotation.KeypointsValue v -> v.attributes();
      case org.annotationkit.core.annotation.MaskValue v -> v.attributes();
      default -> Map.of();
    };
  }

  /**
   * The frame number of each item: their {@code cvat.frame} when every item has a distinct one,
   * else their order.
   */
  private static List<Integer> numbers(List<Frame> frames) {
    List<Integer> numbers = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Frame frame : frames) {
      String text = frame.image().metadata().get("cvat.frame");
      try {
        int number = text == null ? -1 : Integer.parseInt(text.strip());
        if (number < 0 || !seen.add(number)) {
          break;
        }
        numbers.add(number);
      } catch (NumberFormatException e) {
        break;
      }
    }
    if (numbers.size() == frames.size()) {
      return numbers;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      order.add(i);
    }
    return order;
  }
}
