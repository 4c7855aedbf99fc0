package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.annotationkit.core.io.FormatException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/**
 * A {@link Layout} is the one description of an object: the same members drive writing, reading in
 * any order, the required-member check and the names in messages, and the slots it reads into are
 * reused without one object's members leaking into another's.
 */
class LayoutTest {

  /** A node of a tree: a name, an optional weight and children of the same layout. */
  record Node(String name, double weight, Optional<String> note, List<Node> children) {}

  private static final JsonType<Node> NODE_REF =
      JsonType.of(in -> Holder.NODE.read(in), (out, node) -> Holder.NODE.write(out, node));

  private static final class Holder {
    static final Layout<Node> NODE =
        Layout.of(
            "a node",
            m -> {
              var name = m.required("name", JsonTypes.STRING, Node::name);
              var weight = m.number("weight", Node::weight, 1);
              var note = m.maybe("note", JsonTypes.STRING, Node::note);
              var children =
                  m.unlessEmpty("children", JsonTypes.listOf(NODE_REF), Node::children, List.of());
              return s -> new Node(s.get(name), s.number(weight), s.get(note), s.get(children));
            });
  }

  private static Node read(String json) {
    JsonIn in = new JsonIn(JsonEngine.parser(json), Optional.empty(), 1);
    in.nextToken();
    return Holder.NODE.read(in);
  }

  private static String write(Node node) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JsonEngine.generator(text, false)) {
      Holder.NODE.write(out, node);
    }
    return text.toString();
  }

  @Test
  void writesTheMembersInOrderLeavingOutTheAbsentAndTheEmpty() {
    Node leaf = new Node("leaf", 2.5, Optional.empty(), List.of());
    Node root = new Node("root", 1, Optional.of("top"), List.of(leaf));
    assertThat(write(root))
        .isEqualTo(
            "{\"name\":\"root\",\"weight\":1.0,\"note\":\"top\","
                + "\"children\":[{\"name\":\"leaf\",\"weight\":2.5}]}");
    assertThat(read(write(root))).isEqualTo(root);
  }

  @Test
  void readsMembersInAnyOrderAndGivesTheAbsentTheirDefaults() {
    assertThat(read("{\"note\":\"n\",\"name\":\"a\"}"))
        .isEqualTo(new Node("a", 1, Optional.of("n"), List.of()));
  }

  @Test
  void aNestedObjectOfTheSameLayoutKeepsItsOwnSlots() {
    Node read =
        read(
            "{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"weight\":3,\"note\":\"inner\"},"
                + "{\"name\":\"c\"}],\"weight\":7}");
    assertThat(read)
        .isEqualTo(
            new Node(
                "a",
                7,
                Optional.empty(),
                List.of(
                    new Node("b", 3, Optional.of("inner"), List.of()),
                    new Node("c", 1, Optional.empty(), List.of()))));
  }

  @Test
  void aMissingRequiredMemberIsReportedAtItsObject() {
    String json = "{\"name\":\"a\",\"children\":[{\"weight\":2}]}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> read(json));
    assertThat(e.problem()).isEqualTo("missing required field \"name\" in a node");
    assertThat(e.pointer()).hasValue("/children/0");
    assertThat(e.column()).hasValue(json.indexOf("{\"weight\"") + 1L);
  }

  @Test
  void anUnknownMemberListsTheMembersAndSuggestsTheClosest() {
    FormatException e =
        catchThrowableOfType(FormatException.class, () -> read("{\"name\":\"a\",\"nots\":\"x\"}"));
    assertThat(e.problem())
        .isEqualTo(
            "unknown field \"nots\" in a node; expected one of: name, weight, note, children;"
                + " did you mean \"note\"?");
  }

  @Test
  void aRepeatedMemberIsAnError() {
    FormatException e =
        catchThrowableOfType(FormatException.class, () -> read("{\"name\":\"a\",\"name\":\"b\"}"));
    assertThat(e.problem()).isEqualTo("duplicate field \"name\"");
  }
}
