package org.annotationkit.core.json;

import java.util.List;
import java.util.Map;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;
import tools.jackson.core.JsonGenerator;

/**
 * The item record: {@code {"annotationkit": "item", "version": 1, "type": "image", "id", ...}},
 * with the members of the item's type after {@code "type"}: one {@link Layout} per {@link
 * ItemKind}.
 */
final class ItemFormat implements RecordFormat<Item> {
  static final ItemFormat INSTANCE = new ItemFormat();

  private static final List<String> HEADER = List.of("annotationkit", "version", "type");
  private static final String TYPE_RULE =
      "an item record starts with \"annotationkit\", \"version\", then \"type\"";
  private static final JsonNames<ItemKind> KINDS = JsonNames.lowerCase(ItemKind.class);
  private static final JsonIn.Fields RECORD =
      new JsonIn.Fields("an item record", HEADER.toArray(String[]::new));
  private static final JsonType<String> STRING = JsonTypes.STRING;

  private static final Layout<Response> RESPONSE =
      Layout.of(
          "a response",
          m -> {
            var id = m.required("id", STRING, Response::id);
            var text = m.required("text", STRING, Response::text);
            var model = m.maybe("model", STRING, Response::model);
            return s -> new Response(s.get(id), s.get(text), s.get(model));
          });

  private static final Layout<ImageItem> IMAGE =
      Layout.of(
          "an image item",
          HEADER,
          m -> {
            var id = m.required("id", STRING, ImageItem::id);
            var uri = m.required("uri", JsonTypes.URI_TYPE, ImageItem::uri);
            var width = m.integer("width", ImageItem::width);
            var height = m.integer("height", ImageItem::height);
            var metadata =
                m.unlessEmpty("metadata", JsonTypes.STRING_MAP, Item::metadata, Map.of());
            return s ->
                new ImageItem(
                    s.get(id), s.get(uri), s.integer(width), s.integer(height), s.get(metadata));
          });

  private static final Layout<TextItem> TEXT =
      Layout.of(
          "a text item",
          HEADER,
          m -> {
            var id = m.required("id", STRING, TextItem::id);
            var text = m.required("text", STRING, TextItem::text);
            var uri = m.maybe("uri", JsonTypes.URI_TYPE, TextItem::uri);
            var metadata =
                m.unlessEmpty("metadata", JsonTypes.STRING_MAP, Item::metadata, Map.of());
            return s -> new TextItem(s.get(id), s.get(text), s.get(uri), s.get(metadata));
          });

  private static final Layout<AudioItem> AUDIO =
      Layout.of(
          "an audio item",
          HEADER,
          m -> {
            var id = m.required("id", STRING, AudioItem::id);
            var uri = m.required("uri", JsonTypes.URI_TYPE, AudioItem::uri);
            var duration = m.number("duration", AudioItem::durationSeconds);
            var metadata =
                m.unlessEmpty("metadata", JsonTypes.STRING_MAP, Item::metadata, Map.of());
            return s -> new AudioItem(s.get(id), s.get(uri), s.number(duration), s.get(metadata));
          });

  private static final Layout<VideoItem> VIDEO =
      Layout.of(
          "a video item",
          HEADER,
          m -> {
            var id = m.required("id", STRING, VideoItem::id);
            var uri = m.required("uri", JsonTypes.URI_TYPE, VideoItem::uri);
            var frameCount = m.integer("frameCount", VideoItem::frameCount);
            var fps = m.number("fps", VideoItem::fps);
            var width = m.integer("width", VideoItem::width);
            var height = m.integer("height", VideoItem::height);
            var metadata =
                m.unlessEmpty("metadata", JsonTypes.STRING_MAP, Item::metadata, Map.of());
            return s ->
                new VideoItem(
                    s.get(id),
                    s.get(uri),
                    s.integer(frameCount),
                    s.number(fps),
                    s.integer(width),
                    s.integer(height),
                    s.get(metadata));
          });

  private static final Layout<ComparisonItem> COMPARISON =
      Layout.of(
          "a comparison item",
          HEADER,
          m -> {
            var id = m.required("id", STRING, ComparisonItem::id);
            var prompt = m.required("prompt", STRING, ComparisonItem::prompt);
            var responses =
                m.required("responses", JsonTypes.listOf(RESPONSE), ComparisonItem::responses);
            var metadata =
                m.unlessEmpty("metadata", JsonTypes.STRING_MAP, Item::metadata, Map.of());
            return s ->
                new ComparisonItem(s.get(id), s.get(prompt), s.get(responses), s.get(metadata));
          });

  private ItemFormat() {}

  /** The layout of each kind of item. */
  private static Layout<? extends Item> layout(ItemKind kind) {
    return switch (kind) {
      case IMAGE -> IMAGE;
      case TEXT -> TEXT;
      case AUDIO -> AUDIO;
      case VIDEO -> VIDEO;
      case COMPARISON -> COMPARISON;
    };
  }

  @Override
  public String recordType() {
    return "item";
  }

  @Override
  public JsonIn.Fields fields() {
    return RECORD;
  }

  @Override
  public void writeBody(JsonGenerator out, Item item) {
    out.writeStringProperty("type", KINDS.name(item.kind()));
    switch (item) {
      case ImageItem image -> IMAGE.writeMembers(out, image);
      case TextItem text -> TEXT.writeMembers(out, text);
      case AudioItem audio -> AUDIO.writeMembers(out, audio);
      case VideoItem video -> VIDEO.writeMembers(out, video);
      case ComparisonItem comparison -> COMPARISON.writeMembers(out, comparison);
    }
  }

  @Override
  public Item readBody(JsonIn in, JsonIn.ObjectIn record) {
    record.expect("type", TYPE_RULE);
    return layout(in.constant(KINDS)).readMembers(in, record.start());
  }
}
