package org.annotationkit.store.jdbc;

/**
 * The database could not be reached, or the connection broke, while a {@link JdbcStore} ran a
 * decision or a read. Nothing of a decision is applied unless {@link #outcomeUnknown()}: then the
 * connection broke while the transaction committed, and the decision may or may not be applied.
 * Either way the caller can retry once the server is back (the workflow's submissions are
 * idempotent by annotation id); the store itself stays usable and reconnects on its next call.
 *
 * @since 0.1.0
 */
public final class StoreUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Whether the failure came while committing. */
  private final boolean outcomeUnknown;

  /**
   * Makes the exception.
   *
   * @param message what failed, naming the store and the SQL state
   * @param outcomeUnknown whether the connection broke while committing
   * @param cause the driver's exception
   */
  StoreUnavailableException(String message, boolean outcomeUnknown, Throwable cause) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * Whether the connection broke while the transaction committed, so that the decision may have
   * been applied: a retry must be one that is safe to repeat (a submission with the same id is).
   *
   * @return whether the outcome is unknown
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
