/**
 * The answer tables that agreement, aggregation and annotator quality read: who said what about
 * which item, coded to dense {@code int}s and laid out for fast passes.
 *
 * <p>{@link org.annotationkit.metrics.data.Answers} holds categorical answers (a label per item and
 * annotator), {@link org.annotationkit.metrics.data.Ratings} numeric ones (a number per item and
 * annotator, for interval and ratio agreement, intraclass correlation and numeric aggregation).
 * Both are long-form tables of answers grouped by item (compressed sparse rows: the answers of item
 * {@code u} are the positions {@code start(u)} to {@code end(u) - 1}, in annotator order) with a
 * second index by annotator, built once; both are immutable and thread-safe.
 *
 * <h2>Order does not matter</h2>
 *
 * Items and annotators are coded in {@linkplain org.annotationkit.core.coding.LabelCoding#sorted
 * sorted} order of their ids, and labels in the caller's category order or in {@linkplain
 * CategoryOrder natural order}; answers are grouped by item, then annotator. So the same answers in
 * any row order make the same table, code for code, and every statistic computed from a table gives
 * the same result however its input was ordered (METRICS.md convention 10).
 *
 * <h2>Missing is not a category</h2>
 *
 * A missing answer is simply absent from the table: an empty cell of a wide table, an empty label
 * in a long one. No code ever stands for "missing".
 *
 * <h2>Reading them</h2>
 *
 * {@link org.annotationkit.metrics.data.Answers#read(java.nio.file.Path, AnswerOptions)} and its
 * {@code Ratings} twin read CSV in either layout, told apart by the header:
 *
 * <ul>
 *   <li>long: a header with the columns {@code item}, {@code annotator} and {@code label} (in any
 *       order; other columns are ignored), one answer per row;
 *   <li>wide: a header {@code unit,<annotator>,<annotator>,...}, one row per item and one column
 *       per annotator, an empty cell where that annotator gave no answer.
 * </ul>
 *
 * <p>Errors name the file, line and column, as core's CSV reader does; an annotator who answers the
 * same item twice is an error naming both lines, unless {@link
 * org.annotationkit.metrics.data.AnswerOptions#allowRepeats() repeats are allowed} (multi-label
 * answers).
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.metrics.data;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
