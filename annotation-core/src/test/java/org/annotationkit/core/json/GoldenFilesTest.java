package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version-1 files, written by hand after docs/canonical-json.md, read to the {@link Samples}
 * values and are written back byte for byte. Keep these files when the format moves on: they prove
 * that old files still read.
 */
class GoldenFilesTest {

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(GoldenFilesTest.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static <T> List<T> readAll(JsonCodec<T> codec, String text, String name) {
    try (JsonLinesReader<T> reader = codec.readLines(new StringReader(text), name)) {
      return reader.stream().toList();
    }
  }

  private static <T> String writeAll(JsonCodec<T> codec, List<T> values) {
    StringWriter out = new StringWriter();
    try (JsonLinesWriter<T> writer = codec.writeLines(out)) {
      values.forEach(writer::write);
    }
    return out.toString();
  }

  @Test
  void annotationsReadAndRewriteByteForByte() throws IOException {
    String golden = resource("annotation-v1.jsonl");
    List<Annotation> read = readAll(CanonicalJson.annotations(), golden, "annotation-v1.jsonl");
    assertThat(read).isEqualTo(Samples.annotations());
    assertThat(writeAll(CanonicalJson.annotations(), read)).isEqualTo(golden);
  }

  @Test
  void itemsReadAndRewriteByteForByte() throws IOException {
    String golden = resource("items-v1.jsonl");
    List<Item> read = readAll(CanonicalJson.items(), golden, "items-v1.jsonl");
    assertThat(read).isEqualTo(Samples.itemOfEveryType());
    assertThat(writeAll(CanonicalJson.items(), read)).isEqualTo(golden);
  }

  @Test
  void schemaReadsAndRewritesByteForByte() throws IOException {
    String golden = resource("schema-v1.json");
    Schema read = CanonicalJson.schemas().read(golden);
    assertThat(read).isEqualTo(Samples.everyFeature());
    assertThat(CanonicalJson.schemas().writePretty(read) + "\n").isEqualTo(golden);
    assertThat(CanonicalJson.schemas().read(CanonicalJson.schemas().write(read))).isEqualTo(read);
  }

  @Test
  void goldenFilesRoundTripThroughFiles(@TempDir Path folder) throws IOException {
    String golden = resource("annotation-v1.jsonl");
    Path file = folder.resolve("copy.jsonl");
    CanonicalJson.annotations().writeLines(file, Samples.annotations());
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(golden);
    try (InputStream in =
        Objects.requireNonNull(GoldenFilesTest.class.getResourceAsStream("schema-v1.json"))) {
      Schema schema =
          CanonicalJson.schemas()
              .read(new InputStreamReader(in, StandardCharsets.UTF_8), "schema-v1.json");
      assertThat(schema).isEqualTo(Samples.everyFeature());
    }
  }
}
