package org.annotationkit.formats.internal;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX reader every XML format reads with, refusing what makes XML dangerous: no DTD is
 * processed, so there are no external entities (XXE) and no entity expansion (billion laughs); a
 * document that declares one is an error, not silently read.
 */
public final class SecureXml {
  private static final XMLInputFactory FACTORY = factory();

  private SecureXml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return factory;
  }

  /**
   * A streaming reader over a stream; the caller closes both.
   *
   * @param in the bytes
   * @param source the name to give in errors (a file name)
   * @return the reader
   * @throws XMLStreamException if the reader cannot be created
   */
  public static XMLStreamReader reader(InputStream in, String source) throws XMLStreamException {
    synchronized (FACTORY) {
      // XMLInputFactory is not documented as thread-safe; creating readers is cheap next to
      // reading.
      return FACTORY.createXMLStreamReader(source, in);
    }
  }
}
