/**
 * Token-level text annotation: tag schemes and the bridge between character spans and tokens.
 *
 * <p>{@link org.annotationkit.formats.text.TagSequences} decodes tag sequences in the schemes of
 * {@link org.annotationkit.formats.text.TagScheme} (IOB1, IOB2, BIOES/IOBES, BILOU) to {@link
 * org.annotationkit.formats.text.TokenSpan token spans}, encodes spans back to tags and converts
 * between schemes; every repair of an invalid sequence is returned as a {@link
 * org.annotationkit.formats.text.TagRepair}. {@link org.annotationkit.formats.text.Tokenizer}
 * splits raw text into a {@link org.annotationkit.formats.text.Tokenization}, and {@link
 * org.annotationkit.formats.text.SpanBridge} maps spans in code points over the text to token spans
 * and back, reporting each span that does not align or overlaps another as a {@link
 * org.annotationkit.formats.text.SpanProblem}.
 *
 * <p>Offsets are Unicode code points, end exclusive, as everywhere in Annotation Kit; token indices
 * are 0-based, end exclusive.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.formats.text;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
