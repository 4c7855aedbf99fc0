package org.annotationkit.core.json;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;

/**
 * The one description of a kind of JSON object: its members in canonical order, each with its name,
 * whether it is required, how it is read and how (and when) it is written, and how the value is
 * built from what was read. It drives reading, writing, the required-member checks and the names in
 * messages, so a member is described once.
 *
 * <p>Reading is strict: an unknown member (with a "did you mean" hint), a repeated member and a
 * missing required member are errors, and a domain constructor's refusal is reported at the object.
 * Members may come in any order; the canonical order is looked up first, so reading the canonical
 * text costs one string comparison per member. What was read goes into {@link Slots} that the
 * {@link JsonIn} reuses from object to object, so reading allocates nothing but the values
 * themselves.
 *
 * <p>Some objects start with members that decide how the rest is read (the record header, a value's
 * {@code "type"}): they are the layout's leading names, read by the caller before {@link
 * #readMembers(JsonIn, JsonIn.Mark)}, and only named in messages.
 *
 * @param <T> the type of the value the object holds
 */
final class Layout<T> implements JsonType<T> {
  private final String what;
  private final List<String> leading;
  private final List<Member<T>> members;

  /** The members as an array, by index, for reading. */
  private final Member<T>[] table;

  private final String[] names;

  /** What the slots hold before any member is read: each member's value when it is absent. */
  private final @Nullable Object[] refDefaults;

  private final double[] numberDefaults;

  private final long required;
  private final int refSlots;
  private final int numberSlots;
  private final Function<Slots, T> build;
  private final String expected;

  private Layout(String what, List<String> leading, Builder<T> builder, Function<Slots, T> build) {
    this.what = what;
    this.leading = List.copyOf(leading);
    this.members = List.copyOf(builder.members);
    this.names = new String[members.size()];
    long mask = 0;
    for (int i = 0; i < names.length; i++) {
      Member<T> member = members.get(i);
      names[i] = member.name;
      if (member.required) {
        mask |= 1L << i;
      }
    }
    if (names.length > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 members, got " + names.length);
    }
    this.required = mask;
    this.refSlots = builder.refSlots;
    this.numberSlots = builder.numberSlots;
    this.build = build;
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of the members, all Member<T>
    Member<T>[] array = members.toArray(new Member[0]);
    this.table = array;
    Slots defaults = new Slots(refSlots, numberSlots);
    for (Member<T> member : members) {
      member.reset(defaults);
    }
    this.refDefaults = defaults.refs;
    this.numberDefaults = defaults.numbers;
    List<String> all = new ArrayList<>(leading);
    all.addAll(Arrays.asList(names));
    this.expected = String.join(", ", all);
  }

  /**
   * Describes an object: {@code definition} declares the members on the builder, in canonical
   * order, and returns how the value is built from the slots they were read into.
   *
   * @param what what the object is called in messages, such as "a box value"
   */
  static <T> Layout<T> of(String what, Function<Builder<T>, Function<Slots, T>> definition) {
    return of(what, List.of(), definition);
  }

  /**
   * Describes an object that starts with leading members, read by the caller.
   *
   * @param leading the names of the leading members, such as "type"
   */
  static <T> Layout<T> of(
      String what, List<String> leading, Function<Builder<T>, Function<Slots, T>> definition) {
    Builder<T> builder = new Builder<>();
    Function<Slots, T> build = definition.apply(builder);
    return new Layout<>(what, leading, builder, build);
  }

  /** What the object is called in messages, such as "a box value". */
  String what() {
    return what;
  }

  /** The leading names and the member names, for a walker of the leading members. */
  JsonIn.Fields fields() {
    List<String> all = new ArrayList<>(leading);
    all.addAll(Arrays.asList(names));
    return new JsonIn.Fields(what, all.toArray(String[]::new));
  }

  // ------------------------------------------------------------------ writing

  @Override
  public void write(JsonGenerator out, T value) {
    out.writeStartObject();
    writeMembers(out, value);
    out.writeEndObject();
  }

  /** Writes the members, in canonical order, inside an object that the caller opened. */
  void writeMembers(JsonGenerator out, T value) {
    for (Member<T> member : members) {
      member.write(out, value);
    }
  }

  // ------------------------------------------------------------------ reading

  @Override
  public T read(JsonIn in) {
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.error("expected " + what + " (an object), found " + in.found());
    }
    return readMembers(in, in.openMark());
  }

  /**
   * Opens an object whose first member is {@code "type"}, which says how the rest is read: checks
   * the opening brace and the member's name, and moves on to its value.
   *
   * @param what what the object is called in messages, such as "a value"
   * @param rule the rule for the message, such as "a value starts with \"type\""
   * @return where the object starts, for {@link #readMembers(JsonIn, JsonIn.Mark)}
   */
  static JsonIn.Mark openTyped(JsonIn in, String what, String rule) {
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.error("expected " + what + " (an object), found " + in.found());
    }
    JsonIn.Mark start = in.openMark();
    String first = in.nextMember();
    if (!"type".equals(first)) {
      throw in.error(
          "expected field \"type\", found "
              + (first == null ? "the end of the object" : in.found())
              + ": "
              + rule);
    }
    in.nextToken();
    return start;
  }

  /**
   * The record format of a top-level record whose body is this layout (after {@code
   * "annotationkit"} and {@code "version"}, its leading names).
   *
   * @param recordType the value of {@code "annotationkit"}
   */
  RecordFormat<T> record(String recordType) {
    Layout<T> body = this;
    JsonIn.Fields header = fields();
    return new RecordFormat<>() {
      @Override
      public String recordType() {
        return recordType;
      }

      @Override
      public JsonIn.Fields fields() {
        return header;
      }

      @Override
      public void writeBody(JsonGenerator out, T value) {
        body.writeMembers(out, value);
      }

      @Override
      public T readBody(JsonIn in, JsonIn.ObjectIn record) {
        return body.readMembers(in, record.start());
      }
    };
  }

  /**
   * Reads the members up to the object's closing brace and builds the value; the parser is on the
   * opening brace or on the last token of a leading member.
   *
   * @param start where the object starts, for errors about the whole object
   */
  T readMembers(JsonIn in, JsonIn.Mark start) {
    Slots slots = in.enterSlots(refSlots, numberSlots);
    try {
      System.arraycopy(refDefaults, 0, slots.refs, 0, refDefaults.length);
      System.arraycopy(numberDefaults, 0, slots.numbers, 0, numberDefaults.length);
      long seen = 0;
      int hint = 0;
      for (String name = in.nextMember(); name != null; name = in.nextMember()) {
        int i = indexOf(name, hint);
        if (i < 0) {
          throw in.error(
              (leading.contains(name) ? "duplicate field " : "unknown field ")
                  + JsonIn.quote(name)
                  + (leading.contains(name) ? "" : " in " + what + "; expected one of: " + expected)
                  + JsonIn.didYouMean(name, leading.contains(name) ? List.of() : nameList()));
        }
        long bit = 1L << i;
        if ((seen & bit) != 0) {
          throw in.error("duplicate field " + JsonIn.quote(name));
        }
        seen |= bit;
        hint = i + 1;
        in.nextToken();
        table[i].read(in, slots);
      }
      long missing = required & ~seen;
      if (missing != 0) {
        String name = names[Long.numberOfTrailingZeros(missing)];
        throw in.errorAt(
            start, "missing required field " + JsonIn.quote(name) + " in " + what, null);
      }
      try {
        return build.apply(slots);
      } catch (IllegalArgumentException e) {
        throw in.refused(start, e);
      }
    } finally {
      in.exitSlots(slots);
    }
  }

  private List<String> nameList() {
    return Arrays.asList(names);
  }

  /**
   * The member of a name: the one after the last member read, else any; -1 when none. The parser
   * interns the names it reads, so a known name is usually the very string of {@link #names}: it is
   * compared by identity first, and by its characters only when that fails.
   */
  @SuppressWarnings("ReferenceEquality") // identity first, on purpose: see above
  private int indexOf(String name, int hint) {
    String[] names = this.names;
    if (hint < names.length && names[hint] == name) {
      return hint;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ slots

  /**
   * What was read of one object, member by member, until the value is built: numbers, integers and
   * booleans in a {@code double[]}, everything else in an {@code Object[]}. Reused by {@link
   * JsonIn} from object to object at the same depth.
   */
  static final class Slots {
    @Nullable Object[] refs;
    double[] numbers;

    /** How many of {@link #refs} the layout now reading uses: the ones {@link #clear} clears. */
    private int used;

    Slots(int refs, int numbers) {
      this.refs = new Object[refs];
      this.numbers = new double[numbers];
    }

    /** Makes room for a layout's slots. */
    void ensure(int refCount, int numberCount) {
      if (refs.length < refCount) {
        refs = new Object[refCount];
      }
      used = refCount;
      if (numbers.length < numberCount) {
        numbers = new double[numberCount];
      }
    }

    /** Lets go of the values read, so that a reused slot keeps nothing alive. */
    void clear() {
      Arrays.fill(refs, 0, used, null);
    }

    double number(Num<?> member) {
      return numbers[member.slot];
    }

    int integer(Int<?> member) {
      return (int) numbers[member.slot];
    }

    boolean bool(Bool<?> member) {
      return numbers[member.slot] != 0;
    }

    @SuppressWarnings("unchecked") // the member wrote a V into its slot, or its default V
    <V> V get(Ref<?, V> member) {
      return (V) Objects.requireNonNull(refs[member.slot], member.name);
    }
  }

  // ------------------------------------------------------------------ members

  /** One member of a layout. */
  abstract static class Member<T> {
    final String name;
    final boolean required;
    final int slot;

    Member(String name, boolean required, int slot) {
      this.name = name;
      this.required = required;
      this.slot = slot;
    }

    /** Puts the value of an absent member into the slot. */
    abstract void reset(Slots slots);

    /** Reads the member's value, on its first token, into the slot. */
    abstract void read(JsonIn in, Slots slots);

    /** Writes {@code "name": value}, or nothing when the member is left out for this value. */
    abstract void write(JsonGenerator out, T value);
  }

  /** A number (a finite double). */
  static final class Num<T> extends Member<T> {
    private final ToDoubleFunction<T> get;
    private final double absent;

    Num(String name, boolean required, int slot, ToDoubleFunction<T> get, double absent) {
      super(name, required, slot);
      this.get = get;
      this.absent = absent;
    }

    @Override
    void reset(Slots slots) {
      slots.numbers[slot] = absent;
    }

    @Override
    void read(JsonIn in, Slots slots) {
      slots.numbers[slot] = in.number();
    }

    @Override
    void write(JsonGenerator out, T value) {
      out.writeNumberProperty(name, get.applyAsDouble(value));
    }
  }

  /** An integer within the range of {@code int}. */
  static final class Int<T> extends Member<T> {
    private final ToIntFunction<T> get;
    private final int absent;

    Int(String name, boolean required, int slot, ToIntFunction<T> get, int absent) {
      super(name, required, slot);
      this.get = get;
      this.absent = absent;
    }

    @Override
    void reset(Slots slots) {
      slots.numbers[slot] = absent;
    }

    @Override
    void read(JsonIn in, Slots slots) {
      slots.numbers[slot] = in.integer();
    }

    @Override
    void write(JsonGenerator out, T value) {
      out.writeNumberProperty(name, get.applyAsInt(value));
    }
  }

  /** A boolean. */
  static final class Bool<T> extends Member<T> {
    private final Predicate<T> get;
    private final boolean absent;

    Bool(String name, boolean required, int slot, Predicate<T> get, boolean absent) {
      super(name, required, slot);
      this.get = get;
      this.absent = absent;
    }

    @Override
    void reset(Slots slots) {
      slots.numbers[slot] = absent ? 1 : 0;
    }

    @Override
    void read(JsonIn in, Slots slots) {
      slots.numbers[slot] = in.bool() ? 1 : 0;
    }

    @Override
    void write(JsonGenerator out, T value) {
      out.writeBooleanProperty(name, get.test(value));
    }
  }

  /** Any other value, of a {@link JsonType}; left out when writing a value that {@code omit}s. */
  static final class Ref<T, V> extends Member<T> {
    private final JsonType<V> type;
    private final Function<T, V> get;
    private final @Nullable V absent;
    private final Predicate<V> omit;

    Ref(
        String name,
        boolean required,
        int slot,
        JsonType<V> type,
        Function<T, V> get,
        @Nullable V absent,
        Predicate<V> omit) {
      super(name, required, slot);
      this.type = type;
      this.get = get;
      this.absent = absent;
      this.omit = omit;
    }

    @Override
    void reset(Slots slots) {
      slots.refs[slot] = absent;
    }

    @Override
    void read(JsonIn in, Slots slots) {
      slots.refs[slot] = type.read(in);
    }

    @Override
    void write(JsonGenerator out, T value) {
      V v = get.apply(value);
      if (!omit.test(v)) {
        out.writeName(name);
        type.write(out, v);
      }
    }
  }

  /** Declares the members of a layout, in canonical order. */
  static final class Builder<T> {
    private final List<Member<T>> members = new ArrayList<>();
    private int refSlots;
    private int numberSlots;

    private Builder() {}

    @CanIgnoreReturnValue
    private <M extends Member<T>> M add(M member) {
      for (Member<T> other : members) {
        if (other.name.equals(member.name)) {
          throw new IllegalArgumentException("member " + member.name + " declared twice");
        }
      }
      members.add(member);
      return member;
    }

    /** A required number, always written. */
    Num<T> number(String name, ToDoubleFunction<T> get) {
      return add(new Num<>(name, true, numberSlots++, get, 0));
    }

    /** A number that reads as {@code absent} when left out; always written. */
    Num<T> number(String name, ToDoubleFunction<T> get, double absent) {
      return add(new Num<>(name, false, numberSlots++, get, absent));
    }

    /** A required integer, always written. */
    Int<T> integer(String name, ToIntFunction<T> get) {
      return add(new Int<>(name, true, numberSlots++, get, 0));
    }

    /** An integer that reads as {@code absent} when left out; always written. */
    Int<T> integer(String name, ToIntFunction<T> get, int absent) {
      return add(new Int<>(name, false, numberSlots++, get, absent));
    }

    /** A boolean that reads as {@code absent} when left out; always written. */
    Bool<T> bool(String name, Predicate<T> get, boolean absent) {
      return add(new Bool<>(name, false, numberSlots++, get, absent));
    }

    /** A required value, always written. */
    <V> Ref<T, V> required(String name, JsonType<V> type, Function<T, V> get) {
      return add(new Ref<>(name, true, refSlots++, type, get, null, v -> false));
    }

    /** A value that reads as {@code absent} when left out; always written. */
    <V> Ref<T, V> optional(String name, JsonType<V> type, Function<T, V> get, V absent) {
      return add(new Ref<>(name, false, refSlots++, type, get, absent, v -> false));
    }

    /** A value that reads as {@code empty} when left out, and is left out when it equals it. */
    <V> Ref<T, V> unlessEmpty(String name, JsonType<V> type, Function<T, V> get, V empty) {
      return add(new Ref<>(name, false, refSlots++, type, get, empty, empty::equals));
    }

    /** A value that may be absent, written when present. */
    <V> Ref<T, Optional<V>> maybe(String name, JsonType<V> type, Function<T, Optional<V>> get) {
      return absentOr(name, JsonTypes.optional(type), get, Optional.empty(), Optional::isEmpty);
    }

    /** A number that may be absent, written when present. */
    Ref<T, OptionalDouble> maybeNumber(String name, Function<T, OptionalDouble> get) {
      return absentOr(
          name, JsonTypes.OPTIONAL_NUMBER, get, OptionalDouble.empty(), OptionalDouble::isEmpty);
    }

    /** An integer that may be absent, written when present. */
    Ref<T, OptionalInt> maybeInteger(String name, Function<T, OptionalInt> get) {
      return absentOr(
          name, JsonTypes.OPTIONAL_INTEGER, get, OptionalInt.empty(), OptionalInt::isEmpty);
    }

    private <V> Ref<T, V> absentOr(
        String name, JsonType<V> type, Function<T, V> get, V absent, Predicate<V> isAbsent) {
      return add(new Ref<>(name, false, refSlots++, type, get, absent, isAbsent));
    }
  }
}
