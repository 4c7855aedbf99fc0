package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.annotationkit.core.geometry.RleMask;
import org.junit.jupiter.api.Test;

/**
 * Values that pycocotools (the PyPI build) gives, as published in the tests of another project that
 * checks itself against it: twsl/pytorchcocotools, {@code tests/mask/test_encode.py}, {@code
 * tests/mask/test_fr_py_objects.py}, {@code tests/mask/test_iou.py} and {@code
 * tests/mask/test_area.py} at commit 045a741d29d92bd4786cc99f0171edbcdcaecc33 (each of their cases
 * asserts {@code pycocotools.mask.encode}, {@code frPyObjects}, {@code iou} or {@code area} equal
 * to the value). Their masks are 25 x 25 with the square {@code mask[a:b, a:b] = 1} set (rows and
 * columns a to b - 1); the 427 x 640 polygons are an instance of COCO val2017. The crowd IoUs are
 * worked out here by hand from the rule pycocotools applies (FORMATS.md section 5: |dt ∩ gt| / |dt|
 * when the ground truth is a crowd).
 */
class CocoRlePublishedTest {
  private static final int SIDE = 25;

  /** The 25 x 25 mask with rows and columns a to b - 1 set, column-major. */
  private static RleMask square(int a, int b) {
    byte[] pixels = new byte[SIDE * SIDE];
    for (int c = a; c < b; c++) {
      for (int r = a; r < b; r++) {
        pixels[c * SIDE + r] = 1;
      }
    }
    return CocoRle.encode(SIDE, SIDE, pixels);
  }

  @Test
  void encodedSquaresAreThePublishedStrings() {
    assertThat(CocoRle.toCompressed(square(0, 5))).isEqualTo("05d00000000d?");
    assertThat(CocoRle.toCompressed(square(5, 10))).isEqualTo("R45d00000000b;");
    assertThat(CocoRle.toCompressed(square(20, 25))).isEqualTo("X`05d00000000");
    assertThat(CocoRle.toCompressed(square(0, 25))).isEqualTo("0ac0");
    assertThat(CocoRle.area(square(5, 10))).isEqualTo(25);
    assertThat(CocoRle.area(square(20, 25))).isEqualTo(25);
    assertThat(CocoRle.area(square(0, 25))).isEqualTo(625);
  }

  @Test
  void uncompressedCountsCompressToThePublishedString() {
    RleMask mask = new RleMask(SIDE, SIDE, new int[] {130, 5, 20, 5, 20, 5, 20, 5, 20, 5, 390});
    assertThat(CocoRle.toCompressed(mask)).isEqualTo("R45d00000000b;");
    assertThat(CocoRle.fromCompressed("R45d00000000b;", SIDE, SIDE).counts())
        .containsExactly(mask.counts());
  }

  @Test
  void boxAndPolygonRasteriseToThePublishedStrings() {
    assertThat(CocoRle.toCompressed(CocoRle.fromBox(10, 10, 10, 10, SIDE, SIDE)))
        .isEqualTo("T8:?00000000000000000c3");
    RleMask polygon =
        CocoRle.fromPolygon(new double[] {10, 10, 20, 10, 20, 20, 21, 21, 10, 20}, SIDE, SIDE);
    assertThat(CocoRle.toCompressed(polygon)).isEqualTo("T8:?00000000001O00000:F`2");
    // The box covers the 10 x 10 pixels from (10, 10).
    assertThat(CocoRle.area(CocoRle.fromBox(10, 10, 10, 10, SIDE, SIDE))).isEqualTo(100);
  }

  @Test
  void aTwoPartCocoInstanceRasterisesToThePublishedStrings() {
    double[] head = {
      266.83, 189.37, 267.79, 175.29, 269.46, 170.04, 271.37, 165.98, 270.89, 163.12, 269.12,
      159.54, 272.8, 156.44, 287.36, 156.44, 293.33, 157.87, 296.91, 160.49, 296.91, 161.21, 291.89,
      161.92, 289.98, 165.03, 291.42, 169.56, 285.16, 196.54
    };
    double[] foot = {
      266.35, 214.44, 270.41, 217.3, 276.38, 218.97, 282.11, 218.97, 285.93, 217.3, 286.88, 207.28,
      267.07, 201.07
    };
    String headString =
        "\\`_3;j<6B@nCc0Q<@kCc0S<;01N10001O001O00001O001O0000O1L4K6K4L4B]COh<O<O001O0O2Omk^4";
    String footString = "RT_32n<<O100O0010O000010O0001O00001O000O101O0ISPc4";
    assertThat(CocoRle.toCompressed(CocoRle.fromPolygon(head, 427, 640))).isEqualTo(headString);
    assertThat(CocoRle.toCompressed(CocoRle.fromPolygon(foot, 427, 640))).isEqualTo(footString);
    // A string that pycocotools decodes and encodes back to itself (test_encode.py).
    String decoded =
        "\\`_3;j<6M3E_OjCd0T<:O1O2O001O00001O00001O001O0000O1K6J5J6A^C0g<N=O001O0O2Omk^4";
    RleMask mask = CocoRle.fromCompressed(decoded, 427, 640);
    assertThat(CocoRle.toCompressed(CocoRle.encode(427, 640, CocoRle.decode(mask))))
        .isEqualTo(decoded);
  }

  @Test
  void iousAreThePublishedValuesAndTheCrowdRule() {
    RleMask a = square(5, 10);
    List<RleMask> dt = List.of(a, a, a, a);
    List<RleMask> gt = List.of(square(5, 10), square(10, 15), square(5, 15), square(8, 13));
    double[][] plain = CocoRle.iou(dt, gt, new boolean[4]);
    assertThat(plain[0]).containsExactly(1, 0, 0.25, 4.0 / 46);
    // Crowd ground truth: the intersection over the detection's own 25 pixels.
    double[][] crowd = CocoRle.iou(dt, gt, new boolean[] {true, true, true, true});
    assertThat(crowd[0]).containsExactly(1, 0, 1, 4.0 / 25);

    double[][] boxes = {{5, 5, 5, 5}};
    double[][] others = {{5, 5, 5, 5}, {10, 10, 5, 5}, {5, 5, 10, 10}, {8, 8, 5, 5}};
    assertThat(CocoRle.boxIou(boxes, others, new boolean[4])[0])
        .containsExactly(1, 0, 0.25, 4.0 / 46);
    assertThat(CocoRle.boxIou(boxes, others, new boolean[] {true, true, true, true})[0])
        .containsExactly(1, 0, 1, 4.0 / 25);
  }
}
