package org.annotationkit.formats.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** The reason of an I/O failure in words, without the exception's class name. */
public final class IoMessages {
  private IoMessages() {}

  /**
   * Why an I/O operation failed.
   *
   * @param e the failure
   * @return for example {@code it does not exist}
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "it does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
