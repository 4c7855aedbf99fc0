package org.annotationkit.consumertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own module ({@code org.example.consumer}, this Maven module's main code) that requires
 * every library module compiles and runs on the module path, with nothing on that path but the
 * library's jars and what they need at run time (jackson-core, and for the metrics Apache Commons
 * Statistics' distributions with the Commons Numbers and RNG modules they require). Maven compiles
 * it too, but with every dependency of ours on its module path; here the annotation modules
 * (JSpecify, Error Prone's) are left out, as a user's build may: the library modules require them
 * {@code static} and not {@code transitive}, so nothing must need them.
 *
 * <p>Uses the JDK that runs the tests, which is the one that runs Maven, whatever {@code java} is
 * first on the PATH.
 */
class ModulePathTest {
  /** The library's named modules, and what they need at run time. */
  private static final Set<String> MODULE_PATH =
      Set.of(
          "org.annotationkit.core",
          "org.annotationkit.formats",
          "org.annotationkit.metrics",
          "org.annotationkit.activelearning",
          "tools.jackson.core",
          "org.apache.commons.statistics.distribution",
          "org.apache.commons.numbers.core",
          "org.apache.commons.numbers.gamma",
          "org.apache.commons.numbers.fraction",
          "org.apache.commons.numbers.combinatorics",
          "org.apache.commons.numbers.rootfinder",
          "org.apache.commons.rng.api",
          "org.apache.commons.rng.sampling");

  private static final Path CONSUMER = Path.of("src", "main", "java");

  @TempDir Path temp;

  @Test
  void consumerModuleCompilesAndRunsWithOnlyTheLibraryAndItsRunTimeDependenciesOnTheModulePath()
      throws IOException, InterruptedException {
    Map<String, Path> modules = libraryModulesOnTheTestClassPath();
    assertThat(modules.keySet()).containsExactlyInAnyOrderElementsOf(MODULE_PATH);
    String modulePath =
        modules.values().stream()
            .map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator));

    Path classes = temp.resolve("classes");
    String diagnostics = compile(modulePath, classes);
    assertThat(diagnostics).as("javac on the module path").isEmpty();

    Process java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                classes + File.pathSeparator + modulePath,
                "--module",
                "org.example.consumer/org.example.consumer.Main")
            .redirectErrorStream(true)
            .start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("the consumer finishes").isTrue();

    assertThat(java.exitValue()).as(output).isZero();
    Set<String> expected = new TreeSet<>(MODULE_PATH);
    expected.add("org.example.consumer");
    assertThat(output.lines())
        .containsExactly("read back equal: true", "modules: " + String.join(", ", expected));
  }

  /** Compiles the consumer module into {@code classes}; returns javac's diagnostics, if any. */
  private static String compile(String modulePath, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK, not a JRE, runs the tests").isNotNull();
    List<File> sources;
    try (Stream<Path> files = Files.walk(CONSUMER)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
    }
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "21",
              "-Xlint:all",
              "-Werror",
              "--module-path",
              modulePath,
              "-d",
              classes.toString());
      boolean compiled =
          javac
              .getTask(
                  diagnostics,
                  files,
                  null,
                  options,
                  null,
                  files.getJavaFileObjectsFromFiles(sources))
              .call();
      assertThat(compiled).as(diagnostics.toString()).isTrue();
    }
    return diagnostics.toString();
  }

  /**
   * The entries of the test class path that hold one of the modules of {@link #MODULE_PATH}, by
   * module name: the jars that the reactor build just packaged (or their classes folders when only
   * the test phase runs), and jackson-core's jar.
   */
  private static Map<String, Path> libraryModulesOnTheTestClassPath() {
    Map<String, Path> found = new LinkedHashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      Path path = Path.of(entry);
      boolean module =
          Files.isRegularFile(path) || Files.isRegularFile(path.resolve("module-info.class"));
      if (!module) {
        continue;
      }
      Set<ModuleReference> references;
      try {
        references = ModuleFinder.of(path).findAll();
      } catch (FindException notAModule) {
        continue; // a jar that cannot be a module (no valid automatic name): not one of ours
      }
      for (ModuleReference reference : references) {
        String name = reference.descriptor().name();
        if (MODULE_PATH.contains(name)) {
          found.put(name, path);
        }
      }
    }
    return found;
  }
}
