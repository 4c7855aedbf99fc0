package org.annotationkit.core.validation;

import static org.annotationkit.core.validation.Expect.codes;
import static org.annotationkit.core.validation.Expect.one;
import static org.annotationkit.core.validation.Expect.paths;
import static org.annotationkit.core.validation.Fixtures.IMAGE;
import static org.annotationkit.core.validation.Fixtures.VALIDATOR;
import static org.annotationkit.core.validation.Fixtures.VIDEO;
import static org.annotationkit.core.validation.Fixtures.annotation;
import static org.annotationkit.core.validation.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.validation.Violation.Code;
import org.junit.jupiter.api.Test;

/** Geometry against the image or video frame: boxes, polygons, polylines, keypoints, masks. */
class ValidatorGeometryTest {

  private static List<Violation> box(Box box, Item item) {
    return VALIDATOR.validate(
        annotation(item, result("r0", "objects", new BoxValue("person", box))), item);
  }

  // ------------------------------------------------------------------ boxes

  @Test
  void boxLeftOfTheImage() {
    one(
        box(Box.of(-3, 10, 20, 20), IMAGE),
        "/results/0/value/x",
        Code.OUTSIDE_FRAME,
        "box x -3 is left of the image");
  }

  @Test
  void boxAboveTheImage() {
    one(
        box(Box.of(10, -2.5, 20, 20), IMAGE),
        "/results/0/value/y",
        Code.OUTSIDE_FRAME,
        "box y -2.5 is above the image");
  }

  @Test
  void boxPastTheImageWidth() {
    one(
        box(Box.of(600, 10, 50.5, 20), IMAGE),
        "/results/0/value/width",
        Code.OUTSIDE_FRAME,
        "box right edge x + width = 650.5 is past the image width 640");
  }

  @Test
  void boxPastTheImageHeight() {
    one(
        box(Box.of(10, 470, 20, 11), IMAGE),
        "/results/0/value/height",
        Code.OUTSIDE_FRAME,
        "box bottom edge y + height = 481 is past the image height 480");
  }

  @Test
  void boxOutOfEveryEdgeGivesFourViolations() {
    paths(
        box(Box.of(-1, -1, 700, 500), IMAGE),
        "/results/0/value/x",
        "/results/0/value/y",
        "/results/0/value/width",
        "/results/0/value/height");
  }

  @Test
  void edgesHaveATolerance() {
    assertThat(box(Box.of(-1e-7, -1e-7, 640 + 2e-7, 480 + 2e-7), IMAGE)).isEmpty();
    paths(box(Box.of(-1e-5, 0, 10, 10), IMAGE), "/results/0/value/x");
  }

  @Test
  void boxPastTheVideoFrame() {
    one(
        box(Box.of(300, 0, 40, 10), VIDEO),
        "/results/0/value/width",
        Code.OUTSIDE_FRAME,
        "x + width = 340 is past the video frame width 320");
  }

  @Test
  void rotatedBoxWithCornersOutsideTheImage() {
    // Centre (60, 20), half sizes 50 x 10, turned 90 degrees clockwise: the top-left corner goes
    // to (60 + 10, 20 - 50) and the bottom-left one to (60 - 10, 20 - 50), above the image.
    one(
        box(new Box(10, 10, 100, 20, 90), IMAGE),
        "/results/0/value/rotation",
        Code.OUTSIDE_FRAME,
        "box rotated by 90° has corners top-left (70, -30), bottom-left (50, -30) outside the"
            + " 640x480 image");
  }

  @Test
  void rotatedBoxWithOneCornerOutsideNamesIt() {
    // Centre (80, 50), a 100 x 100 square turned 45 degrees: its top-left corner lands at
    // (80, 50 - 50 * sqrt(2)) = (80, -20.711); the others stay inside.
    one(
        box(new Box(30, 0, 100, 100, 45), IMAGE),
        "/results/0/value/rotation",
        Code.OUTSIDE_FRAME,
        "corner top-left (80, -20.711) outside the 640x480 image");
  }

  @Test
  void rotatedBoxIsCheckedByItsCornersNotItsUnrotatedEdges() {
    // Unrotated it would reach x = 660; turned 90 degrees it spans x 610..630.
    assertThat(box(new Box(580, 200, 80, 20, 90), IMAGE)).isEmpty();
  }

  @Test
  void rotatedBoxInAFieldThatIsNotRotatable() {
    Annotation a =
        annotation(
            IMAGE, result("r0", "plates", new BoxValue("plate", new Box(10, 10, 20, 20, 30))));
    one(
        VALIDATOR.validate(a, IMAGE),
        "/results/0/value/rotation",
        Code.ROTATION_NOT_ALLOWED,
        "box is rotated by 30°, but field 'plates' does not allow rotated boxes");
    one(
        VALIDATOR.validate(a),
        "/results/0/value/rotation",
        Code.ROTATION_NOT_ALLOWED,
        "does not allow rotated boxes");
  }

  // ------------------------------------------------------------------ polygons and polylines

  @Test
  void polygonPointsOutsideTheImage() {
    Annotation a =
        annotation(
            IMAGE,
            result(
                "r0",
                "regions",
                new PolygonValue("road", Polygon.of(0, 0, 700, 0, 700, 100, 0, 100))));
    List<Violation> violations = VALIDATOR.validate(a, IMAGE);
    paths(violations, "/results/0/value/points/1", "/results/0/value/points/2");
    assertThat(violations.get(0).message())
        .isEqualTo("point (700, 0) is outside the 640x480 image");
  }

  @Test
  void polygonHolePointOutsideTheImage() {
    Polygon polygon =
        new Polygon(
            List.of(new Point(0, 0), new Point(100, 0), new Point(100, 100)),
            List.of(
                List.of(new Point(50, 10), new Point(60, 10), new Point(60, 20)),
                List.of(new Point(10, 10), new Point(20, 10), new Point(20, -1))));
    List<Violation> violations =
        VALIDATOR.validate(
            annotation(IMAGE, result("r0", "regions", new PolygonValue("sky", polygon))), IMAGE);
    // Outside the image, and so outside the exterior too.
    paths(violations, "/results/0/value/holes/1/2", "/results/0/value/holes/1/1");
    codes(violations, Code.OUTSIDE_FRAME, Code.POLYGON_HOLE_OUTSIDE);
    assertThat(violations.get(0).message())
        .isEqualTo("point (20, -1) is outside the 640x480 image");
    assertThat(violations.get(1).message()).contains("hole 1 crosses the exterior");
  }

  private static Annotation region(Polygon polygon) {
    return annotation(IMAGE, result("r0", "regions", new PolygonValue("road", polygon)));
  }

  private static List<Point> square(double x0, double y0, double x1, double y1) {
    return Polygon.of(x0, y0, x1, y0, x1, y1, x0, y1).exterior();
  }

  @Test
  void aBowtiePolygonIsReportedWithTheTwoEdgesThatCross() {
    Annotation a = region(Polygon.of(0, 0, 20, 20, 20, 0, 0, 20));
    one(
        VALIDATOR.validate(a, IMAGE),
        "/results/0/value/points/0",
        Code.POLYGON_SELF_INTERSECTION,
        "invalid polygon: the exterior crosses itself: edge 0 from (0, 0) to (20, 20) crosses edge"
            + " 2 from (20, 0) to (0, 20) at (10, 10)");
    // The shape needs no item to be checked.
    one(
        VALIDATOR.validate(a),
        "/results/0/value/points/0",
        Code.POLYGON_SELF_INTERSECTION,
        "crosses itself");
  }

  @Test
  void aHoleOutsideItsPolygonIsReportedAtTheHole() {
    Annotation a =
        region(
            new Polygon(
                square(0, 0, 40, 40), List.of(square(10, 10, 20, 20), square(60, 0, 70, 10))));
    one(
        VALIDATOR.validate(a, IMAGE),
        "/results/0/value/holes/1",
        Code.POLYGON_HOLE_OUTSIDE,
        "invalid polygon: hole 1 lies outside the exterior: its point 0 (60, 0) is outside");
    Annotation crossing =
        region(new Polygon(square(0, 0, 40, 40), List.of(square(30, 10, 50, 20))));
    one(
        VALIDATOR.validate(crossing, IMAGE),
        "/results/0/value/holes/0/0",
        Code.POLYGON_HOLE_OUTSIDE,
        "hole 0 crosses the exterior",
        "at (40, 10)");
  }

  @Test
  void overlappingHolesAreReportedAtTheSecondHole() {
    Annotation a =
        region(
            new Polygon(
                square(0, 0, 40, 40), List.of(square(5, 5, 20, 20), square(15, 15, 30, 30))));
    one(
        VALIDATOR.validate(a, IMAGE),
        "/results/0/value/holes/1/0",
        Code.POLYGON_HOLES_OVERLAP,
        "holes 0 and 1 overlap");
  }

  @Test
  void ringsWithoutAreaAreReportedAtTheRing() {
    Annotation a =
        region(
            new Polygon(
                square(0, 0, 40, 40), List.of(Polygon.of(5, 5, 10, 10, 15, 15).exterior())));
    one(
        VALIDATOR.validate(a, IMAGE),
        "/results/0/value/holes/0",
        Code.POLYGON_ZERO_AREA,
        "invalid polygon: hole 0 has no area: its points lie on one line");
    one(
        VALIDATOR.validate(region(Polygon.of(1, 1, 5, 5, 9, 9)), IMAGE),
        "/results/0/value/points",
        Code.POLYGON_ZERO_AREA,
        "the exterior has no area");
  }

  @Test
  void polylinePointOutsideTheImage() {
    Polyline line = new Polyline(List.of(new Point(0, 0), new Point(10, 500), new Point(20, 20)));
    one(
        VALIDATOR.validate(
            annotation(IMAGE, result("r0", "lanes", new PolylineValue("lane", line))), IMAGE),
        "/results/0/value/points/1",
        Code.OUTSIDE_FRAME,
        "point (10, 500) is outside the 640x480 image");
  }

  // ------------------------------------------------------------------ keypoints

  private static List<Violation> pose(Keypoint... points) {
    return VALIDATOR.validate(
        annotation(IMAGE, result("r0", "pose", new KeypointsValue("person", List.of(points)))),
        IMAGE);
  }

  @Test
  void keypointOutsideTheImage() {
    one(
        pose(
            new Keypoint("nose", 10, 10, Keypoint.Visibility.VISIBLE),
            new Keypoint("left_eye", 650, 10, Keypoint.Visibility.OCCLUDED)),
        "/results/0/value/points/1",
        Code.OUTSIDE_FRAME,
        "keypoint 'left_eye' at (650, 10) is outside the 640x480 image");
  }

  @Test
  void keypointThatIsNotLabeledHasNoPositionToCheck() {
    assertThat(pose(new Keypoint("nose", -100, 5000, Keypoint.Visibility.NOT_LABELED))).isEmpty();
  }

  @Test
  void keypointNotInTheSkeleton() {
    Violation v =
        one(
            pose(
                new Keypoint("nose", 10, 10, Keypoint.Visibility.VISIBLE),
                new Keypoint("tail", 10, 10, Keypoint.Visibility.VISIBLE)),
            "/results/0/value/points/1/name",
            Code.UNKNOWN_KEYPOINT);
    assertThat(v.message())
        .isEqualTo(
            "keypoint 'tail' is not in the skeleton of field 'pose' (points: nose, left_eye,"
                + " right_eye)");
  }

  @Test
  void keypointNameAndPositionAreBothReported() {
    List<Violation> violations = pose(new Keypoint("nos", 10, 490, Keypoint.Visibility.VISIBLE));
    paths(violations, "/results/0/value/points/0/name", "/results/0/value/points/0");
    assertThat(violations.get(0).message()).contains("did you mean 'nose'?");
  }

  @Test
  void missingSkeletonPointsAreFine() {
    assertThat(pose(new Keypoint("right_eye", 1, 1, Keypoint.Visibility.VISIBLE))).isEmpty();
  }

  // ------------------------------------------------------------------ masks

  private static List<Violation> mask(RleMask mask) {
    return VALIDATOR.validate(
        annotation(IMAGE, result("r0", "masks", new MaskValue("road", mask))), IMAGE);
  }

  @Test
  void maskOfAnotherHeight() {
    one(
        mask(RleMask.empty(400, 640)),
        "/results/0/value/height",
        Code.MASK_SIZE_MISMATCH,
        "mask height 400 differs from the image height 480");
  }

  @Test
  void maskOfAnotherWidth() {
    one(
        mask(RleMask.empty(480, 600)),
        "/results/0/value/width",
        Code.MASK_SIZE_MISMATCH,
        "mask width 600 differs from the image width 640");
  }

  @Test
  void maskSizeOnAVideoIsTheFrameSize() {
    Annotation a =
        annotation(VIDEO, result("r0", "masks", new MaskValue("road", RleMask.empty(480, 640))));
    paths(VALIDATOR.validate(a, VIDEO), "/results/0/value/height", "/results/0/value/width");
    assertThat(
            VALIDATOR.validate(
                annotation(
                    VIDEO, result("r0", "masks", new MaskValue("road", RleMask.empty(240, 320)))),
                VIDEO))
        .isEmpty();
  }
}
