package org.annotationkit.formats.voc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.SecureXml;
import org.jspecify.annotations.Nullable;

/**
 * An element of a small XML file read whole, with its line: what one VOC file is. Read through
 * {@link SecureXml} (no DTD, no entities), with limits on the file's size and depth so that a
 * hostile file cannot exhaust memory.
 */
final class XmlNode {
  /** The largest VOC file read: one image's objects take a few kilobytes. */
  static final long MAX_BYTES = 16L << 20;

  /** The deepest nesting read; VOC nests four deep. */
  static final int MAX_DEPTH = 64;

  final String name;
  final long line;
  final long column;
  final List<XmlNode> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private XmlNode(String name, long line, long column) {
    this.name = name;
    this.line = line;
    this.column = column;
  }

  /** The text directly inside the element, without leading and trailing white space. */
  String text() {
    return text.toString().strip();
  }

  /** The first child of that name. */
  Optional<XmlNode> child(String childName) {
    for (XmlNode child : children) {
      if (child.name.equals(childName)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** Reads a file's root element. */
  static XmlNode read(Path file, String source) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw FormatException.at(
            "the file is larger than " + (MAX_BYTES >> 20) + " MB; a VOC file holds one image",
            FormatException.Location.of(source, 1, 0));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /** Reads a stream's root element; the caller closes the stream. */
  static XmlNode read(InputStream in, String source) {
    XMLStreamReader xml = null;
    try {
      xml = SecureXml.reader(in, source);
      Deque<XmlNode> open = new ArrayDeque<>();
      XmlNode root = null;
      while (xml.hasNext()) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            Location at = xml.getLocation();
            XmlNode node = new XmlNode(xml.getLocalName(), line(at), column(at));
            XmlNode parent = open.peek();
            if (parent != null) {
              parent.children.add(node);
            } else if (root == null) {
              root = node;
            }
            open.push(node);
            if (open.size() > MAX_DEPTH) {
              throw error(source, at, "elements nest more than " + MAX_DEPTH + " deep");
            }
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            XmlNode node = open.peek();
            if (node != null) {
              node.text.append(xml.getText());
            }
          }
          case XMLStreamConstants.DTD ->
              throw error(
                  source,
                  xml.getLocation(),
                  "the file declares a DTD; DTDs and entities are refused (XXE, entity"
                      + " expansion)");
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw error(
                  source,
                  xml.getLocation(),
                  "the entity reference &" + xml.getLocalName() + "; is refused");
          default -> {}
        }
      }
      if (root == null) {
        throw FormatException.at(
            "the file has no root element", FormatException.Location.of(source, 1, 0));
      }
      return root;
    } catch (XMLStreamException e) {
      String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
      // The JDK's message starts with "ParseError at [row,col]:[r,c]\nMessage: ..."
      int cut = message.indexOf("Message: ");
      String problem = "malformed XML: " + (cut >= 0 ? message.substring(cut + 9) : message);
      throw error(source, e.getLocation(), problem.strip());
    } catch (RuntimeException e) {
      if (e instanceof FormatException || e instanceof UncheckedIOException) {
        throw e;
      }
      // The StAX parser raises unchecked exceptions of its own on some malformed input.
      throw FormatException.at("malformed XML: " + e, FormatException.Location.of(source, 0, 0), e);
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // Closing a reader over a stream the caller closes frees nothing that matters.
        }
      }
    }
  }

  private static long line(@Nullable Location at) {
    return at == null ? 0 : Math.max(0, at.getLineNumber());
  }

  private static long column(@Nullable Location at) {
    return at == null ? 0 : Math.max(0, at.getColumnNumber());
  }

  private static FormatException error(String source, @Nullable Location at, String problem) {
    return FormatException.at(
        problem,
        new FormatException.Location(Optional.of(source), line(at), column(at), Optional.empty()));
  }

  /** An error about this element, at its line. */
  FormatException error(String source, String problem) {
    return FormatException.at(
        "<" + name + ">: " + problem,
        new FormatException.Location(Optional.of(source), line, column, Optional.empty()));
  }
}
