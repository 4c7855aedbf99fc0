package org.annotationkit.core.store;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The annotators a store knows, by id: found through a hash map (every next and submit looks its
 * annotator up several times, and a sorted map compared strings at each level), listed in id order
 * from a sorted map (snapshots and {@link StoreView#annotators()} list them so). Both maps hold the
 * same entries. Mutable under the store's lock; not thread-safe.
 */
final class AnnotatorIndex {

  private final Map<String, InMemoryStore.AnnotatorEntry> byId = new HashMap<>();
  private final TreeMap<String, InMemoryStore.AnnotatorEntry> sorted = new TreeMap<>();

  /**
   * The entry of an annotator.
   *
   * @param annotatorId the id
   * @return the entry, or null
   */
  InMemoryStore.@Nullable AnnotatorEntry get(String annotatorId) {
    return byId.get(annotatorId);
  }

  /**
   * Puts an annotator's entry.
   *
   * @param annotatorId the id
   * @param entry the entry
   * @return the entry it replaced, or null
   */
  @CanIgnoreReturnValue
  InMemoryStore.@Nullable AnnotatorEntry put(
      String annotatorId, InMemoryStore.AnnotatorEntry entry) {
    sorted.put(annotatorId, entry);
    return byId.put(annotatorId, entry);
  }

  /**
   * How many annotators there are.
   *
   * @return the count
   */
  int size() {
    return byId.size();
  }

  /**
   * The entries in id order, unmodifiable.
   *
   * @return the entries
   */
  Collection<InMemoryStore.AnnotatorEntry> values() {
    return Collections.unmodifiableCollection(sorted.values());
  }
}
