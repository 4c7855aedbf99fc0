package org.annotationkit.core.internal;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks of the core's constructors, and how their messages quote values. Every
 * failure is an {@link IllegalArgumentException} (a {@link NullPointerException} for a null) whose
 * message names the argument and, where there is one, the bad value: {@code "width must be >= 0,
 * got -3.0"}.
 */
public final class Require {

  /** How many code points of a value {@link #quote(String)} shows before it shortens it. */
  private static final int QUOTED_CODE_POINTS = 40;

  private Require() {}

  /**
   * Requires a finite number.
   *
   * @param value the number
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if the number is NaN or infinite
   */
  public static void finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  /**
   * Requires an optional number to be finite when present.
   *
   * @param value the optional number
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if the number is present and NaN or infinite
   */
  public static void finite(OptionalDouble value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isPresent()) {
      finite(value.getAsDouble(), name);
    }
  }

  /**
   * Requires a finite number that is at least zero.
   *
   * @param value the number
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if the number is NaN, infinite or negative
   */
  public static void finiteNonNegative(double value, String name) {
    finite(value, name);
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  /**
   * Requires a finite number greater than zero.
   *
   * @param value the number
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if the number is NaN, infinite, zero or negative
   */
  public static void finitePositive(double value, String name) {
    finite(value, name);
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }

  /**
   * Requires a count, size or offset that is at least zero.
   *
   * @param value the number
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if the number is negative
   */
  public static void nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  /**
   * Requires a count or size greater than zero.
   *
   * @param value the number
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if the number is zero or negative
   */
  public static void positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }

  /**
   * Requires a non-empty string, such as an id or a label.
   *
   * @param value the string
   * @param name the argument's name, for the message
   * @return the string
   * @throws NullPointerException if the string is null
   * @throws IllegalArgumentException if the string is empty
   */
  @CanIgnoreReturnValue
  public static String nonEmpty(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  /**
   * Requires an optional string to be non-empty when present.
   *
   * @param value the optional string
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if the string is present and empty
   */
  public static void nonEmpty(Optional<String> value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isPresent() && value.get().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty when present");
    }
  }

  /**
   * Requires a valid name of a schema's part (a label, field, attribute, option, skeleton point or
   * schema): non-empty, no leading or trailing whitespace, no control characters and no unpaired
   * surrogates.
   *
   * @param name the name to check
   * @param what what the name names, for the message, such as {@code "label name"}
   * @return the name
   * @throws NullPointerException if the name is null
   * @throws IllegalArgumentException naming {@code what} and the bad name
   */
  @CanIgnoreReturnValue
  public static String validName(String name, String what) {
    nonEmpty(name, what);
    if (isBlank(name.codePointAt(0)) || isBlank(name.codePointBefore(name.length()))) {
      throw new IllegalArgumentException(
          what + " must not start or end with whitespace, got " + quote(name));
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            what + " must not contain control characters, got " + quote(name));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            what + " must not contain an unpaired surrogate, got " + quote(name));
      }
    }
    return name;
  }

  private static boolean isBlank(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  /**
   * Copies a list that must hold at least {@code min} elements.
   *
   * @param <T> the type of the elements
   * @param values the caller's list, without nulls
   * @param min the least number of elements
   * @param name the argument's name, for the message
   * @param unit what the elements are, for the message, such as {@code "points"}
   * @return an unmodifiable copy
   * @throws IllegalArgumentException if the list is too short, such as {@code "exterior must have
   *     at least 3 points, got 2"}
   */
  public static <T> List<T> atLeast(List<? extends T> values, int min, String name, String unit) {
    Objects.requireNonNull(values, name);
    List<T> copy = List.copyOf(values);
    if (copy.size() < min) {
      throw new IllegalArgumentException(
          name + " must have at least " + min + " " + unit + ", got " + copy.size());
    }
    return copy;
  }

  /**
   * Copies a list, checking each element under its own name, {@code name[index]}.
   *
   * @param <T> the type of the elements
   * @param values the caller's list
   * @param name the argument's name, for the messages
   * @param check checks one element, given its name such as {@code "holes[2]"}, and returns what to
   *     keep of it
   * @return an unmodifiable copy of what {@code check} returned
   * @throws NullPointerException naming the element if an element is null
   * @implNote {@code check} is first given the list's name; only when it throws is it called again
   *     with the element's name, so that only a failure pays for building that name. It must be a
   *     check without side effects.
   */
  public static <T> List<T> copyEach(
      List<? extends T> values, String name, BiFunction<? super T, String, ? extends T> check) {
    Objects.requireNonNull(values, name);
    Object[] copy = values.toArray();
    for (int i = 0; i < copy.length; i++) {
      int index = i;
      Object value = Objects.requireNonNull(copy[i], () -> name + "[" + index + "]");
      @SuppressWarnings("unchecked") // copied from a List<? extends T>
      T element = (T) value;
      try {
        // The element's name is only needed in a message: it is built only when the check fails.
        copy[i] = check.apply(element, name);
      } catch (IllegalArgumentException e) {
        copy[i] = check.apply(element, name + "[" + i + "]");
        throw e;
      }
    }
    @SuppressWarnings("unchecked") // every element is a checked T
    List<T> list = (List<T>) List.of(copy);
    return list;
  }

  /**
   * Requires that no two elements of a list have the same key, as {@link #unique} does, without
   * making the set of keys: a list of a few elements (as in most annotations) is checked pair by
   * pair and allocates nothing.
   *
   * @param <T> the type of the elements
   * @param <K> the type of the keys
   * @param values the elements
   * @param key the key of an element, such as its id or name
   * @param message the message for a key that repeats
   * @throws IllegalArgumentException with the message of the first key that repeats
   */
  public static <T, K> void requireUnique(
      List<? extends T> values,
      Function<? super T, ? extends K> key,
      Function<? super K, String> message) {
    int n = values.size();
    if (n > SMALL || !(values instanceof java.util.RandomAccess)) {
      Set<K> unused = unique(values, key, message);
      return;
    }
    for (int i = 1; i < n; i++) {
      K k = key.apply(values.get(i));
      for (int j = 0; j < i; j++) {
        if (Objects.equals(key.apply(values.get(j)), k)) {
          throw new IllegalArgumentException(message.apply(k));
        }
      }
    }
  }

  /**
   * Requires that no two elements have the same key.
   *
   * @param <T> the type of the elements
   * @param <K> the type of the keys
   * @param values the elements
   * @param key the key of an element, such as its id or name
   * @param message the message for a key that repeats
   * @return the keys, an unmodifiable set
   * @throws IllegalArgumentException with the message of the first key that repeats
   */
  @CanIgnoreReturnValue
  public static <T, K> Set<K> unique(
      Collection<? extends T> values,
      Function<? super T, ? extends K> key,
      Function<? super K, String> message) {
    int n = values.size();
    if (n <= SMALL) {
      // A few values, as in most annotations: compare each key with the ones before it, without
      // the allocations of a hash set, and make the set of keys only when it is asked for. Their
      // hash codes (cached by strings) are compared first, so that a pair of keys costs one int
      // comparison unless the hashes agree.
      @SuppressWarnings("unchecked") // keys of the values, each a K
      K[] keys = (K[]) new Object[n];
      int[] hashes = new int[n];
      int i = 0;
      for (T value : values) {
        K k = key.apply(value);
        int hash = Objects.hashCode(k);
        for (int j = 0; j < i; j++) {
          if (hashes[j] == hash && Objects.equals(keys[j], k)) {
            throw new IllegalArgumentException(message.apply(k));
          }
        }
        keys[i] = k;
        hashes[i++] = hash;
      }
      return new SmallSet<>(keys, hashes, i);
    }
    Set<K> seen = HashSet.newHashSet(n);
    for (T value : values) {
      K k = key.apply(value);
      if (!seen.add(k)) {
        throw new IllegalArgumentException(message.apply(k));
      }
    }
    return Collections.unmodifiableSet(seen);
  }

  /** Up to this many values are checked for uniqueness by comparing pairs. */
  private static final int SMALL = 32;

  /** The distinct keys of a few values, as an unmodifiable set that copies them only if asked. */
  private static final class SmallSet<K> extends java.util.AbstractSet<K> {
    private final K[] keys;
    private final int[] hashes;
    private final int size;

    SmallSet(K[] keys, int[] hashes, int size) {
      this.keys = keys;
      this.hashes = hashes;
      this.size = size;
    }

    @Override
    public java.util.Iterator<K> iterator() {
      return java.util.Arrays.asList(keys).subList(0, size).iterator();
    }

    @Override
    public boolean contains(@Nullable Object o) {
      int hash = Objects.hashCode(o);
      for (int i = 0; i < size; i++) {
        if (hashes[i] == hash && Objects.equals(keys[i], o)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * Copies a map with string keys into an unmodifiable map sorted by key; a map that this method
   * made (or a {@link SortedStringMap}) is returned as it is.
   *
   * @param <V> the type of the values
   * @param map the caller's map
   * @param name the argument's name, for the messages
   * @return the copy
   * @throws NullPointerException if a key or a value is null, naming it
   * @throws IllegalArgumentException if a key is empty
   */
  public static <V> Map<String, V> sortedCopy(Map<String, ? extends V> map, String name) {
    Objects.requireNonNull(map, name);
    if (map.isEmpty()) {
      return Collections.emptySortedMap();
    }
    if (map instanceof SortedStringMap<? extends V> sorted) {
      // Unmodifiable, no null key or value, sorted: taken as it is (an empty key sorts first).
      if (sorted.firstKey().isEmpty()) {
        throw new IllegalArgumentException(name + " keys must not be empty");
      }
      @SuppressWarnings("unchecked") // read-only: a map of a subtype of V reads as a map of V
      Map<String, V> same = (Map<String, V>) sorted;
      return same;
    }
    TreeMap<String, V> copy = new TreeMap<>();
    for (Map.Entry<String, ? extends V> entry : map.entrySet()) {
      String key = Objects.requireNonNull(entry.getKey(), () -> name + " key");
      if (key.isEmpty()) {
        throw new IllegalArgumentException(name + " keys must not be empty");
      }
      copy.put(key, Objects.requireNonNull(entry.getValue(), () -> name + " value of " + key));
    }
    return SortedStringMap.adopt(copy);
  }

  /**
   * Quotes a name or a short text for a message: in single quotes, shortened to its first 40 code
   * points followed by {@code …}, with line breaks and tabs written {@code \n}, {@code \r}, {@code
   * \t}, and other control characters, unpaired surrogates and spaces other than U+0020 written
   * {@code \}{@code uXXXX}, so that the message shows what was wrong.
   *
   * @param value the value
   * @return the quoted value
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("'");
    int count = 0;
    for (int i = 0; i < value.length(); count++) {
      if (count == QUOTED_CODE_POINTS) {
        out.append('…');
        break;
      }
      int cp = value.codePointAt(i);
      switch (cp) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(cp)
              || Character.getType(cp) == Character.SURROGATE
              || (cp != ' ' && Character.isSpaceChar(cp))) {
            out.append(String.format(Locale.ROOT, "\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
      i += Character.charCount(cp);
    }
    return out.append('\'').toString();
  }
}
