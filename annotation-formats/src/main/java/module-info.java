import org.annotationkit.formats.Format;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.annotationkit.formats.coco.CocoFormat;
import org.annotationkit.formats.cvat.CvatImagesFormat;
import org.annotationkit.formats.cvat.CvatVideoFormat;
import org.annotationkit.formats.labelme.LabelmeFormat;
import org.annotationkit.formats.labelstudio.LabelStudioFormat;
import org.annotationkit.formats.labelstudio.LabelStudioMinFormat;
import org.annotationkit.formats.nlp.AsrManifestFormat;
import org.annotationkit.formats.nlp.ClassificationTableFormat;
import org.annotationkit.formats.nlp.ConllFormat;
import org.annotationkit.formats.nlp.DoccanoFormat;
import org.annotationkit.formats.nlp.PreferenceFormat;
import org.annotationkit.formats.nlp.ProdigyFormat;
import org.annotationkit.formats.nlp.SageMakerImageFormat;
import org.annotationkit.formats.nlp.SageMakerNerFormat;
import org.annotationkit.formats.nlp.SpacyFormat;
import org.annotationkit.formats.voc.VocFormat;
import org.annotationkit.formats.yolo.YoloFormat;

/**
 * Annotation Kit formats: converters between labeling formats, through core's dataset model, with a
 * loss report for every conversion. Formats are found through {@link java.util.ServiceLoader}: this
 * module provides its own, and uses those of any other module.
 *
 * @since 0.1.0
 */
module org.annotationkit.formats {
  requires transitive org.annotationkit.core;
  requires tools.jackson.core;
  requires java.xml;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports org.annotationkit.formats;
  exports org.annotationkit.formats.canonical;
  exports org.annotationkit.formats.coco;
  exports org.annotationkit.formats.labelstudio;
  exports org.annotationkit.formats.nlp;
  exports org.annotationkit.formats.cvat;
  exports org.annotationkit.formats.labelme;
  exports org.annotationkit.formats.text;
  exports org.annotationkit.formats.voc;
  exports org.annotationkit.formats.yolo;

  uses Format;

  provides Format with
      CanonicalFormat,
      CocoFormat,
      LabelStudioFormat,
      LabelStudioMinFormat,
      VocFormat,
      ConllFormat,
      SpacyFormat,
      DoccanoFormat,
      ProdigyFormat,
      AsrManifestFormat,
      SageMakerNerFormat,
      ClassificationTableFormat,
      PreferenceFormat,
      CvatImagesFormat,
      YoloFormat,
      LabelmeFormat,
      SageMakerImageFormat,
      CvatVideoFormat;
}
