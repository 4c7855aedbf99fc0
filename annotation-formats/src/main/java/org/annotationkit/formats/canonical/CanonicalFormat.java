package org.annotationkit.formats.canonical;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;
import org.annotationkit.formats.internal.FileHead;

/**
 * Annotation Kit's own format, {@code canonical}: core's JSON Lines dataset (a schema record, then
 * items and annotations; see {@link CanonicalJson}). It holds everything the model holds, so
 * reading and writing it loses nothing; it is the format to keep a converted dataset in, and the
 * reference every other format's losses are measured against.
 *
 * <p>Written counts: each item once, and each annotation record (not each region in it).
 *
 * @since 0.1.0
 */
public final class CanonicalFormat implements Format {
  private static final Pattern SCHEMA_FIRST =
      Pattern.compile("^\\{\\s*\"annotationkit\"\\s*:\\s*\"schema\"");

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public CanonicalFormat() {}

  @Override
  public String name() {
    return "canonical";
  }

  @Override
  public String description() {
    return "Annotation Kit JSON Lines: a schema record, then items and annotations (lossless)";
  }

  @Override
  public Layout layout() {
    return Layout.FILE;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of((input, context) -> CanonicalJson.openDataset(input));
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(CanonicalFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    return SCHEMA_FIRST.matcher(FileHead.of(input)).find() ? Detection.CERTAIN : Detection.NO;
  }

  private static void write(DatasetSource source, Path output, ConversionContext context) {
    CanonicalJson.writeDataset(output, new Tally(source, context));
  }

  /** Counts each item the first time it passes, and each annotation. */
  private static final class Tally implements DatasetSource {
    private final DatasetSource source;
    private final ConversionContext context;
    private final Set<String> seen = new HashSet<>();

    Tally(DatasetSource source, ConversionContext context) {
      this.source = source;
      this.context = context;
    }

    @Override
    public Schema schema() {
      return source.schema();
    }

    @Override
    public boolean grouped() {
      return source.grouped();
    }

    @Override
    public boolean hasNext() {
      return source.hasNext();
    }

    @Override
    public DatasetEntry next() {
      DatasetEntry entry = source.next();
      boolean first = source.grouped() || seen.add(entry.item().id());
      context.wrote(first ? 1 : 0, entry.annotations().size());
      return entry;
    }

    @Override
    public void close() {
      // The caller closes the source it gave.
    }
  }
}
