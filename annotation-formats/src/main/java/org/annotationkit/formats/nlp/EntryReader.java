package org.annotationkit.formats.nlp;

import java.io.Closeable;
import java.util.Iterator;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.formats.ConversionContext;

/** The entries of one pass over an input, read one at a time; closing releases the input. */
interface EntryReader extends Iterator<DatasetEntry>, Closeable {
  @Override
  void close();

  /** Opens a pass over an input, reporting its losses to a context. */
  @FunctionalInterface
  interface Opener {
    EntryReader open(ConversionContext context);
  }
}
