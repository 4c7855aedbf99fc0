package org.annotationkit.core.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The names in canonical JSON of the constants of one enum, and the way back from a name to its
 * constant: the one mechanism behind every enum's {@code jsonName()} and {@code
 * ofJsonName(String)}. A constant's JSON name is its Java name in lower case ({@code TIME_SEGMENT}
 * is {@code "time_segment"}).
 *
 * <p>Make one per enum, once, in a static field of the enum: looking a name up copies nothing (no
 * {@code values()} array per call).
 *
 * @param <E> the enum
 */
public final class JsonNames<E extends Enum<E>> {
  private final E[] constants;
  private final String[] names;
  private final List<String> nameList;
  private final Map<String, E> byName;

  /** The characters of each name, for {@link #find(char[], int, int)}. */
  private final char[][] nameChars;

  @SuppressWarnings("EnumOrdinal") // names is indexed by ordinal, built from the same constants
  private JsonNames(Class<E> type) {
    this.constants = Objects.requireNonNull(type.getEnumConstants(), "not an enum");
    this.names = new String[constants.length];
    Map<String, E> map = new HashMap<>();
    for (E constant : constants) {
      String name = constant.name().toLowerCase(Locale.ROOT);
      names[constant.ordinal()] = name;
      map.put(name, constant);
    }
    this.nameList = List.of(names);
    this.nameChars = new char[names.length][];
    for (int i = 0; i < names.length; i++) {
      nameChars[i] = names[i].toCharArray();
    }
    this.byName = Map.copyOf(map);
  }

  /**
   * The JSON names of an enum's constants: each constant's name in lower case.
   *
   * @param type the enum
   * @param <E> the enum
   * @return the names, in declaration order
   */
  public static <E extends Enum<E>> JsonNames<E> lowerCase(Class<E> type) {
    Objects.requireNonNull(type, "type");
    return new JsonNames<>(type);
  }

  /**
   * The JSON name of a constant.
   *
   * @param constant a constant of the enum
   * @return its name in canonical JSON
   */
  @SuppressWarnings("EnumOrdinal") // names is indexed by ordinal, built from the same constants
  public String name(E constant) {
    return names[constant.ordinal()];
  }

  /**
   * The constant of a JSON name.
   *
   * @param name a JSON name
   * @return the constant, or empty when no constant has that name
   */
  public Optional<E> find(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The constant of a JSON name, or null; for readers that must not allocate.
   *
   * @param name a JSON name
   * @return the constant, or null when no constant has that name
   */
  public @Nullable E get(String name) {
    return byName.get(name);
  }

  /**
   * The constant whose JSON name is the given characters, or null; for readers that match a
   * parser's own characters without making a string of them.
   *
   * @param chars the characters
   * @param offset where the name starts in them
   * @param length how many characters it has
   * @return the constant, or null when no constant has that name
   */
  public @Nullable E find(char[] chars, int offset, int length) {
    char[][] all = nameChars;
    for (int i = 0; i < all.length; i++) {
      char[] name = all[i];
      if (name.length == length && Arrays.equals(name, 0, length, chars, offset, offset + length)) {
        return constants[i];
      }
    }
    return null;
  }

  /**
   * The constant at a place in declaration order, the place of its name in {@link #names()}; for
   * readers that have matched a name by its place and must not look it up again.
   *
   * @param index the place, from 0
   * @return the constant
   * @throws IndexOutOfBoundsException if there is no constant at that place
   */
  public E at(int index) {
    return constants[Objects.checkIndex(index, constants.length)];
  }

  /**
   * Every JSON name, in declaration order, for messages that list them.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    return nameList;
  }

  /**
   * The constants, in declaration order.
   *
   * @return an unmodifiable list
   */
  public List<E> constants() {
    return List.of(constants);
  }
}
