package org.annotationkit.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingTest {
  @TempDir Path dir;

  @Test
  void replacingAFolderLeavesOnlyTheNewTreeAndNoSiblings() throws IOException {
    Path output = dir.resolve("out");
    SplittableRandom random = new SplittableRandom(20_261_208L);
    List<String> first = randomTree(random, 300);
    Staging.folder(output, folder -> write(folder, first));
    assertThat(relativeFiles(output)).containsExactlyInAnyOrderElementsOf(first);

    List<String> second = randomTree(random, 50);
    Staging.folder(output, folder -> write(folder, second));

    assertThat(relativeFiles(output)).containsExactlyInAnyOrderElementsOf(second);
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings).containsExactly(output);
    }
  }

  @Test
  void deletingATreeRemovesALinkButNotWhatItPointsTo() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "kept");
    Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
    Files.writeString(tree.resolve("x.txt"), "x");
    Files.createSymbolicLink(dir.resolve("tree/a/link"), outside);

    Staging.deleteTree(dir.resolve("tree"));

    assertThat(dir.resolve("tree")).doesNotExist();
    assertThat(outside.resolve("keep.txt")).hasContent("kept");
  }

  @Test
  void aFailingWriterLeavesTheOldFolderAsItWas() throws IOException {
    Path output = dir.resolve("out");
    Staging.folder(output, folder -> write(folder, List.of("a/1.txt", "b.txt")));

    assertThatThrownBy(() ->
            Staging.folder(
                output,
                folder -> {
                  write(folder, List.of("c/2.txt"));
                  throw new UncheckedIOException(new IOException("disk full"));
                }))
        .hasMessageContaining("disk full");

    assertThat(relativeFiles(output)).containsExactlyInAnyOrder("a/1.txt", "b.txt");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings).containsExactly(output);
    }
  }

  /** Paths of files in nested folders up to four deep, none a prefix folder of another file. */
  private static List<String> randomTree(SplittableRandom random, int files) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      StringBuilder path = new StringBuilder();
      int depth = random.nextInt(5);
      for (int d = 0; d < depth; d++) {
        path.append("d").append(random.nextInt(4)).append('/');
      }
      paths.add(path.append("f").append(i).append(".txt").toString());
    }
    return paths;
  }

  private static void write(Path folder, List<String> files) {
    try {
      for (String name : files) {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .toList();
    }
  }
}
