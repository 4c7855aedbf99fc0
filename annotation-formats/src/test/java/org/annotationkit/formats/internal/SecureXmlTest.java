package org.annotationkit.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureXmlTest {
  @TempDir Path dir;

  private static String text(String xml) throws XMLStreamException {
    XMLStreamReader reader =
        SecureXml.reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.xml");
    StringBuilder text = new StringBuilder();
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.CHARACTERS) {
        text.append(reader.getText());
      }
      if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new XMLStreamException("entity reference " + reader.getLocalName());
      }
    }
    return text.toString();
  }

  @Test
  void plainXmlReads() throws XMLStreamException {
    assertThat(text("<a><b>x &amp; y</b></a>")).isEqualTo("x & y");
  }

  @Test
  void anExternalEntityIsNeverRead() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<a>&x;</a>";
    assertThatThrownBy(() -> text(xml)).isInstanceOf(XMLStreamException.class);
  }

  @Test
  void entityExpansionIsRefused() {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY l0 \"ha\">");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY l").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        xml.append("&l").append(i - 1).append(';');
      }
      xml.append("\">");
    }
    xml.append("]><a>&l9;</a>");
    assertThatThrownBy(() -> text(xml.toString())).isInstanceOf(XMLStreamException.class);
  }
}
