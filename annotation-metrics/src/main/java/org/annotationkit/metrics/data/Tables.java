package org.annotationkit.metrics.data;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.table.CsvHeader;
import org.annotationkit.core.table.CsvReader;

/** Reads the two CSV layouts of answer tables, long and wide, told apart by the header. */
final class Tables {
  private Tables() {}

  /** Takes one non-missing answer: its item, its annotator, and the column of its label. */
  interface Cell {
    void accept(String item, String annotator, int column);
  }

  /** The names the label column of the long layout may have, in order of preference. */
  private static final List<String> LABEL_COLUMNS = List.of("label", "value");

  /**
   * Reads every row of a table in the long layout ({@code item,annotator,label}, or {@code value}
   * for the label) or the wide one ({@code unit,<annotator>,...}), giving each non-empty answer to
   * {@code cell}.
   */
  static void read(CsvReader in, Cell cell) {
    CsvHeader header = in.header();
    OptionalInt item = header.indexOf("item");
    OptionalInt annotator = header.indexOf("annotator");
    OptionalInt label = OptionalInt.empty();
    for (String name : LABEL_COLUMNS) {
      if (label.isEmpty()) {
        label = header.indexOf(name);
      }
    }
    if (item.isPresent() && annotator.isPresent() && label.isPresent()) {
      readLong(in, item.getAsInt(), annotator.getAsInt(), label.getAsInt(), cell);
    } else if (header.size() >= 2 && header.name(0).equals("unit")) {
      readWide(in, header, cell);
    } else {
      throw header.error(
          "expected a long table with the columns 'item', 'annotator' and 'label', or a wide one"
              + " with 'unit' and then one column per annotator, found "
              + (header.size() == 0 ? "no header" : String.join(",", header.names())));
    }
  }

  private static void readLong(CsvReader in, int item, int annotator, int label, Cell cell) {
    while (in.next()) {
      if (in.isEmpty(label)) {
        continue; // a missing answer
      }
      cell.accept(id(in, item, "item"), id(in, annotator, "annotator"), label);
    }
  }

  private static void readWide(CsvReader in, CsvHeader header, Cell cell) {
    // The reader refuses a header that names a column twice, so each annotator has one column.
    for (int c = 1; c < header.size(); c++) {
      if (header.name(c).isEmpty()) {
        throw header.error("column " + (c + 1) + " has no annotator name in the header");
      }
    }
    while (in.next()) {
      String unit = id(in, 0, "unit");
      for (int c = 1; c < header.size(); c++) {
        if (!in.isEmpty(c)) {
          cell.accept(unit, header.name(c), c);
        }
      }
    }
  }

  private static String id(CsvReader in, int column, String what) {
    if (in.isEmpty(column)) {
      throw in.cellError(column, "the " + what + " id is empty");
    }
    return in.get(column);
  }

  /** Makes the error for a repeated answer read from {@code in}: located in its file. */
  static Function<String, FormatException> repeatError(CsvReader in) {
    String source = in.source();
    return message -> FormatException.at(message, FormatException.Location.of(source, 0, 0));
  }
}
