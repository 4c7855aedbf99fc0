package org.annotationkit.formats.cvat;

import java.nio.file.Path;
import java.util.Optional;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;

/**
 * CVAT for video 1.1, {@code cvat-video}: one {@code annotations.xml} with the task's labels and
 * frame range in {@code <meta>} and a {@code <track id label source group_id>} per object, holding
 * the object's shape on each frame ({@code <box frame outside occluded keyframe xtl ytl xbr ybr
 * z_order rotation>}, {@code polygon}, {@code polyline}, {@code points}, {@code mask}, {@code
 * skeleton}), and frame tags as {@code <tag frame label>} (docs.cvat.ai, "CVAT for video" XML
 * format). Read and written; the shapes and their attributes are those of {@link CvatImagesFormat
 * cvat}, read and written by the same code.
 *
 * <h2>Reading</h2>
 *
 * Each frame is an {@link org.annotationkit.core.item.ImageItem} named {@code frame_000000}, {@code
 * frame_000001}, ... (as CVAT and datumaro name a video's frames), sized by the meta's {@code
 * original_size}, with its number in the metadata as {@code cvat.frame}; frames run from 0 to the
 * meta's {@code size} (or to the last frame a shape is on). Each frame with shapes has one
 * annotation by {@code cvat}, holding every track's shape on that frame, in the fields of {@code
 * cvat} ({@code box}, {@code polygon}, {@code polyline}, {@code keypoints}, {@code mask}, {@code
 * skeleton:<label>}, {@code tags}) with the result id {@code t<track id>} and the attributes {@code
 * track_id} (the track's id) and {@code keyframe}, besides the shape properties and the track's
 * {@code source} and {@code group_id}.
 *
 * <p>A track is on a frame from a shape that is not {@code outside} until its next shape; between
 * two shapes more than a frame apart, the shape is interpolated as CVAT does: boxes (corners and
 * rotation, the shorter way round), polygons, polylines and points with as many points, and
 * skeletons point by point, linearly in the frame number; shapes that cannot be interpolated
 * (masks, point lists of different lengths) are held, which is reported. An {@code outside} shape
 * ends the track's visibility until a later shape; after its last shape a track that is not {@code
 * outside} stays to the last frame. Interpolated and held shapes have {@code keyframe} false.
 *
 * <h2>Writing</h2>
 *
 * The items are the frames in order (the {@code cvat.frame} metadata, when every item has one and
 * they differ, gives their numbers). Results with a {@code track_id} attribute of the same value,
 * label and shape kind make one track; every other result is a track of one frame. Each track gets
 * a shape on each frame it is on ({@code keyframe} from the attribute, else 1), and an {@code
 * outside} key frame on the frame after each run, unless that is past the last frame. Tags are
 * written as {@code <tag frame>}. The rest is as {@code cvat} writes it, losses included.
 *
 * @since 0.1.0
 */
public final class CvatVideoFormat implements Format {
  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public CvatVideoFormat() {}

  @Override
  public String name() {
    return "cvat-video";
  }

  @Override
  public String description() {
    return "CVAT for video 1.1 XML: tracks of boxes, polygons, polylines, points, masks and"
        + " skeletons with key frames, outside and interpolation; frame tags";
  }

  @Override
  public Layout layout() {
    return Layout.FILE;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of(CvatVideoSource::open);
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(CvatVideoWriter::write);
  }

  @Override
  public Detection detect(Path input) {
    return CvatImagesFormat.detect(input, true);
  }
}
