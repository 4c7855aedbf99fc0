package org.annotationkit.core.task;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.item.Item;

/**
 * One item to label: how many distinct annotators it needs, how urgent it is, what skills it asks
 * for, and the model pre-labels shown to the annotator as a starting point. A task's id is its
 * item's id, so an item is one task in a project.
 *
 * <p>Pre-labels are kept apart from human answers: they are annotations of model origin, never
 * counted towards the overlap and never exported as answers.
 *
 * @param item the item
 * @param overlap how many distinct annotators must have an accepted answer (k), {@code >= 1};
 *     ignored for gold tasks, which any annotator may answer once
 * @param priority higher goes first, finite; ties go in the order tasks were added
 * @param requiredSkills the skills an annotator must have, non-empty each; copied into a sorted set
 * @param prelabels model annotations of this item, of {@link Origin.Model model} origin; copied
 * @since 0.1.0
 */
public record Task(
    Item item,
    int overlap,
    double priority,
    Set<String> requiredSkills,
    List<Annotation> prelabels) {

  /** Checks and copies the parts. */
  public Task {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(requiredSkills, "requiredSkills");
    Objects.requireNonNull(prelabels, "prelabels");
    if (overlap < 1) {
      throw new IllegalArgumentException("overlap must be >= 1, got " + overlap);
    }
    Require.finite(priority, "priority");
    Objects.requireNonNull(requiredSkills, "requiredSkills");
    SortedSet<String> skills = new TreeSet<>();
    for (String skill : requiredSkills) {
      skills.add(Require.nonEmpty(skill, "requiredSkills"));
    }
    requiredSkills = java.util.Collections.unmodifiableSortedSet(skills);
    prelabels = List.copyOf(Objects.requireNonNull(prelabels, "prelabels"));
    Require.unique(
        prelabels,
        Annotation::id,
        repeated -> "prelabels must have unique ids, got " + Require.quote(repeated) + " twice");
    for (Annotation prelabel : prelabels) {
      if (!(prelabel.origin() instanceof Origin.Model)) {
        throw new IllegalArgumentException(
            "prelabel "
                + Require.quote(prelabel.id())
                + " must be of model origin, got "
                + prelabel.origin());
      }
      if (!prelabel.itemId().equals(item.id())) {
        throw new IllegalArgumentException(
            "prelabel "
                + Require.quote(prelabel.id())
                + " is of item "
                + Require.quote(prelabel.itemId())
                + ", expected "
                + Require.quote(item.id()));
      }
    }
  }

  /**
   * A task with overlap k, priority 0, no required skills and no pre-labels.
   *
   * @param item the item
   * @param overlap distinct annotators needed, {@code >= 1}
   * @return the task
   */
  public static Task of(Item item, int overlap) {
    return new Task(item, overlap, 0, Set.of(), List.of());
  }

  /**
   * The task's id: its item's id.
   *
   * @return the id
   */
  public String id() {
    return item.id();
  }

  /**
   * This task with another priority.
   *
   * @param newPriority the priority, finite
   * @return the task
   */
  public Task withPriority(double newPriority) {
    return new Task(item, overlap, newPriority, requiredSkills, prelabels);
  }

  /**
   * This task with another overlap, as {@link
   * org.annotationkit.core.store.StoreEvent.OverlapRaised} leaves it.
   *
   * @param newOverlap distinct annotators needed, {@code >= 1}
   * @return the task
   * @since 0.1.0
   */
  public Task withOverlap(int newOverlap) {
    return new Task(item, newOverlap, priority, requiredSkills, prelabels);
  }
}
