package org.annotationkit.core.store.journal;

import static org.annotationkit.core.store.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version 1 files of docs/journal.md's worked example, kept under {@code
 * src/test/resources/journal/v1/}: written by a short script from the format's description (not by
 * this code), they must read back, and this code must write them byte for byte. Later versions of
 * the format keep these files to prove that version 1 still reads.
 */
class JournalGoldenFilesTest {

  @TempDir Path dir;

  private static byte[] golden(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            JournalGoldenFilesTest.class.getResourceAsStream("/journal/v1/" + name), name)) {
      return in.readAllBytes();
    }
  }

  private void copy(String folder, String... names) throws IOException {
    for (String name : names) {
      Files.write(dir.resolve(name), golden(folder + "/" + name));
    }
  }

  @Test
  void readsTheRecordsExample() throws IOException {
    copy("records", "journal-00000000000000000000.akj");
    JournalFiles.Collected replayed = JournalFiles.reopen(dir);
    assertThat(replayed.texts()).containsExactly("hi", "");
    assertThat(replayed.sequences).containsExactly(0L, 1L);
  }

  @Test
  void readsTheSnapshotExample() throws IOException {
    copy("snapshot", "snapshot-00000000000000000002.aks", "journal-00000000000000000002.akj");
    JournalFiles.Collected replayed = JournalFiles.reopen(dir);
    assertThat(replayed.snapshotCovered).isEqualTo(2);
    assertThat(new String(replayed.snapshotState, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{}");
    assertThat(replayed.texts()).containsExactly("third");
    assertThat(replayed.sequences).containsExactly(2L);
  }

  @Test
  void writesTheExamplesByteForByte() throws IOException {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      journal.appendAndWait(utf8("hi"));
      journal.appendAndWait(new byte[0]);
      // while open, the active segment is the example's bytes, then zeros written ahead
      byte[] open = Files.readAllBytes(dir.resolve("journal-00000000000000000000.akj"));
      byte[] example = golden("records/journal-00000000000000000000.akj");
      assertThat(open.length).isGreaterThan(example.length);
      assertThat(Arrays.copyOf(open, example.length)).isEqualTo(example);
      assertThat(Arrays.copyOfRange(open, example.length, open.length))
          .isEqualTo(new byte[open.length - example.length]);
      journal.snapshot(2, out -> out.write(utf8("{}")));
      journal.appendAndWait(utf8("third"));
    }
    for (String name :
        List.of("snapshot-00000000000000000002.aks", "journal-00000000000000000002.akj")) {
      assertThat(Files.readAllBytes(dir.resolve(name)))
          .as(name)
          .isEqualTo(golden("snapshot/" + name));
    }
    assertThat(dir.resolve("journal-00000000000000000000.akj")).doesNotExist();
  }
}
