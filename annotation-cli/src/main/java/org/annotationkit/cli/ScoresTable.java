package org.annotationkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Layout;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.table.CsvHeader;
import org.annotationkit.core.table.CsvReader;
import org.jspecify.annotations.Nullable;

/**
 * A table of class probabilities as {@code annotate select} and {@code review} read it: header
 * {@code id,<class>,...}, or {@code id,member,<class>,...} / {@code id,sample,<class>,...} with one
 * row per item and committee member or Monte Carlo sample. Items keep the order in which their ids
 * first appear; members too.
 *
 * @param source the file's name, for messages
 * @param coding the classes, in column order
 * @param ids the items' ids
 * @param members the member (or sample) names, empty without such a column
 * @param probabilities one set of probabilities per member (one set without a member column)
 */
record ScoresTable(
    String source,
    LabelCoding coding,
    ItemIds ids,
    List<String> members,
    List<Probabilities> probabilities) {

  /** The columns that mark one row per item and member or sample. */
  static final List<String> GROUP_COLUMNS = List.of("member", "sample");

  static ScoresTable read(Path file, @Nullable String group) {
    IoProblems.requireReadableFile(file);
    try (CsvReader in = CsvReader.open(file)) {
      CsvHeader header = in.header();
      List<String> classes =
          group == null ? header.requireLeading("id") : header.requireLeading("id", group);
      if (group == null && GROUP_COLUMNS.contains(classes.get(0))) {
        throw header.error(
            "a '"
                + classes.get(0)
                + "' column is for the committee strategies (member) or bald (sample); this"
                + " strategy takes one row per item: id,<class>,...");
      }
      LabelCoding coding = LabelCoding.of(classes);
      int c = classes.size();
      int first = group == null ? 1 : 2;
      Map<String, Integer> items = new LinkedHashMap<>();
      Map<String, Integer> memberIndex = new LinkedHashMap<>();
      List<double[]> rows = new ArrayList<>();
      List<int[]> keys = new ArrayList<>();
      Map<Long, Long> seen = new java.util.HashMap<>();
      while (in.next()) {
        String id = in.get(0);
        if (id.isEmpty()) {
          throw in.cellError(0, "empty item id");
        }
        Integer item = items.get(id);
        if (item == null) {
          item = items.size();
          items.put(id, item);
        } else if (group == null) {
          throw in.rowError("item '" + id + "' appears twice (one row per item)");
        }
        int member = 0;
        if (group != null) {
          String name = in.get(1);
          Integer m = memberIndex.get(name);
          if (m == null) {
            m = memberIndex.size();
            memberIndex.put(name, m);
          }
          member = m;
          Long before = seen.putIfAbsent(((long) item << 32) | member, in.line());
          if (before != null) {
            throw in.rowError(
                "item '"
                    + id
                    + "' and "
                    + group
                    + " '"
                    + name
                    + "' appear twice, first on line "
                    + before);
          }
        }
        double[] row = new double[c];
        for (int j = 0; j < c; j++) {
          double p = in.getDouble(first + j);
          if (!(p >= 0 && p <= 1)) {
            throw in.cellError(first + j, "expected a probability in [0, 1], found " + p);
          }
          row[j] = p;
        }
        rows.add(row);
        keys.add(new int[] {item, member});
      }
      int n = items.size();
      if (n == 0) {
        throw header.error("no items: the table has a header and no rows");
      }
      int m = Math.max(1, memberIndex.size());
      double[][] values = new double[m][n * c];
      boolean[][] present = new boolean[m][n];
      for (int r = 0; r < rows.size(); r++) {
        int[] key = keys.get(r);
        System.arraycopy(rows.get(r), 0, values[key[1]], key[0] * c, c);
        present[key[1]][key[0]] = true;
      }
      List<String> ids = List.copyOf(items.keySet());
      List<String> members = List.copyOf(memberIndex.keySet());
      for (int k = 0; k < m; k++) {
        for (int i = 0; i < n; i++) {
          if (!present[k][i]) {
            throw header.error(
                "item '"
                    + ids.get(i)
                    + "' has no row for "
                    + group
                    + " '"
                    + members.get(k)
                    + "' (every item needs one row per "
                    + group
                    + ")");
          }
        }
      }
      ItemIds itemIds = ItemIds.of(ids);
      List<Probabilities> sets =
          Arrays.stream(values)
              .map(v -> Probabilities.of(v, c, Layout.ROW_MAJOR, itemIds))
              .toList();
      return new ScoresTable(file.toString(), coding, itemIds, members, sets);
    }
  }

  Probabilities single() {
    return probabilities.get(0);
  }
}
