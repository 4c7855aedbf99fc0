package org.annotationkit.cli;

import java.io.PrintWriter;

/**
 * One numbered part of {@code annotate demo}: what a capability of the library makes of the sample
 * project. {@link DemoCommand} prints the heading and numbers the sections; a section prints its
 * body, indented by two spaces.
 */
interface DemoSection {
  /**
   * The heading of the section, a phrase without its number.
   *
   * @return the heading
   */
  String title();

  /**
   * Prints the body of the section.
   *
   * @param project the sample project
   * @param out where the tour goes
   */
  void print(SampleProject project, PrintWriter out);
}
