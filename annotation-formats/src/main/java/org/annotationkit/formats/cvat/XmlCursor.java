package org.annotationkit.formats.cvat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.SecureXml;
import org.jspecify.annotations.Nullable;

/**
 * A StAX reader over one XML file, with the parser's failures turned into {@link FormatException}s
 * that name the file and line. Refuses a document type declaration outright.
 */
final class XmlCursor implements AutoCloseable {
  private final InputStream in;
  private final XMLStreamReader reader;
  private final String source;

  private XmlCursor(InputStream in, XMLStreamReader reader, String source) {
    this.in = in;
    this.reader = reader;
    this.source = source;
  }

  /** Opens a file. */
  static XmlCursor open(Path file) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
    return of(in, file.toString());
  }

  /** Reads a stream, closed with the cursor. */
  static XmlCursor of(InputStream in, String source) {
    try {
      return new XmlCursor(in, SecureXml.reader(in, source), source);
    } catch (XMLStreamException e) {
      closeQuietly(in);
      throw FormatException.at(
          "malformed XML: " + message(e), FormatException.Location.of(source, 0, 0), e);
    }
  }

  String source() {
    return source;
  }

  /**
   * Moves to the next start or end element, skipping text, comments and processing instructions.
   *
   * @return {@link XMLStreamConstants#START_ELEMENT}, {@link XMLStreamConstants#END_ELEMENT} or
   *     {@link XMLStreamConstants#END_DOCUMENT}
   */
  int nextTag() {
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
            return event;
          }
          case XMLStreamConstants.DTD ->
              throw error("a document type declaration (DTD) is not allowed in " + source);
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw error("the entity reference &" + reader.getLocalName() + "; is not allowed");
          default -> {
            // text between elements, comments, processing instructions
          }
        }
      }
      return XMLStreamConstants.END_DOCUMENT;
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** The local name of the current element. */
  String name() {
    return reader.getLocalName();
  }

  /** The attributes of the current start element, by name, in document order. */
  Map<String, String> attributes() {
    int n = reader.getAttributeCount();
    Map<String, String> attributes = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    return attributes;
  }

  /** One attribute of the current start element. */
  @Nullable String attribute(String name) {
    return reader.getAttributeValue(null, name);
  }

  /** The text of the current start element, which must hold no elements; moves to its end. */
  String text() {
    StringBuilder text = new StringBuilder();
    try {
      while (true) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              text.append(reader.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            return text.toString();
          }
          case XMLStreamConstants.START_ELEMENT ->
              throw error("the element <" + reader.getLocalName() + "> is not expected here");
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw error("the entity reference &" + reader.getLocalName() + "; is not allowed");
          case XMLStreamConstants.END_DOCUMENT ->
              throw error("the document ends inside an element");
          default -> {
            // comments, processing instructions
          }
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /**
   * Reads the current start element and everything in it into a tree; moves to its end. For small
   * parts of a document only (the meta, one image, one track), never the whole file.
   */
  XmlNode tree() {
    long line = line();
    String name = reader.getLocalName();
    Map<String, String> attributes = attributes();
    List<XmlNode> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    try {
      while (true) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              text.append(reader.getText());
          case XMLStreamConstants.START_ELEMENT -> children.add(tree());
          case XMLStreamConstants.END_ELEMENT -> {
            return new XmlNode(name, attributes, text.toString(), children, line);
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw error("the entity reference &" + reader.getLocalName() + "; is not allowed");
          case XMLStreamConstants.DTD ->
              throw error("a document type declaration (DTD) is not allowed in " + source);
          case XMLStreamConstants.END_DOCUMENT ->
              throw error("the document ends inside <" + name + ">");
          default -> {
            // comments, processing instructions
          }
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** Skips the current start element and everything in it; moves to its end. */
  void skip() {
    int depth = 1;
    while (depth > 0) {
      int event = nextTag();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else {
        throw error("the document ends inside an element");
      }
    }
  }

  /** The 1-based line of the current event. */
  long line() {
    return Math.max(0, reader.getLocation().getLineNumber());
  }

  /** An error at the current event. */
  FormatException error(String problem) {
    Location where = reader.getLocation();
    return FormatException.at(
        problem,
        FormatException.Location.of(
            source, Math.max(0, where.getLineNumber()), Math.max(0, where.getColumnNumber())));
  }

  /** An error at a given line. */
  FormatException errorAt(long line, String problem) {
    return FormatException.at(problem, FormatException.Location.of(source, Math.max(0, line), 0));
  }

  private RuntimeException malformed(XMLStreamException e) {
    // Bytes that are not text in the declared encoding are malformed input, not a read failure.
    if (e.getNestedException() instanceof IOException io
        && !(io instanceof java.io.CharConversionException)) {
      return new UncheckedIOException("cannot read " + source + ": " + IoMessages.reason(io), io);
    }
    Location where = e.getLocation() != null ? e.getLocation() : reader.getLocation();
    return FormatException.at(
        "malformed XML: " + message(e),
        FormatException.Location.of(
            source, Math.max(0, where.getLineNumber()), Math.max(0, where.getColumnNumber())),
        e);
  }

  private static String message(XMLStreamException e) {
    String message = e.getMessage();
    if (message == null) {
      return "unreadable";
    }
    // The JDK's parser prefixes "ParseError at [row,col]:[r,c]\nMessage: "; the location is ours.
    int at = message.indexOf("Message: ");
    return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      throw new UncheckedIOException("cannot close " + source, new IOException(e));
    } finally {
      closeQuietly(in);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close: " + IoMessages.reason(e), e);
    }
  }
}
