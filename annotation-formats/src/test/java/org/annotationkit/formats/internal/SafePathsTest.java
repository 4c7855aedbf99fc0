package org.annotationkit.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafePathsTest {
  private final Path root = Path.of("/data/images");

  @Test
  void namesInsideTheFolderResolveWithSubFoldersKept() {
    assertThat(SafePaths.resolve(root, "a.jpg")).isEqualTo(Path.of("/data/images/a.jpg"));
    assertThat(SafePaths.resolve(root, "train/b c.jpg"))
        .isEqualTo(Path.of("/data/images/train/b c.jpg"));
    assertThat(SafePaths.resolve(root, "train\\x.png"))
        .isEqualTo(Path.of("/data/images/train/x.png"));
    assertThat(SafePaths.resolve(root, "train/../a.jpg")).isEqualTo(Path.of("/data/images/a.jpg"));
  }

  @Test
  void namesThatLeaveTheFolderAreRefused() {
    for (String name :
        List.of(
            "../secret", "a/../../b", "/etc/passwd", "\\\\server\\share", "..", ".", "a\0b", "")) {
      assertThatThrownBy(() -> SafePaths.resolve(root, name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
