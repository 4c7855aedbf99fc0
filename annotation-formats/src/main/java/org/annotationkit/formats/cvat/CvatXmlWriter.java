package org.annotationkit.formats.cvat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.annotationkit.formats.internal.IoMessages;

/** Writes an indented CVAT XML file, with the writer's failures as {@link UncheckedIOException}. */
final class CvatXmlWriter implements AutoCloseable {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final OutputStream out;
  private final XMLStreamWriter xml;
  private final Path file;
  private int depth;
  private boolean hasChildren = true;

  private CvatXmlWriter(OutputStream out, XMLStreamWriter xml, Path file) {
    this.out = out;
    this.xml = xml;
    this.file = file;
  }

  static CvatXmlWriter create(Path file) {
    OutputStream out;
    try {
      out = Files.newOutputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
    }
    try {
      XMLStreamWriter xml;
      synchronized (FACTORY) {
        xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      }
      CvatXmlWriter writer = new CvatXmlWriter(out, xml, file);
      xml.writeStartDocument("UTF-8", "1.0");
      return writer;
    } catch (XMLStreamException e) {
      throw failed(file, e);
    }
  }

  /** Starts an element with attributes (values already formatted). */
  void start(String name, Map<String, String> attributes) {
    try {
      xml.writeCharacters("\n" + "  ".repeat(depth));
      xml.writeStartElement(name);
      for (Map.Entry<String, String> attribute : attributes.entrySet()) {
        xml.writeAttribute(attribute.getKey(), attribute.getValue());
      }
      depth++;
      hasChildren = false;
    } catch (XMLStreamException e) {
      throw failed(file, e);
    }
  }

  void start(String name) {
    start(name, Map.of());
  }

  /** Ends the innermost element. */
  void end() {
    try {
      depth--;
      if (hasChildren) {
        xml.writeCharacters("\n" + "  ".repeat(depth));
      }
      xml.writeEndElement();
      hasChildren = true;
    } catch (XMLStreamException e) {
      throw failed(file, e);
    }
  }

  /** Writes {@code <name attributes>text</name>}. */
  void element(String name, Map<String, String> attributes, String text) {
    start(name, attributes);
    try {
      xml.writeCharacters(text);
    } catch (XMLStreamException e) {
      throw failed(file, e);
    }
    hasChildren = false;
    end();
  }

  void element(String name, String text) {
    element(name, Map.of(), text);
  }

  /** A coordinate or number as CVAT reads it, exactly: no exponent, no trailing zeros. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).toPlainString();
  }

  @Override
  public void close() {
    try {
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
      out.close();
    } catch (XMLStreamException e) {
      throw failed(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
    }
  }

  private static UncheckedIOException failed(Path file, XMLStreamException e) {
    IOException cause =
        e.getNestedException() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    return new UncheckedIOException(
        "cannot write " + file + ": " + IoMessages.reason(cause), cause);
  }
}
