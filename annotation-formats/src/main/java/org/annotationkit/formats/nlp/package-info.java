/**
 * The formats of text, speech and model-evaluation data: token files, span and classification
 * records, ASR manifests and preference data, each a {@link org.annotationkit.formats.Format} found
 * by {@link java.util.ServiceLoader}.
 *
 * <h2>Layout</h2>
 *
 * One public class per format, all in this package, named after the format; everything else here is
 * package-private. The tag schemes, tokenizers and the span-to-token bridge that the token formats
 * build on are public in {@link org.annotationkit.formats.text}.
 *
 * <ul>
 *   <li>{@link org.annotationkit.formats.nlp.ConllFormat} {@code conll}: CoNLL-2003 token files.
 *   <li>{@link org.annotationkit.formats.nlp.SpacyFormat} {@code spacy}: spaCy training data.
 *   <li>{@link org.annotationkit.formats.nlp.DoccanoFormat} {@code doccano}: doccano JSON Lines.
 *   <li>{@link org.annotationkit.formats.nlp.ProdigyFormat} {@code prodigy}: Prodigy JSON Lines.
 *   <li>{@link org.annotationkit.formats.nlp.AsrManifestFormat} {@code asr-manifest}: NeMo ASR
 *       manifests.
 *   <li>{@link org.annotationkit.formats.nlp.SageMakerNerFormat} {@code sagemaker-ner}: SageMaker
 *       Ground Truth named-entity manifests (read).
 *   <li>{@link org.annotationkit.formats.nlp.SageMakerImageFormat} {@code sagemaker}: SageMaker
 *       Ground Truth image manifests (read): boxes, classes, semantic segmentation; beside {@code
 *       sagemaker-ner}, on the same manifest reading.
 *   <li>{@link org.annotationkit.formats.nlp.ClassificationTableFormat} {@code csv}: classification
 *       tables, CSV or JSON Lines.
 *   <li>{@link org.annotationkit.formats.nlp.PreferenceFormat} {@code preference}: preference data
 *       (chosen/rejected pairs, rankings).
 * </ul>
 *
 * <h2>What they share</h2>
 *
 * <ul>
 *   <li>Offsets are Unicode code points, end exclusive (FORMATS.md convention 8); texts are never
 *       normalised.
 *   <li>None of these formats declares its labels first, so a reader reads its input twice: once
 *       for the schema (the fields and labels met, in order of first appearance), once to stream
 *       the entries. Memory is one record and the label sets.
 *   <li>Writers skip rejected annotations (Prodigy's {@code reject}) and report them, so that
 *       rejected work never becomes training data; a format that holds one annotation per text
 *       writes the first of the others and reports the rest.
 *   <li>A text item may carry its tokens in its metadata: {@code tokens} ({@code start:end} code
 *       point ranges separated by spaces) or {@code tokenizer=whitespace}. Writers of token formats
 *       use them unless the {@code tokenizer} option is given, else the {@code words} tokenizer.
 * </ul>
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.nlp;

import org.jspecify.annotations.NullMarked;
