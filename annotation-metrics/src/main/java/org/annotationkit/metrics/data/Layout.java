package org.annotationkit.metrics.data;

import java.util.Arrays;
import org.annotationkit.core.coding.LabelCoding;

/**
 * The shape shared by {@link Answers} and {@link Ratings}: answers sorted by item, then annotator,
 * with the item and annotator codes of each, where each item's answers start, and an index of the
 * answers by annotator.
 */
final class Layout {
  final LabelCoding items;
  final LabelCoding annotators;

  /** The item of each answer, ascending. */
  final int[] item;

  /** The annotator of each answer, ascending within an item. */
  final int[] annotator;

  /** Where the answers of each item start; {@code items.size() + 1} entries. */
  final int[] itemStart;

  /** The answers, ordered by annotator, then item. */
  final int[] byAnnotator;

  /** Where the answers of each annotator start in {@link #byAnnotator}. */
  final int[] annotatorStart;

  private Layout(
      LabelCoding items,
      LabelCoding annotators,
      int[] item,
      int[] annotator,
      int[] itemStart,
      int[] byAnnotator,
      int[] annotatorStart) {
    this.items = items;
    this.annotators = annotators;
    this.item = item;
    this.annotator = annotator;
    this.itemStart = itemStart;
    this.byAnnotator = byAnnotator;
    this.annotatorStart = annotatorStart;
  }

  int size() {
    return item.length;
  }

  /**
   * Where each answer of a sorted layout came from, and the layout: {@code order[k]} is the input
   * position of the layout's answer {@code k}.
   */
  static final class Sorted {
    private final Layout layout;
    private final int[] order;

    Sorted(Layout layout, int[] order) {
      this.layout = layout;
      this.order = order;
    }

    Layout layout() {
      return layout;
    }

    int[] order() {
      return order;
    }
  }

  /**
   * Sorts answers given by first-seen item and annotator codes into a layout coded in sorted order
   * of ids.
   *
   * @param seenItems the items in the order first seen
   * @param seenAnnotators the annotators in the order first seen
   * @param rawItem the first-seen item code of each answer (n entries; the array may be longer)
   * @param rawAnnotator the first-seen annotator code of each answer
   * @param n the number of answers
   * @param tie orders the answers of one annotator for one item (repeats), by input position
   */
  static Sorted sort(
      LabelCoding seenItems,
      LabelCoding seenAnnotators,
      int[] rawItem,
      int[] rawAnnotator,
      int n,
      Tie tie) {
    LabelCoding items = LabelCoding.sorted(seenItems.labels());
    LabelCoding annotators = LabelCoding.sorted(seenAnnotators.labels());
    int[] itemMap = seenItems.remapTo(items);
    int[] annotatorMap = seenAnnotators.remapTo(annotators);
    int[] itemOf = new int[n];
    int[] annotatorOf = new int[n];
    for (int i = 0; i < n; i++) {
      itemOf[i] = itemMap[rawItem[i]];
      annotatorOf[i] = annotatorMap[rawAnnotator[i]];
    }
    // Least significant key first: a stable counting sort by annotator, then one by item.
    int[] byAnnotatorInput = countingSort(annotatorOf, identity(n), annotators.size());
    int[] order = countingSort(itemOf, byAnnotatorInput, items.size());
    int[] item = new int[n];
    int[] annotator = new int[n];
    for (int k = 0; k < n; k++) {
      item[k] = itemOf[order[k]];
      annotator[k] = annotatorOf[order[k]];
    }
    // Repeats keep input order so far; put them in an order of their own, so the table does not
    // depend on the input's.
    for (int k = 0; k < n; ) {
      int end = k + 1;
      while (end < n && item[end] == item[k] && annotator[end] == annotator[k]) {
        end++;
      }
      if (end - k > 1) {
        insertionSort(order, k, end, tie);
      }
      k = end;
    }
    int[] itemStart = starts(item, items.size());
    int[] byAnnotator = countingSort(annotator, identity(n), annotators.size());
    int[] annotatorStart = starts(annotator, annotators.size());
    return new Sorted(
        new Layout(items, annotators, item, annotator, itemStart, byAnnotator, annotatorStart),
        order);
  }

  /** Orders two input positions of answers by one annotator for one item. */
  interface Tie {
    int compare(int a, int b);
  }

  private static void insertionSort(int[] order, int from, int to, Tie tie) {
    for (int i = from + 1; i < to; i++) {
      int value = order[i];
      int j = i - 1;
      while (j >= from && tie.compare(order[j], value) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = value;
    }
  }

  private static int[] identity(int n) {
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    return identity;
  }

  /** The positions of {@code input}, stably sorted by {@code key[position]}. */
  private static int[] countingSort(int[] key, int[] input, int keys) {
    int[] start = new int[keys + 1];
    for (int position : input) {
      start[key[position] + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      start[k + 1] += start[k];
    }
    int[] out = new int[input.length];
    for (int position : input) {
      out[start[key[position]]++] = position;
    }
    return out;
  }

  /** Where each key's answers start when answers are grouped by key, plus the total at the end. */
  private static int[] starts(int[] key, int keys) {
    int[] start = new int[keys + 1];
    for (int k : key) {
      start[k + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      start[k + 1] += start[k];
    }
    return start;
  }

  /** The first answer that repeats the item and annotator of the one before it, or -1. */
  static int repeatAt(Layout layout) {
    for (int k = 1; k < layout.size(); k++) {
      if (layout.item[k] == layout.item[k - 1] && layout.annotator[k] == layout.annotator[k - 1]) {
        return k;
      }
    }
    return -1;
  }

  static int[] copy(int[] values) {
    return Arrays.copyOf(values, values.length);
  }
}
