package org.annotationkit.activelearning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stable identifiers of the items of a pool, by position: item {@code i} of a score array is
 * {@code id(i)}. Either a list of distinct non-empty strings, or the positions themselves written
 * in decimal (which costs no memory for a pool of ten million items). Immutable.
 *
 * @since 0.1.0
 */
public final class ItemIds {
  private final int size;
  private final List<String> ids;

  private ItemIds(int size, List<String> ids) {
    this.size = size;
    this.ids = ids;
  }

  /**
   * The given identifiers, in order.
   *
   * @param ids distinct, non-empty identifiers (copied)
   * @return the identifiers
   * @throws IllegalArgumentException if one is empty or repeated, naming it and its positions
   */
  public static ItemIds of(List<String> ids) {
    List<String> copy = List.copyOf(ids);
    Map<String, Integer> seen = HashMap.newHashMap(copy.size());
    for (int i = 0; i < copy.size(); i++) {
      String id = copy.get(i);
      if (id.isEmpty()) {
        throw new IllegalArgumentException("item id at position " + i + " is empty");
      }
      Integer before = seen.putIfAbsent(id, i);
      if (before != null) {
        throw new IllegalArgumentException(
            "item id '" + id + "' is repeated, at positions " + before + " and " + i);
      }
    }
    return new ItemIds(copy.size(), copy);
  }

  /**
   * The identifiers {@code "0"}, {@code "1"}, ..., {@code "size - 1"}.
   *
   * @param size the number of items, {@code >= 0}
   * @return the identifiers
   */
  public static ItemIds positions(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    return new ItemIds(size, List.of());
  }

  /**
   * The number of items.
   *
   * @return the number of items
   */
  public int size() {
    return size;
  }

  /**
   * The identifier of the item at a position.
   *
   * @param position the 0-based position
   * @return its identifier
   * @throws IndexOutOfBoundsException if there is no such position
   */
  public String id(int position) {
    Objects.checkIndex(position, size);
    return ids.isEmpty() ? Integer.toString(position) : ids.get(position);
  }

  /**
   * The identifiers as a list.
   *
   * @return the identifiers, in order, unmodifiable
   */
  public List<String> asList() {
    if (!ids.isEmpty() || size == 0) {
      return ids;
    }
    return java.util.stream.IntStream.range(0, size).mapToObj(Integer::toString).toList();
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    if (!(other instanceof ItemIds that) || size != that.size) {
      return false;
    }
    return (ids.isEmpty() && that.ids.isEmpty()) || asList().equals(that.asList());
  }

  @Override
  public int hashCode() {
    return asList().hashCode();
  }

  @Override
  public String toString() {
    return "ItemIds[" + size + (ids.isEmpty() ? " positions]" : " ids]");
  }
}
