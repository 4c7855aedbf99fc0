package org.annotationkit.formats.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spool gives back each run appended, mapped or read, across its buffer's boundaries. */
class SpoolTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void givesBackEveryRunInAnyOrder(boolean map) throws IOException {
    RandomGenerator random = Seeds.random(map ? 1 : 2);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    List<long[]> runs = new ArrayList<>();
    Path file = dir.resolve("spool");
    try (Spool spool = Spool.create(file, map)) {
      for (int i = 0; i < 400; i++) {
        // Mostly lines, now and then a run longer than the buffer.
        int length =
            random.nextInt(50) == 0 ? Spool.BUFFER + random.nextInt(5000) : random.nextInt(300);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        long at = spool.append(bytes);
        assertThat(at).isEqualTo(all.size());
        all.write(bytes);
        runs.add(new long[] {at, length});
      }
      assertThat(spool.size()).isEqualTo(all.size());
      byte[] expected = all.toByteArray();
      for (int k = 0; k < 1000; k++) {
        long[] run = runs.get(random.nextInt(runs.size()));
        ByteBuffer into = ByteBuffer.allocate((int) run[1] + 3);
        into.put((byte) 7);
        into.limit(1 + (int) run[1]);
        spool.read(run[0], into);
        assertThat(into.position()).isEqualTo(1 + (int) run[1]);
        assertThat(Arrays.copyOfRange(into.array(), 1, 1 + (int) run[1]))
            .isEqualTo(Arrays.copyOfRange(expected, (int) run[0], (int) (run[0] + run[1])));
      }
      ByteBuffer past = ByteBuffer.allocate(10);
      assertThatThrownBy(() -> spool.read(expected.length - 5, past))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("the spool holds " + expected.length + " bytes");
      assertThatThrownBy(() -> spool.append(new byte[1])).isInstanceOf(IllegalStateException.class);
    }
    assertThat(Files.exists(file)).isFalse();
  }
}
