package org.annotationkit.formats.yolo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.io.FormatException;

/**
 * The part of YAML that dataset files such as Ultralytics' {@code data.yaml} use: block mappings
 * and sequences by indentation, flow sequences and mappings ({@code [17, 3]}, {@code {0: a}}),
 * plain, single- and double-quoted scalars, comments, and block scalars ({@code |}, {@code >}),
 * which are kept as text. Anchors, aliases, tags and multi-document streams are refused with an
 * error naming the line. Scalars are kept as strings; callers parse numbers.
 *
 * <p>Values are {@link String}, {@link List} or {@link Map} (insertion order); an empty value is
 * the empty string.
 */
final class MiniYaml {
  private final String source;

  /** How deep collections may nest, so that a hostile file cannot exhaust the stack. */
  private static final int MAX_DEPTH = 64;

  private final List<Line> lines = new ArrayList<>();
  private int at;
  private int depth;

  /** A line without its comment: indentation, text, number. */
  private record Line(int indent, String text, int number) {}

  private MiniYaml(String source, String text) {
    this.source = source;
    String[] raw = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      if (indent < line.length() && line.charAt(indent) == '\t') {
        throw error(i + 1, "a tab in the indentation; YAML indents with spaces");
      }
      String content = stripComment(line.substring(indent)).stripTrailing();
      if (content.equals("---") && lines.isEmpty()) {
        continue;
      }
      if (content.equals("---") || content.equals("...")) {
        throw error(i + 1, "only one YAML document is read; found a document marker");
      }
      lines.add(new Line(indent, content, i + 1));
    }
  }

  /**
   * Parses a YAML document.
   *
   * @param source the file name, for errors
   * @param text the document
   * @return the root value: a map, a list, or a string (empty for an empty document)
   * @throws FormatException naming the file and line of what cannot be read
   */
  static Object parse(String source, String text) {
    MiniYaml yaml = new MiniYaml(source, text);
    yaml.skipBlank();
    if (yaml.at >= yaml.lines.size()) {
      return "";
    }
    Object root = yaml.block(yaml.lines.get(yaml.at).indent());
    yaml.skipBlank();
    if (yaml.at < yaml.lines.size()) {
      Line line = yaml.lines.get(yaml.at);
      throw yaml.error(line.number(), "unexpected indentation or text: " + line.text());
    }
    return root;
  }

  private void skipBlank() {
    while (at < lines.size() && lines.get(at).text().isEmpty()) {
      at++;
    }
  }

  /** A block node whose lines start at {@code indent}. */
  private Object block(int indent) {
    Line first = lines.get(at);
    if (++depth > MAX_DEPTH) {
      throw error(first.number(), "collections nest deeper than " + MAX_DEPTH + " levels");
    }
    try {
      return blockAt(indent, first);
    } finally {
      depth--;
    }
  }

  private Object blockAt(int indent, Line first) {
    if (first.text().startsWith("- ") || first.text().equals("-")) {
      return sequence(indent);
    }
    if (keyEnd(first.text()) >= 0) {
      return mapping(indent);
    }
    at++;
    return scalar(first.text(), first.number());
  }

  private List<Object> sequence(int indent) {
    List<Object> items = new ArrayList<>();
    while (true) {
      skipBlank();
      if (at >= lines.size()) {
        return items;
      }
      Line line = lines.get(at);
      if (line.indent() < indent) {
        return items;
      }
      if (line.indent() > indent || !(line.text().startsWith("- ") || line.text().equals("-"))) {
        throw error(line.number(), "expected a list item '- ...' at this indentation");
      }
      String rest = line.text().substring(1).strip();
      if (rest.isEmpty()) {
        at++;
        skipBlank();
        if (at < lines.size() && lines.get(at).indent() > indent) {
          items.add(block(lines.get(at).indent()));
        } else {
          items.add("");
        }
      } else {
        // "- key: value" starts a mapping indented to the text after the dash.
        int inner = line.indent() + line.text().indexOf(rest);
        lines.set(at, new Line(inner, rest, line.number()));
        items.add(block(inner));
      }
    }
  }

  private Map<String, Object> mapping(int indent) {
    Map<String, Object> map = new LinkedHashMap<>();
    while (true) {
      skipBlank();
      if (at >= lines.size()) {
        return map;
      }
      Line line = lines.get(at);
      if (line.indent() < indent) {
        return map;
      }
      if (line.indent() > indent) {
        throw error(line.number(), "unexpected indentation: " + line.text());
      }
      int colon = keyEnd(line.text());
      if (colon < 0) {
        throw error(line.number(), "expected 'key: value', found: " + line.text());
      }
      String key = keyOf(line.text().substring(0, colon).strip(), line.number());
      String rest = line.text().substring(colon + 1).strip();
      at++;
      Object value;
      if (rest.equals("|")
          || rest.equals(">")
          || rest.matches("[|>][+-]?[0-9]?")
          || rest.matches("[|>][0-9][+-]")) {
        value = blockScalar(indent, rest.charAt(0) == '>');
      } else if (rest.isEmpty()) {
        skipBlank();
        if (at < lines.size() && lines.get(at).indent() > indent) {
          value = block(lines.get(at).indent());
        } else if (at < lines.size()
            && lines.get(at).indent() == indent
            && lines.get(at).text().startsWith("-")) {
          value = sequence(indent); // a sequence may sit at its key's indentation
        } else {
          value = "";
        }
      } else {
        value = scalar(rest, line.number());
      }
      if (map.put(key, value) != null) {
        throw error(line.number(), "the key '" + key + "' is given twice");
      }
    }
  }

  /** The lines indented deeper than {@code indent}, as text. */
  private String blockScalar(int indent, boolean folded) {
    StringBuilder text = new StringBuilder();
    while (at < lines.size()
        && (lines.get(at).text().isEmpty() || lines.get(at).indent() > indent)) {
      Line line = lines.get(at++);
      if (!text.isEmpty()) {
        text.append(folded ? ' ' : '\n');
      }
      text.append(line.text());
    }
    return text.toString().strip();
  }

  /** A scalar or a flow collection on one line. */
  private Object scalar(String text, int number) {
    if (text.startsWith("&") || text.startsWith("*") || text.startsWith("!")) {
      throw error(number, "anchors, aliases and tags are not read: " + text);
    }
    if (text.startsWith("[") || text.startsWith("{")) {
      Flow flow = new Flow(text, number);
      Object value = flow.value();
      flow.spaces();
      if (flow.pos != text.length()) {
        throw error(number, "text after the end of " + text.charAt(0) + "...: " + text);
      }
      return value;
    }
    if (text.startsWith("'") || text.startsWith("\"")) {
      Flow flow = new Flow(text, number);
      String value = flow.quoted();
      flow.spaces();
      if (flow.pos != text.length()) {
        throw error(number, "text after the closing quote: " + text);
      }
      return value;
    }
    return text;
  }

  private String keyOf(String key, int number) {
    if (key.startsWith("'") || key.startsWith("\"")) {
      return new Flow(key, number).quoted();
    }
    if (key.startsWith("?") || key.startsWith("&") || key.startsWith("*")) {
      throw error(number, "complex keys, anchors and aliases are not read: " + key);
    }
    return key;
  }

  /** The index of the colon that ends a mapping key on the line, or -1. */
  private static int keyEnd(String text) {
    if (text.startsWith("[") || text.startsWith("{")) {
      return -1;
    }
    int i = 0;
    if (text.startsWith("'") || text.startsWith("\"")) {
      char quote = text.charAt(0);
      i = 1;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\' && quote == '"') {
          i += 2;
          continue;
        }
        if (c == quote) {
          if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      i++;
    }
    for (; i < text.length(); i++) {
      if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /** The line without a comment ({@code #} at its start or after a space, outside quotes). */
  private static String stripComment(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ')) {
        return text.substring(0, i);
      } else if ((c == '\'' || c == '"') && (i == 0 || " [{,:".indexOf(text.charAt(i - 1)) >= 0)) {
        quote = c;
      }
    }
    return text;
  }

  private FormatException error(int line, String problem) {
    return FormatException.at(problem, FormatException.Location.of(source, line, 0));
  }

  /** A flow collection or quoted scalar on one line. */
  private final class Flow {
    private final String text;
    private final int number;
    private int pos;

    Flow(String text, int number) {
      this.text = text;
      this.number = number;
    }

    void spaces() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    Object value() {
      if (++depth > MAX_DEPTH) {
        throw error(number, "collections nest deeper than " + MAX_DEPTH + " levels");
      }
      try {
        return flowValue();
      } finally {
        depth--;
      }
    }

    private Object flowValue() {
      spaces();
      if (pos >= text.length()) {
        throw error(number, "a value is missing: " + text);
      }
      char c = text.charAt(pos);
      if (c == '[') {
        pos++;
        List<Object> list = new ArrayList<>();
        spaces();
        if (peek(']')) {
          pos++;
          return list;
        }
        while (true) {
          list.add(value());
          spaces();
          if (peek(',')) {
            pos++;
            spaces();
            if (peek(']')) {
              pos++;
              return list;
            }
          } else if (peek(']')) {
            pos++;
            return list;
          } else {
            throw error(number, "expected ',' or ']' in: " + text);
          }
        }
      }
      if (c == '{') {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        spaces();
        if (peek('}')) {
          pos++;
          return map;
        }
        while (true) {
          spaces();
          String key = peek('\'') || peek('"') ? quoted() : plain(":").strip();
          spaces();
          if (!peek(':')) {
            throw error(number, "expected ':' after the key '" + key + "' in: " + text);
          }
          pos++;
          if (map.put(key, value()) != null) {
            throw error(number, "the key '" + key + "' is given twice");
          }
          spaces();
          if (peek(',')) {
            pos++;
          } else if (peek('}')) {
            pos++;
            return map;
          } else {
            throw error(number, "expected ',' or '}' in: " + text);
          }
        }
      }
      if (c == '\'' || c == '"') {
        return quoted();
      }
      return plain(",]}").strip();
    }

    private boolean peek(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    private String plain(String stops) {
      int start = pos;
      while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      return text.substring(start, pos);
    }

    String quoted() {
      char quote = text.charAt(pos++);
      StringBuilder out = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == quote) {
          if (quote == '\'' && peek('\'')) {
            out.append('\'');
            pos++;
            continue;
          }
          return out.toString();
        }
        if (c == '\\' && quote == '"') {
          if (pos >= text.length()) {
            break;
          }
          char e = text.charAt(pos++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case '"', '\\', '/' -> out.append(e);
            case 'u' -> {
              if (pos + 4 > text.length()) {
                throw error(number, "a \\u escape needs four hexadecimal digits: " + text);
              }
              try {
                out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
              } catch (NumberFormatException ex) {
                throw error(number, "a \\u escape needs four hexadecimal digits: " + text);
              }
              pos += 4;
            }
            default -> throw error(number, "the escape \\" + e + " is not read: " + text);
          }
          continue;
        }
        out.append(c);
      }
      throw error(number, "the quoted text is not closed on its line: " + text);
    }
  }
}
