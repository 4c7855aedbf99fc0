package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.common.testing.NullPointerTester;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every public method of the package rejects a null argument at once. */
class JsonNullPointerTest {
  @TempDir Path folder;

  private NullPointerTester tester() {
    return new NullPointerTester()
        .setDefault(Path.class, folder.resolve("x.jsonl"))
        .setDefault(Reader.class, new StringReader(""))
        .setDefault(Writer.class, new StringWriter())
        .setDefault(Iterable.class, List.of())
        .setDefault(String.class, "{}")
        .setDefault(InputStream.class, new ByteArrayInputStream(new byte[0]))
        .setDefault(Dataset.class, Dataset.builder(Samples.everyFeature()).build())
        .setDefault(DatasetSource.class, Dataset.builder(Samples.everyFeature()).build().source());
  }

  @Test
  void codecs() {
    NullPointerTester tester = tester();
    assertThatCode(() -> tester.testAllPublicStaticMethods(CanonicalJson.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(CanonicalJson.items()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(CanonicalJson.annotations()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(CanonicalJson.schemas()))
        .doesNotThrowAnyException();
  }

  @Test
  void linesReaderAndWriter() {
    NullPointerTester tester = tester();
    JsonCodec<Item> items = CanonicalJson.items();
    assertThatCode(
            () -> tester.testAllPublicInstanceMethods(items.readLines(new StringReader(""), "x")))
        .doesNotThrowAnyException();
    try (JsonLinesWriter<Item> writer = items.writeLines(new StringWriter())) {
      assertThatCode(() -> tester.testAllPublicInstanceMethods(writer)).doesNotThrowAnyException();
      writer.write(new ImageItem("i", URI.create("a.jpg"), 1, 1));
    }
  }
}
