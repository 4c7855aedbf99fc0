package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.annotationkit.core.geometry.RleMask;
import org.junit.jupiter.api.Test;

/** Malformed input: every error names what is wrong and where. */
class CocoRleErrorTest {

  @Test
  void byteOutsideTheAlphabetIsNamed() {
    assertThatThrownBy(() -> CocoRle.fromCompressed("04 6", 2, 5))
        .isInstanceOf(MalformedRleException.class)
        .hasMessageContaining("byte 2 is ' ' (0x20)")
        .extracting(e -> ((MalformedRleException) e).offset())
        .isEqualTo(2);
    assertThatThrownBy(() -> CocoRle.fromCompressed("0p", 1, 1))
        .hasMessageContaining("byte 1 is 'p' (0x70), outside the alphabet");
  }

  @Test
  void stringCutInsideACountIsNamed() {
    // 'P' = 48 + 0x20: a continuation group with nothing after it.
    assertThatThrownBy(() -> CocoRle.fromCompressed("0P", 1, 1))
        .isInstanceOf(MalformedRleException.class)
        .hasMessageContaining("ends in the middle of count 1")
        .hasMessageContaining("offset 1");
  }

  @Test
  void negativeAndTooLongCountsAreNamed() {
    // 'O' = 48 + 0x1f: one last group with the sign bit 0x10 set, so -1; 'P' = 48 + 0x20 continues.
    assertThatThrownBy(() -> CocoRle.fromCompressed("3O", 1, 3))
        .isInstanceOf(MalformedRleException.class)
        .hasMessageContaining("count 1 (bytes 1..1) is -1, negative");
    assertThatThrownBy(() -> CocoRle.fromCompressed("PPPPPPPP0", 1, 1))
        .isInstanceOf(MalformedRleException.class)
        .hasMessageContaining("more than 7 characters")
        .extracting(e -> ((MalformedRleException) e).offset())
        .isEqualTo(7);
  }

  @Test
  void countsThatDoNotFillTheSizeAreRefused() {
    assertThatThrownBy(() -> CocoRle.fromCompressed("46", 2, 4))
        .isInstanceOf(MalformedRleException.class)
        .hasMessageContaining("brings the total to 10, more than height * width = 8");
    assertThatThrownBy(() -> CocoRle.fromCompressed("44", 3, 3))
        .isInstanceOf(MalformedRleException.class)
        .hasMessageContaining("the counts sum to 8, not height * width = 9 (height 3, width 3)")
        .extracting(e -> ((MalformedRleException) e).offset())
        .isEqualTo(-1);
    assertThat(CocoRle.fromCompressed("", 0, 7).counts()).isEmpty();
  }

  @Test
  void sizesThatDoNotMatchAreRefused() {
    RleMask a = RleMask.empty(2, 3);
    RleMask b = RleMask.empty(3, 2);
    assertThatThrownBy(() -> CocoRle.union(List.of(a, b)))
        .hasMessageContaining("masks[0] is 2x3 (height x width) but masks[1] is 3x2");
    assertThatThrownBy(() -> CocoRle.iou(List.of(a), List.of(b), new boolean[1]))
        .hasMessageContaining("detected[0] is 2x3 (height x width) but groundTruth[0] is 3x2");
    assertThatThrownBy(() -> CocoRle.iou(List.of(a), List.of(a), new boolean[2]))
        .hasMessageContaining("iscrowd must have one flag per ground truth (1), got 2");
    assertThatThrownBy(() -> CocoRle.encode(2, 2, new byte[3]))
        .hasMessageContaining("columnMajor must have height * width = 4 values");
    assertThatThrownBy(() -> CocoRle.encode(1, 2, new byte[] {0, 2}))
        .hasMessageContaining("columnMajor[1] must be 0 or 1, got 2");
    assertThatThrownBy(() -> CocoRle.merge(List.of(), false))
        .hasMessageContaining("masks must not be empty");
    assertThatThrownBy(() -> CocoRle.fromPolygon(new double[] {1, 2, 3}, 4, 4))
        .hasMessageContaining("positive even number");
    assertThatThrownBy(() -> CocoRle.fromPolygon(new double[] {1, Double.NaN}, 4, 4))
        .hasMessageContaining("xy[1] must be finite");
    assertThatThrownBy(() -> CocoRle.fromPolygon(new double[] {1, 2, 3e9, 0}, 4, 4))
        .hasMessageContaining("xy[2] must be within");
    assertThatThrownBy(
            () -> CocoRle.boxIou(new double[][] {{1, 2, 3}}, new double[0][], new boolean[0]))
        .hasMessageContaining("detected[0] must be {x, y, width, height} (4 values), got 3");
  }

  @Test
  void emptyMasksAndSingleMerges() {
    RleMask none = CocoRle.encode(0, 0, new byte[0]);
    assertThat(none.counts()).containsExactly(0);
    assertThat(CocoRle.toCompressed(none)).isEqualTo("0");
    assertThat(CocoRle.toBbox(RleMask.empty(3, 3))).containsExactly(0, 0, 0, 0);
    RleMask one = new RleMask(1, 5, new int[] {2, 0, 3});
    assertThat(CocoRle.union(List.of(one)).counts()).containsExactly(2, 0, 3);
    assertThat(CocoRle.fromPolygons(List.of(new double[] {0, 0, 5, 0, 0, 5}), 10, 10).counts())
        .containsExactly(0, 4, 6, 3, 7, 2, 8, 1, 69);
  }
}
