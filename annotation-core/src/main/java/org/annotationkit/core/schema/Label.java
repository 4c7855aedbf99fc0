package org.annotationkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.annotationkit.core.internal.Require;

/**
 * A label (class, category, tag) that an annotator may give, with an optional display colour and
 * description, the attributes its results carry, and child labels that refine it (a hierarchy such
 * as vehicle &gt; car, truck).
 *
 * <p>Labels are referred to by name within a schema, so names must be unique across the whole tree;
 * the {@link LabelSet} that holds the tree checks that.
 *
 * @param name the label's name: non-empty, no leading or trailing whitespace, no control characters
 * @param color the display colour as {@code #rrggbb} in hexadecimal digits of either case
 * @param description what the label means, as shown to annotators
 * @param attributes the attributes a result of this label carries, no two with the same name
 * @param children the labels that refine this one, in display order
 * @since 0.1.0
 */
public record Label(
    String name,
    Optional<String> color,
    Optional<String> description,
    List<AttributeSpec> attributes,
    List<Label> children) {

  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException naming the label when the name or colour is malformed or two
   *     attributes share a name
   */
  public Label {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(children, "children");
    Require.validName(name, "label name");
    attributes = List.copyOf(attributes);
    children = List.copyOf(children);
    if (color.isPresent() && !COLOR.matcher(color.get()).matches()) {
      throw new IllegalArgumentException(
          "label "
              + Require.quote(name)
              + ": color must be '#rrggbb' in hexadecimal, got "
              + Require.quote(color.get()));
    }
    Require.unique(
        attributes,
        AttributeSpec::name,
        attribute ->
            "label "
                + Require.quote(name)
                + ": attribute "
                + Require.quote(attribute)
                + " appears twice");
  }

  /**
   * A label with only a name: no colour, description, attributes or children.
   *
   * @param name the label's name
   * @return the label
   */
  public static Label of(String name) {
    return new Label(name, Optional.empty(), Optional.empty(), List.of(), List.of());
  }

  /**
   * A copy of this label with the given display colour.
   *
   * @param color the colour as {@code #rrggbb}, such as {@code "#1f77b4"}
   * @return the copy
   */
  public Label withColor(String color) {
    Objects.requireNonNull(color, "color");
    return new Label(name, Optional.of(color), description, attributes, children);
  }

  /**
   * A copy of this label with the given description.
   *
   * @param description what the label means
   * @return the copy
   */
  public Label withDescription(String description) {
    Objects.requireNonNull(description, "description");
    return new Label(name, color, Optional.of(description), attributes, children);
  }

  /**
   * A copy of this label whose attributes are the given ones (replacing any it had).
   *
   * @param attributes the attributes, no two with the same name
   * @return the copy
   */
  public Label withAttributes(AttributeSpec... attributes) {
    Objects.requireNonNull(attributes, "attributes");
    return new Label(name, color, description, List.of(attributes), children);
  }

  /**
   * A copy of this label whose children are the given labels (replacing any it had).
   *
   * @param children the child labels, in display order
   * @return the copy
   */
  public Label withChildren(Label... children) {
    Objects.requireNonNull(children, "children");
    return new Label(name, color, description, attributes, List.of(children));
  }
}
