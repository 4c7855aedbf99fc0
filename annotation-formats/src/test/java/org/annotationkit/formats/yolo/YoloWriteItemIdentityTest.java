package org.annotationkit.formats.yolo;

import static org.annotationkit.formats.yolo.YoloFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer finds an image's label file by the item's identity first (readers hand one item for
 * all of an image's annotations) and by its id otherwise: an ungrouped source whose entries carry
 * the same item, or a fresh equal copy of it each time (enough of them to make the identity lookup
 * start over), writes the same label files, each holding its image's lines in entry order, as
 * printed here with {@link String#format}.
 */
class YoloWriteItemIdentityTest {
  @TempDir Path dir;

  private static final Schema SCHEMA =
      Schema.of("test", Field.builder("box", FieldKind.BOX).labels("cat").build());

  private static final int IMAGES = 7;
  private static final int ENTRIES = 6000;

  @Test
  void sharedItemsAndFreshCopiesWriteTheSameLabelFiles() {
    RandomGenerator random = Seeds.random(20_261_206L);
    int[] image = new int[ENTRIES];
    int[] x = new int[ENTRIES];
    List<StringBuilder> expected = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      expected.add(new StringBuilder());
    }
    for (int k = 0; k < ENTRIES; k++) {
      image[k] = random.nextInt(IMAGES);
      x[k] = random.nextInt(9);
      expected
          .get(image[k])
          .append(
              String.format(Locale.ROOT, "0 %.6f 0.050000 0.100000 0.100000\n", (x[k] + 0.5) / 10));
    }
    Path shared = write(image, x, false, "shared");
    Path fresh = write(image, x, true, "fresh");
    for (int i = 0; i < IMAGES; i++) {
      String name = "labels/img/" + i + ".txt";
      assertThat(read(shared.resolve(name))).isEqualTo(expected.get(i).toString());
      assertThat(read(fresh.resolve(name))).isEqualTo(expected.get(i).toString());
    }
  }

  private static ImageItem item(int i) {
    return new ImageItem("img/" + i + ".jpg", URI.create("img/" + i + ".jpg"), 10, 10);
  }

  private Path write(int[] image, int[] x, boolean copies, String name) {
    ImageItem[] items = new ImageItem[IMAGES];
    for (int i = 0; i < IMAGES; i++) {
      items[i] = item(i);
    }
    List<DatasetEntry> entries = new ArrayList<>();
    for (int k = 0; k < image.length; k++) {
      ImageItem it = copies ? item(image[k]) : items[image[k]];
      Annotation a =
          Annotation.builder("a" + k, it.id(), "ann")
              .result(Result.of("r" + k, "box", new BoxValue("cat", Box.of(x[k], 0, 1, 1))))
              .build();
      entries.add(new DatasetEntry(it, List.of(a)));
    }
    Path out = dir.resolve(name);
    Converter.write(
        new YoloFormat(),
        DatasetSource.of(SCHEMA, false, entries.iterator()),
        out,
        ConversionContext.of(FormatOptions.none()));
    return out;
  }
}
