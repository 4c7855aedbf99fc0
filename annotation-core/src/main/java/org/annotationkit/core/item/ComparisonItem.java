package org.annotationkit.core.item;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;

/**
 * A prompt with two or more model outputs to compare: the item of pairwise preferences, rankings
 * and ratings of model outputs.
 *
 * @param id the item's id, non-empty
 * @param prompt the prompt the responses answer, possibly empty
 * @param responses at least two responses with unique ids, copied
 * @param metadata free-form metadata, copied into an unmodifiable map sorted by key
 * @since 0.1.0
 */
public record ComparisonItem(
    String id, String prompt, List<Response> responses, Map<String, String> metadata)
    implements Item {
  /** Checks and copies the parts. */
  public ComparisonItem {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    responses = Require.atLeast(responses, 2, "responses", "responses");
    Require.unique(
        responses,
        Response::id,
        repeated -> "responses must have unique ids, got " + repeated + " twice");
    metadata = Require.sortedCopy(metadata, "metadata");
  }

  /**
   * A comparison without metadata.
   *
   * @param id the item's id, non-empty
   * @param prompt the prompt the responses answer, possibly empty
   * @param responses at least two responses with unique ids
   */
  public ComparisonItem(String id, String prompt, List<Response> responses) {
    this(id, prompt, responses, Map.of());
  }

  /**
   * Finds a response by id.
   *
   * @param responseId the response's id
   * @return the response, or empty when none has that id
   */
  public Optional<Response> response(String responseId) {
    Objects.requireNonNull(responseId, "responseId");
    for (Response response : responses) {
      if (response.id().equals(responseId)) {
        return Optional.of(response);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns {@link ItemKind#COMPARISON}.
   *
   * @return {@link ItemKind#COMPARISON}
   */
  @Override
  public ItemKind kind() {
    return ItemKind.COMPARISON;
  }
}
