package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.annotationkit.core.geometry.RleMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values from pycocotools' C library: cocodataset/cocoapi {@code common/maskApi.c} at
 * commit 8c9bcc3cf640524c4c20a9c40e89cb6a2f2fa0e9 (the functions {@code rleFrPoly}, {@code
 * rleFrBbox}, {@code rleToString}, {@code rleMerge}, {@code rleIou}, {@code bbIou}, {@code
 * rleArea}, {@code rleToBbox}), compiled with gcc and called on the inputs below. The triangle's
 * area of 10 (shoelace 12.5) and the bow-tie's area of 8 (shoelace 0) are also the values of
 * FORMATS.md section 5.
 */
class CocoRleReferenceTest {

  @Test
  void triangleRasterisesAsPycocotools() {
    RleMask mask = CocoRle.fromPolygon(new double[] {0, 0, 5, 0, 0, 5}, 10, 10);
    assertThat(mask.counts()).containsExactly(0, 4, 6, 3, 7, 2, 8, 1, 69);
    assertThat(CocoRle.toCompressed(mask)).isEqualTo("046O1O1Om1");
    assertThat(CocoRle.area(mask)).isEqualTo(10);
    assertThat(CocoRle.toBbox(mask)).containsExactly(0, 0, 4, 4);
  }

  @Test
  void bowTieGetsPixelsThoughItsShoelaceAreaIsZero() {
    RleMask mask = CocoRle.fromPolygon(new double[] {0, 0, 4, 4, 4, 0, 0, 4}, 10, 10);
    assertThat(mask.counts()).containsExactly(0, 3, 8, 1, 9, 1, 8, 3, 67);
    assertThat(CocoRle.toCompressed(mask)).isEqualTo("038N10O2k1");
    assertThat(CocoRle.area(mask)).isEqualTo(8);
  }

  @Test
  void polygonIsClippedAtTheImageBorder() {
    RleMask mask = CocoRle.fromPolygon(new double[] {-3, -2, 8.4, 1.3, 6.6, 12.5}, 7, 6);
    assertThat(mask.counts()).containsExactly(0, 3, 4, 5, 2, 6, 1, 14, 1, 6);
    assertThat(CocoRle.toCompressed(mask)).isEqualTo("0342N1O80H");
    assertThat(CocoRle.area(mask)).isEqualTo(34);
  }

  @Test
  void boxesRasteriseAsTheirCornerPolygon() {
    RleMask box = CocoRle.fromBox(1.5, 2.2, 3.7, 4.1, 10, 10);
    assertThat(box.counts()).containsExactly(22, 4, 6, 4, 6, 4, 54);
    assertThat(CocoRle.toCompressed(box)).isEqualTo("f046000`1");
    assertThat(CocoRle.area(box)).isEqualTo(12);
    RleMask whole = CocoRle.fromBox(0, 0, 10, 10, 10, 10);
    assertThat(whole.counts()).containsExactly(0, 100);
    assertThat(CocoRle.toCompressed(whole)).isEqualTo("0T3");
  }

  @Test
  void compressedStringsOfLargeCountsAndNegativeDeltas() {
    RleMask mask = new RleMask(1, 1_300_011, new int[] {0, 1, 300_000, 2, 5, 1_000_000, 3});
    assertThat(CocoRle.toCompressed(mask)).isEqualTo("01PoT91UQkFna`n0N");
    assertThat(CocoRle.fromCompressed("01PoT91UQkFna`n0N", 1, 1_300_011).counts())
        .containsExactly(mask.counts());
    // 2^30 needs the seventh 5-bit group (maskApi.c's rleFrString shifts an int there; we do not).
    RleMask big = new RleMask(1, 1_073_741_855, new int[] {5, 1 << 30, 6, 20});
    assertThat(CocoRle.toCompressed(big)).isEqualTo("5PPPPPP16dPPPPPO");
    assertThat(CocoRle.fromCompressed("5PPPPPP16dPPPPPO", 1, 1_073_741_855).counts())
        .containsExactly(big.counts());
  }

  private static final double[] P1 = {1, 1, 8, 1.5, 7, 9, 2, 7};
  private static final double[] P2 = {4, 0, 11, 4, 5, 10};
  private static final double[] P3 = {0, 5, 3, 9, 0, 9};

  private static List<RleMask> threeMasks() {
    return List.of(
        CocoRle.fromPolygon(P1, 10, 12),
        CocoRle.fromPolygon(P2, 10, 12),
        CocoRle.fromPolygon(P3, 10, 12));
  }

  @Test
  void mergesAndIousMatchPycocotools() {
    List<RleMask> masks = threeMasks();
    assertThat(CocoRle.toCompressed(masks.get(0))).isEqualTo(";373M1O000010KZ1");
    assertThat(CocoRle.toCompressed(masks.get(1))).isEqualTo("X1563LO2N2N1Ob0");
    assertThat(CocoRle.toCompressed(masks.get(2))).isEqualTo("638O1Ob2");
    assertThat(CocoRle.union(masks).counts())
        .containsExactly(
            6, 3, 2, 3, 3, 2, 2, 6, 1, 1, 2, 7, 2, 8, 3, 8, 2, 8, 3, 5, 6, 3, 7, 2, 25);
    assertThat(CocoRle.toCompressed(CocoRle.union(masks))).isEqualTo("63201OO4OK160110O01M3N1Ob0");
    assertThat(CocoRle.intersection(masks).counts()).containsExactly(120);
    assertThat(CocoRle.toCompressed(CocoRle.intersection(masks.subList(0, 2))))
        .isEqualTo("Y1463M01LY1");

    double[][] iou = CocoRle.iou(masks, masks, new boolean[] {false, true, false});
    assertThat(iou[0]).containsExactly(1, 0.5121951219512195, 0);
    assertThat(iou[1]).containsExactly(0.42, 1, 0);
    assertThat(iou[2]).containsExactly(0, 0, 1);

    assertThat(CocoRle.toBbox(masks.get(0))).containsExactly(1, 1, 7, 8);
    assertThat(CocoRle.toBbox(masks.get(1))).containsExactly(4, 0, 6, 9);
    assertThat(CocoRle.toBbox(masks.get(2))).containsExactly(0, 6, 3, 3);
  }

  @Test
  void boxIousMatchPycocotoolsWithTheCrowdRule() {
    double[][] dt = {{0, 0, 10, 10}, {5, 5, 10, 10}, {2.5, 1.25, 3.5, 7.75}};
    double[][] gt = {{1, 1, 8, 8}, {20, 20, 1, 1}};
    double[][] iou = CocoRle.boxIou(dt, gt, new boolean[] {true, false});
    assertThat(iou[0]).containsExactly(0.64, 0);
    assertThat(iou[1]).containsExactly(0.16, 0);
    assertThat(iou[2]).containsExactly(1, 0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "7|9|2.49,-0.30,3.72,3.90,3.10,-1.22,8.92,6.41|7|e035N2000002",
        "20|29|11.58,20.06,20.28,11.14,21.94,7.62,7.19,17.14,6.64,0.42,5.25,13.48,27.04,9.66|63"
            + "|_328:<HLO10O01O100OC0=00001KOF1;OD1<0C1=20LD1?10O1O10b1",
        "13|14|7.63,5.03,2.21,1.60,0.59,8.11,10.45,0.23,1.04,14.53,11.20,10.34,0.34,12.17|33"
            + "|a034NO40NO11NNO210O0040L10O40L23NM0X2",
        "16|33|24.91,6.75,7.95,-0.32,9.94,13.27,3.85,8.21,22.41,4.48,24.51,12.76,29.74,3.50,6.59,"
            + "-1.36|124|X21?001N2HOO202OL13510JH392001O000MFO;3001O000003M4MN1N2O1No1",
        "9|26|21.25,-0.32,10.71,-1.83,21.46,0.43,10.23,4.57,2.30,10.63,13.00,-1.81,9.95,1.42|33"
            + "|\\11700001N1000010000O1000O0100O1000]1",
        "21|12|7.44,17.00,8.44,2.39,3.62,22.52,8.41,9.96,12.27,16.39,9.10,16.48|32"
            + "|W31`02M2O1GL;52M2O2NA",
        "9|15|8.69,10.07,16.32,6.57,3.40,2.14,13.26,8.15,13.24,-0.39|21|i1190O001JO33NNO0O29NMOK",
        "5|26|4.66,2.34,-0.41,3.36,0.62,0.27|7|1230001O\\3",
        "16|29|3.74,16.86,15.58,8.79,5.97,0.05|91|[254f0NB2O1N2N2O1N2N2Ni6",
        "10|15|-0.98,10.79,0.11,0.22,0.13,1.76|0|f4",
        "27|23|13.61,17.49,16.96,21.06,17.31,1.98|27|X<4c05K5k4",
        "34|27|3.15,2.53,25.62,26.80,15.37,35.24,22.25,12.88,19.23,22.60|79"
            + "|b61R10000001O01O0001O000[O16OF3<N_O5b042N2N2N2N3NZ1",
      })
  void randomPolygonsRasteriseByteForByte(
      int height, int width, String coordinates, long area, String compressed) {
    String[] parts = coordinates.split(",", -1);
    double[] xy = new double[parts.length];
    for (int i = 0; i < xy.length; i++) {
      xy[i] = Double.parseDouble(parts[i]);
    }
    RleMask mask = CocoRle.fromPolygon(xy, height, width);
    assertThat(CocoRle.toCompressed(mask)).isEqualTo(compressed);
    assertThat(CocoRle.area(mask)).isEqualTo(area);
    assertThat(CocoRle.fromCompressed(compressed, height, width).counts())
        .containsExactly(mask.counts());
  }
}
