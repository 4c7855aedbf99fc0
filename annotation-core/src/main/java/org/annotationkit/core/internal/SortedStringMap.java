package org.annotationkit.core.internal;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map with string keys in their natural order, over a navigable map (a {@link
 * java.util.TreeMap}) that no one else holds: what {@link Require#sortedCopy(Map, String)} makes,
 * and what it takes back without a second copy. A reader that builds a tree map of its own for a
 * domain value {@linkplain #adopt(NavigableMap) hands it over} instead of copying it, and the
 * value's constructor keeps it as it is. It reads as the tree map would ({@code equals}, {@code
 * hashCode} and {@code toString} included) and refuses every change.
 *
 * @param <V> the type of the values
 */
public final class SortedStringMap<V> extends AbstractMap<String, V> {
  private final NavigableMap<String, V> view;

  private SortedStringMap(NavigableMap<String, V> owned) {
    this.view = Collections.unmodifiableNavigableMap(owned);
  }

  /**
   * Takes a tree map over: the caller must not keep it nor change it afterwards.
   *
   * @param <V> the type of the values
   * @param owned a map in the natural order of its keys (such as {@code new TreeMap<>()}) with no
   *     null value, which only the caller holds
   * @return the unmodifiable map over it
   * @throws IllegalArgumentException if the map has a comparator of its own
   * @throws NullPointerException if a value is null
   */
  public static <V> SortedStringMap<V> adopt(NavigableMap<String, V> owned) {
    if (owned.comparator() != null) {
      throw new IllegalArgumentException("the map must be in the natural order of its keys");
    }
    for (V value : owned.values()) {
      Objects.requireNonNull(value, "value");
    }
    return new SortedStringMap<>(owned);
  }

  @Override
  public int size() {
    return view.size();
  }

  @Override
  public boolean isEmpty() {
    return view.isEmpty();
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return key instanceof String && view.containsKey(key);
  }

  @Override
  public boolean containsValue(@Nullable Object value) {
    return view.containsValue(value);
  }

  @Override
  public @Nullable V get(@Nullable Object key) {
    return key instanceof String ? view.get(key) : null;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super V> action) {
    view.forEach(action);
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return view.entrySet();
  }

  @Override
  public Set<String> keySet() {
    return view.keySet();
  }

  @Override
  public Collection<V> values() {
    return view.values();
  }

  /**
   * The first key in order.
   *
   * @return the smallest key
   * @throws java.util.NoSuchElementException if the map is empty
   */
  public String firstKey() {
    return view.firstKey();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other == this || view.equals(other);
  }

  @Override
  public int hashCode() {
    return view.hashCode();
  }

  @Override
  public String toString() {
    return view.toString();
  }
}
