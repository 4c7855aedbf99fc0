package org.annotationkit.core.json;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The item record: {@code {"annotationkit": "item", "version": 1, "type": "image", "id", ...}},
 * with the fields of the item's type after {@code "type"}.
 */
final class ItemFormat implements RecordFormat<Item> {
  static final ItemFormat INSTANCE = new ItemFormat();

  private static final String[] HEADER = {"annotationkit", "version", "type"};
  private static final String TYPE_RULE =
      "an item record starts with \"annotationkit\", \"version\", then \"type\"";
  private static final List<String> TYPES =
      List.of("image", "text", "audio", "video", "comparison");

  /** {@link #TYPES} as an array, made once rather than on every item read. */
  private static final String[] TYPE_NAMES = TYPES.toArray(String[]::new);

  private static final JsonIn.Fields RECORD = new JsonIn.Fields("an item record", HEADER);
  private static final JsonIn.Fields IMAGE =
      fields("an image item", "id", "uri", "width", "height", "metadata");
  private static final JsonIn.Fields TEXT = fields("a text item", "id", "text", "uri", "metadata");
  private static final JsonIn.Fields AUDIO =
      fields("an audio item", "id", "uri", "duration", "metadata");
  private static final JsonIn.Fields VIDEO =
      fields("a video item", "id", "uri", "frameCount", "fps", "width", "height", "metadata");
  private static final JsonIn.Fields COMPARISON =
      fields("a comparison item", "id", "prompt", "responses", "metadata");
  private static final JsonIn.Fields RESPONSE =
      new JsonIn.Fields("a response", "id", "text", "model");

  private ItemFormat() {}

  private static JsonIn.Fields fields(String what, String... names) {
    String[] all = new String[HEADER.length + names.length];
    System.arraycopy(HEADER, 0, all, 0, HEADER.length);
    System.arraycopy(names, 0, all, HEADER.length, names.length);
    return new JsonIn.Fields(what, all);
  }

  @Override
  public String recordType() {
    return "item";
  }

  @Override
  public JsonIn.Fields fields() {
    return RECORD;
  }

  // ------------------------------------------------------------------ writing

  @Override
  public void writeBody(JsonGenerator out, Item item) {
    out.writeStringProperty("type", item.kind().jsonName());
    out.writeStringProperty("id", item.id());
    switch (item) {
      case ImageItem image -> {
        out.writeStringProperty("uri", image.uri().toString());
        out.writeNumberProperty("width", image.width());
        out.writeNumberProperty("height", image.height());
      }
      case TextItem text -> {
        out.writeStringProperty("text", text.text());
        if (text.uri().isPresent()) {
          out.writeStringProperty("uri", text.uri().get().toString());
        }
      }
      case AudioItem audio -> {
        out.writeStringProperty("uri", audio.uri().toString());
        out.writeNumberProperty("duration", audio.durationSeconds());
      }
      case VideoItem video -> {
        out.writeStringProperty("uri", video.uri().toString());
        out.writeNumberProperty("frameCount", video.frameCount());
        out.writeNumberProperty("fps", video.fps());
        out.writeNumberProperty("width", video.width());
        out.writeNumberProperty("height", video.height());
      }
      case ComparisonItem comparison -> {
        out.writeStringProperty("prompt", comparison.prompt());
        out.writeName("responses");
        out.writeStartArray();
        for (Response response : comparison.responses()) {
          out.writeStartObject();
          out.writeStringProperty("id", response.id());
          out.writeStringProperty("text", response.text());
          JsonOut.optionalString(out, "model", response.model());
          out.writeEndObject();
        }
        out.writeEndArray();
      }
    }
    JsonOut.stringMap(out, "metadata", item.metadata());
  }

  // ------------------------------------------------------------------ reading

  @Override
  public Item readBody(JsonIn in, JsonIn.ObjectIn record) {
    record.expect("type", TYPE_RULE);
    String type = in.constant(TYPE_NAMES, t -> t);
    record.narrow(
        switch (type) {
          case "image" -> IMAGE;
          case "text" -> TEXT;
          case "audio" -> AUDIO;
          case "video" -> VIDEO;
          default -> COMPARISON;
        });
    String id = "";
    @Nullable URI uri = null;
    int width = 0;
    int height = 0;
    String text = "";
    double duration = 0;
    int frameCount = 0;
    double fps = 0;
    String prompt = "";
    List<Response> responses = List.of();
    Map<String, String> metadata = Map.of();
    for (String member = record.next(); member != null; member = record.next()) {
      switch (member) {
        case "id" -> id = in.string();
        case "uri" -> uri = in.uri();
        case "width" -> width = in.integer();
        case "height" -> height = in.integer();
        case "text" -> text = in.string();
        case "duration" -> duration = in.number();
        case "frameCount" -> frameCount = in.integer();
        case "fps" -> fps = in.number();
        case "prompt" -> prompt = in.string();
        case "responses" -> responses = readResponses(in);
        case "metadata" -> metadata = in.stringMap();
        default -> throw new IllegalStateException(member);
      }
    }
    try {
      return switch (type) {
        case "image" -> {
          record.require("id", "uri", "width", "height");
          yield new ImageItem(id, required(uri), width, height, metadata);
        }
        case "text" -> {
          record.require("id", "text");
          yield new TextItem(id, text, Optional.ofNullable(uri), metadata);
        }
        case "audio" -> {
          record.require("id", "uri", "duration");
          yield new AudioItem(id, required(uri), duration, metadata);
        }
        case "video" -> {
          record.require("id", "uri", "frameCount", "fps", "width", "height");
          yield new VideoItem(id, required(uri), frameCount, fps, width, height, metadata);
        }
        default -> {
          record.require("id", "prompt", "responses");
          yield new ComparisonItem(id, prompt, responses, metadata);
        }
      };
    } catch (IllegalArgumentException e) {
      throw record.refused(e);
    }
  }

  private static URI required(@Nullable URI uri) {
    if (uri == null) {
      throw new IllegalStateException("uri was required");
    }
    return uri;
  }

  private static List<Response> readResponses(JsonIn in) {
    in.startArray();
    List<Response> responses = new ArrayList<>();
    while (in.nextElement()) {
      JsonIn.ObjectIn object = in.object(RESPONSE);
      String id = "";
      String text = "";
      Optional<String> model = Optional.empty();
      for (String member = object.next(); member != null; member = object.next()) {
        switch (member) {
          case "id" -> id = in.string();
          case "text" -> text = in.string();
          case "model" -> model = Optional.of(in.string());
          default -> throw new IllegalStateException(member);
        }
      }
      object.require("id", "text");
      try {
        responses.add(new Response(id, text, model));
      } catch (IllegalArgumentException e) {
        throw object.refused(e);
      }
    }
    return responses;
  }
}
