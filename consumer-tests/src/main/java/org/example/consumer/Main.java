package org.example.consumer;

import java.util.stream.Collectors;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.json.CanonicalJson;

/** Round-trips an annotation through canonical JSON and says which modules the JVM resolved. */
public final class Main {
  private Main() {}

  /**
   * Prints two lines: whether the annotation read back equals the one written, and the modules of
   * the boot layer that are not the JDK's.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Annotation annotation =
        Annotation.builder("a-1", "street-1", "alice")
            .result("r1", "scene", new ChoiceValue("day"))
            .build();
    String line = CanonicalJson.annotations().write(annotation);
    Annotation back = CanonicalJson.annotations().read(line);
    System.out.println("read back equal: " + back.equals(annotation));
    System.out.println(
        "modules: "
            + ModuleLayer.boot().modules().stream()
                .map(Module::getName)
                .filter(name -> !name.startsWith("java.") && !name.startsWith("jdk."))
                .sorted()
                .collect(Collectors.joining(", ")));
  }
}
