package org.annotationkit.formats.coco;

/**
 * A compressed COCO RLE string that cannot be decoded: a byte outside the alphabet, a count cut off
 * at the end of the string, a count too large or negative, or counts that do not add up to the
 * mask's size.
 *
 * @since 0.1.0
 */
public final class MalformedRleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The offset of the offending byte, or -1 when the problem is the whole string. */
  private final int offset;

  /**
   * Creates the exception.
   *
   * @param offset the 0-based offset of the offending byte in the string, or -1 when no single byte
   *     is at fault (the counts do not add up to the size)
   * @param message what is wrong, naming the byte
   */
  public MalformedRleException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /**
   * The offset of the offending byte.
   *
   * @return the 0-based offset in the compressed string, or -1 when no single byte is at fault
   */
  public int offset() {
    return offset;
  }
}
