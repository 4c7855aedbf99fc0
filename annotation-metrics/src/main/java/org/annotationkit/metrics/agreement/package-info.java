/**
 * Inter-annotator agreement over categorical and numeric answers: percent agreement, Cohen's,
 * weighted, Fleiss', Conger's and Light's kappas, Scott's pi, Brennan-Prediger, Gwet's AC1/AC2,
 * Krippendorff's alpha at every level of measurement and intraclass correlation, with analytic and
 * bootstrap confidence intervals.
 *
 * <h2>Entry points</h2>
 *
 * {@link org.annotationkit.metrics.agreement.RatingTable} is the units-by-raters table (a missing
 * cell is simply absent, never a category), made from {@link
 * org.annotationkit.metrics.data.Answers} or from a plain {@code int[]}. {@link
 * org.annotationkit.metrics.agreement.AgreementCalculator} computes any {@link
 * org.annotationkit.metrics.agreement.Metric} over it, with an interval, as an {@link
 * org.annotationkit.metrics.agreement.Agreement}: a value, or "undefined" and why (never {@code
 * 0.0}, never a silent {@code NaN}).
 *
 * <h2>Mergeable statistics</h2>
 *
 * The point estimates are computed from sufficient statistics built by accumulators that merge
 * exactly (integer counts): {@link org.annotationkit.metrics.agreement.UnitCountsAccumulator} (per
 * number of ratings in a unit, the category counts and the pair counts: Krippendorff's alpha,
 * Fleiss' kappa, Gwet's AC1/AC2, Brennan-Prediger, percent agreement), {@link
 * org.annotationkit.metrics.agreement.RaterPairsAccumulator} (one contingency table per pair of
 * raters: Cohen's and weighted kappa, Scott's pi, Light's and Conger's kappas) and {@link
 * org.annotationkit.metrics.agreement.IntervalAlphaAccumulator} (moments for interval alpha over
 * continuous values, in constant memory). Split the units over threads, streams or machines,
 * accumulate each part and merge: the result equals the whole.
 *
 * <h2>Conventions</h2>
 *
 * Where the established implementations disagree, this package follows the choices of the project's
 * metrics reference: missing ratings are left out (Gwet's generalisation for the kappa family:
 * units with at least two ratings, each weighted equally; a unit nobody rated does not count);
 * weighted kappa says whether its distances are by category position (the default) or by category
 * value; Brennan-Prediger divides by the declared category set when there is one; ordinal alpha is
 * Krippendorff's; alpha has no small-sample correction beyond Krippendorff's own.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.metrics.agreement;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
