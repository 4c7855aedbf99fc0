package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkeletonTest {

  @Test
  void keepsPointsAndEdgesInOrder() {
    Skeleton face =
        new Skeleton(
            List.of("nose", "left_eye", "right_eye"),
            List.of(new Skeleton.Edge("nose", "left_eye"), new Skeleton.Edge("nose", "right_eye")));
    assertThat(face.points()).containsExactly("nose", "left_eye", "right_eye");
    assertThat(face.edges())
        .containsExactly(
            new Skeleton.Edge("nose", "left_eye"), new Skeleton.Edge("nose", "right_eye"));
    assertThat(new Skeleton(List.of("a"), List.of()).edges()).isEmpty();
  }

  @Test
  void needsAPoint() {
    assertThatThrownBy(() -> new Skeleton(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a skeleton must have at least one point");
  }

  @Test
  void pointNamesAreUnique() {
    assertThatThrownBy(() -> new Skeleton(List.of("nose", "eye", "nose"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skeleton point 'nose' appears twice");
  }

  @Test
  void edgesNameKnownPoints() {
    assertThatThrownBy(
            () -> new Skeleton(List.of("nose"), List.of(new Skeleton.Edge("nose", "eye"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skeleton edge 'nose'-'eye' names unknown point 'eye'");
    assertThatThrownBy(
            () -> new Skeleton(List.of("nose"), List.of(new Skeleton.Edge("ear", "nose"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skeleton edge 'ear'-'nose' names unknown point 'ear'");
  }

  @Test
  void edgeJoinsTwoDifferentPoints() {
    assertThatThrownBy(() -> new Skeleton.Edge("nose", "nose"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skeleton edge 'nose'-'nose' joins a point to itself");
  }

  @Test
  void edgesAreUniqueInEitherDirection() {
    List<String> points = List.of("a", "b");
    assertThatThrownBy(() ->
            new Skeleton(points, List.of(new Skeleton.Edge("a", "b"), new Skeleton.Edge("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skeleton edge 'a'-'b' appears twice");
    assertThatThrownBy(() ->
            new Skeleton(points, List.of(new Skeleton.Edge("a", "b"), new Skeleton.Edge("b", "a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skeleton edge 'b'-'a' appears twice");
  }
}
