/**
 * Seeded test-support generators of Annotation Kit core, published in core's test-jar so that the
 * tests and benchmarks of every module reuse them: {@link org.annotationkit.core.testing.Seeds}
 * (reproducible seeds for property tests), {@link org.annotationkit.core.testing.DomainGenerator}
 * (random label sets, fields, schemas, items, values and annotations, valid or arbitrary), {@link
 * org.annotationkit.core.testing.ViolationPlanter} (annotations with known violations), {@link
 * org.annotationkit.core.testing.DatasetGenerator} (datasets and ungrouped sources), {@link
 * org.annotationkit.core.testing.TableGenerator} (CSV cells, numbers and tables that stress quoting
 * and encoding), and {@link org.annotationkit.core.testing.AccumulatorLaws} (the laws every
 * mergeable accumulator obeys, checked over seeded random splits).
 *
 * <p>Everything here is deterministic in its seed: the same seed gives the same values on every
 * machine, so a failing property test reproduces from the seed in its display name.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.core.testing;

import org.jspecify.annotations.NullMarked;
