package org.annotationkit.core.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what one library class logs during each test, instead of letting it reach the build's
 * output, so that a test can assert the warnings it expects. The library logs through {@link
 * System.Logger}, which the JDK backs with {@code java.util.logging} when no other logging backend
 * is installed (as in these tests, which run on the class path); for the test's duration this
 * extension sets a filter on the {@code java.util.logging} logger of the class's name that collects
 * each record and lets none through, then puts the old filter back.
 *
 * <p>The tests compile inside the module {@code org.annotationkit.core}, which does not read {@code
 * java.logging}, so the logger is reached by reflection and the filter is a {@link Proxy}.
 *
 * {@snippet :
 * @RegisterExtension final LogCapture log = LogCapture.of(Journal.class);
 *
 * @Test
 * void tornTail() {
 *   // ... open a journal with a torn tail ...
 *   assertThat(log.warnings()).singleElement().asString().contains("dropped a torn last record");
 * }
 * }
 *
 * <p>Only the logger of that exact name is captured: records of other classes still go where they
 * went before. Messages are given with their parameters filled in ({@link MessageFormat}).
 *
 * @since 0.1.0
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

  /** {@code java.util.logging.Level.WARNING.intValue()}. */
  private static final int WARNING = 900;

  /**
   * One captured record.
   *
   * @param level the {@code java.util.logging} level's name ({@code WARNING}, {@code INFO}, ...)
   * @param severity the level's {@code intValue()} (900 for {@code WARNING})
   * @param message the message, parameters filled in
   */
  public record Entry(String level, int severity, String message) {
    /** Checks the parts. */
    public Entry {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return level + ": " + message;
    }
  }

  private final String name;
  private final List<Entry> entries = new ArrayList<>();

  // Held strongly: java.util.logging keeps its loggers weakly, and would forget the filter.
  private @Nullable Object logger;
  private @Nullable Object previousFilter;

  private LogCapture(String name) {
    this.name = name;
  }

  /**
   * Captures what a class logs through {@code System.getLogger(type.getName())}.
   *
   * @param type the logging class
   * @return the extension, to register with {@code @RegisterExtension}
   */
  public static LogCapture of(Class<?> type) {
    return new LogCapture(type.getName());
  }

  @Override
  public void beforeEach(ExtensionContext context) throws ReflectiveOperationException {
    clear();
    Class<?> loggers = Class.forName("java.util.logging.Logger");
    Class<?> filters = Class.forName("java.util.logging.Filter");
    Object l = loggers.getMethod("getLogger", String.class).invoke(null, name);
    logger = l;
    previousFilter = loggers.getMethod("getFilter").invoke(l);
    Object filter =
        Proxy.newProxyInstance(
            filters.getClassLoader(),
            new Class<?>[] {filters},
            (proxy, method, args) -> {
              if (method.getName().equals("isLoggable") && args != null && args.length == 1) {
                collect(args[0]);
                return false;
              }
              return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> args != null && sameInstance(proxy, args[0]);
                default -> "LogCapture[" + name + "]";
              };
            });
    loggers.getMethod("setFilter", filters).invoke(l, filter);
  }

  /**
   * A proxy's {@code equals}: the filter stands for no value, so it equals only itself; {@code
   * equals} of the other object would come back to this proxy.
   */
  @SuppressWarnings("ReferenceEquality") // identity is the equality of a stateless proxy
  private static boolean sameInstance(Object proxy, @Nullable Object other) {
    return proxy == other;
  }

  @Override
  public void afterEach(ExtensionContext context) throws ReflectiveOperationException {
    Object l = logger;
    if (l != null) {
      Class<?> loggers = Class.forName("java.util.logging.Logger");
      Class<?> filters = Class.forName("java.util.logging.Filter");
      loggers.getMethod("setFilter", filters).invoke(l, previousFilter);
    }
  }

  private void collect(Object record) throws ReflectiveOperationException {
    Class<?> type = record.getClass();
    Object level = call(type, record, "getLevel");
    String message = (String) call(type, record, "getMessage");
    Object[] parameters = (Object[]) call(type, record, "getParameters");
    if (message != null && parameters != null && parameters.length > 0) {
      message = MessageFormat.format(message, parameters);
    }
    String levelName = "";
    int severity = 0;
    if (level != null) {
      levelName = String.valueOf(call(level.getClass(), level, "getName"));
      Object value = call(level.getClass(), level, "intValue");
      severity = value instanceof Integer i ? i : 0;
    }
    Entry entry = new Entry(levelName, severity, message == null ? "" : message);
    synchronized (entries) {
      entries.add(entry);
    }
  }

  private static @Nullable Object call(Class<?> type, Object target, String method)
      throws ReflectiveOperationException {
    Method m = type.getMethod(method);
    return m.invoke(target);
  }

  /**
   * Every record captured so far in this test, in order.
   *
   * @return the records
   */
  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /**
   * The messages of the records at {@code WARNING} or above ({@link System.Logger.Level#WARNING}
   * and {@code ERROR}) captured so far in this test, in order.
   *
   * @return the messages
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (Entry entry : entries()) {
      if (entry.severity() >= WARNING) {
        warnings.add(entry.message());
      }
    }
    return List.copyOf(warnings);
  }

  /** Empties the capture, as between the steps of one test. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
