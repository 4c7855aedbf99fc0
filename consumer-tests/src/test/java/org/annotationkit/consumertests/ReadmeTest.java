package org.annotationkit.consumertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start is code that compiles and prints what the README says it prints. The
 * README is the only copy: this test takes the first {@code java} block under its "Quick start"
 * heading, puts the {@code import} lines at the top of a class and the other lines in its {@code
 * main} method, compiles it in memory against the test class path (every library module), runs it,
 * and compares what it printed with the block's comment lines that stand alone ({@code // ...} at
 * the start of a line, in order). A comment after code on the same line is a remark, not output.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String HEADING = "## Quick start";
  private static final String CLASS_NAME = "ReadmeQuickStart";

  @Test
  void quickStartCompilesRunsAndPrintsWhatTheReadmeShowsAsItsOutput() throws Exception {
    Snippet snippet = Snippet.of(Files.readAllLines(README, StandardCharsets.UTF_8));
    assertThat(snippet.expectedOutput()).as("the output the README shows").isNotEmpty();

    Map<String, byte[]> classes = compile(snippet);
    List<String> printed = run(classes);

    assertThat(printed)
        .as("what the README's quick start prints")
        .isEqualTo(snippet.expectedOutput());
  }

  /**
   * A fenced {@code java} block of the README as a class.
   *
   * @param source the class's source
   * @param readmeLines the README line number of each source line, 0 for the lines added
   * @param expectedOutput the standalone comment lines, without their {@code // }
   */
  private record Snippet(String source, List<Integer> readmeLines, List<String> expectedOutput) {
    static Snippet of(List<String> readme) {
      int heading = readme.indexOf(HEADING);
      assertThat(heading).as("a %s heading in %s", HEADING, README).isNotNegative();
      int open = heading + 1;
      while (open < readme.size() && !readme.get(open).strip().equals("```java")) {
        open++;
      }
      assertThat(open).as("a ```java block under %s", HEADING).isLessThan(readme.size());
      int close = open + 1;
      while (close < readme.size() && !readme.get(close).strip().equals("```")) {
        close++;
      }
      assertThat(close).as("the end of the ```java block").isLessThan(readme.size());

      List<String> source = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      List<String> output = new ArrayList<>();
      List<Integer> body = new ArrayList<>();
      for (int i = open + 1; i < close; i++) {
        String line = readme.get(i);
        if (line.startsWith("import ")) {
          source.add(line);
          lines.add(i + 1);
        } else {
          body.add(i);
          if (line.strip().startsWith("//")) {
            output.add(line.strip().substring(2).strip());
          }
        }
      }
      source.add("public final class " + CLASS_NAME + " {");
      lines.add(0);
      source.add("  public static void main(String[] args) throws Exception {");
      lines.add(0);
      for (int i : body) {
        source.add(readme.get(i));
        lines.add(i + 1);
      }
      source.add("  }");
      lines.add(0);
      source.add("}");
      lines.add(0);
      return new Snippet(String.join("\n", source) + "\n", lines, output);
    }

    /** Where in the README a line of the source comes from. */
    String where(long sourceLine) {
      int index = (int) sourceLine - 1;
      int line = index >= 0 && index < readmeLines.size() ? readmeLines.get(index) : 0;
      return line == 0 ? CLASS_NAME + ".java:" + sourceLine : README + ":" + line;
    }
  }

  /** Compiles the snippet in memory; returns the bytes of each class by name. */
  private static Map<String, byte[]> compile(Snippet snippet) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK, not a JRE, runs the tests").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    try (StandardJavaFileManager standard =
            javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        InMemory files = new InMemory(standard, classes)) {
      JavaFileObject source =
          new SimpleJavaFileObject(
              URI.create("string:///" + CLASS_NAME + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return snippet.source();
            }
          };
      List<String> options =
          List.of(
              "--release",
              "21",
              "-Xlint:all",
              "-Werror",
              "-classpath",
              System.getProperty("java.class.path"));
      boolean compiled =
          javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
      StringBuilder report = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        report
            .append(snippet.where(d.getLineNumber()))
            .append(": ")
            .append(d.getKind().toString().toLowerCase(Locale.ROOT))
            .append(": ")
            .append(d.getMessage(Locale.ROOT))
            .append('\n');
      }
      assertThat(compiled).as("the README's quick start compiles:%n%s", report).isTrue();
      assertThat(report.toString()).as("javac's warnings on the README's quick start").isEmpty();
    }
    Map<String, byte[]> bytes = new HashMap<>();
    classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
    return bytes;
  }

  /** Runs the snippet's main method; returns the lines it printed on standard output. */
  private static List<String> run(Map<String, byte[]> classes) throws Exception {
    ClassLoader loader =
        new ClassLoader(ReadmeTest.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
          }
        };
    Method main = loader.loadClass(CLASS_NAME).getMethod("main", String[].class);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      throw new AssertionError("the README's quick start failed", e.getCause());
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** Keeps the compiled classes in memory, by binary name. */
  private static final class InMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes;

    InMemory(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> classes) {
      super(files);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          classes.put(className, out);
          return out;
        }
      };
    }
  }
}
