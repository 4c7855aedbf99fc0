package org.annotationkit.activelearning;

/**
 * How a dense items x classes array is laid out.
 *
 * @since 0.1.0
 */
public enum Layout {
  /** Item after item: the classes of item {@code i} are at {@code i * classes + c}. */
  ROW_MAJOR,
  /** Class after class: the items of class {@code c} are at {@code c * items + i}. */
  CLASS_MAJOR
}
