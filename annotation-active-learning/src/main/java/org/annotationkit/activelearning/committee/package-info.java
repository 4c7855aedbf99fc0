/**
 * Query by committee and BALD: vote entropy, consensus entropy, KL divergence to the consensus, and
 * mutual information over Monte Carlo samples. Start at {@link
 * org.annotationkit.activelearning.committee.CommitteeSampler}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.committee;

import org.jspecify.annotations.NullMarked;
