/**
 * JMH benchmarks of Annotation Kit's hot paths. Never deployed; run them with {@code java -jar
 * benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package org.annotationkit.benchmarks;

import org.jspecify.annotations.NullMarked;
