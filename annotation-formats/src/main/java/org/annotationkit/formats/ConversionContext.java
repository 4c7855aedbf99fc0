package org.annotationkit.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one conversion's reader and writer share: the {@linkplain FormatOptions options}, and the
 * report they fill in as they go (losses, and what was written).
 *
 * <p>Losses are kept, in order, up to a limit ({@value #DEFAULT_LOSS_LIMIT} by default), so that a
 * conversion that loses something on every one of millions of objects still runs in a bounded heap;
 * past the limit each loss is only counted by its {@link Loss#what() what}.
 *
 * <p>Not thread-safe: one context belongs to one conversion, read and written on one thread.
 *
 * @since 0.1.0
 */
public final class ConversionContext {
  /** How many losses a context keeps unless told otherwise. */
  public static final int DEFAULT_LOSS_LIMIT = 100_000;

  private final FormatOptions options;
  private final int lossLimit;
  private final List<Loss> losses = new ArrayList<>();
  private final Map<String, Long> lossCounts = new LinkedHashMap<>();
  private long omitted;
  private long images;
  private long annotations;

  private ConversionContext(FormatOptions options, int lossLimit) {
    this.options = Objects.requireNonNull(options, "options");
    if (lossLimit < 0) {
      throw new IllegalArgumentException("lossLimit must be >= 0: " + lossLimit);
    }
    this.lossLimit = lossLimit;
  }

  /**
   * A context with the given options, keeping up to {@value #DEFAULT_LOSS_LIMIT} losses.
   *
   * @param options the options
   * @return a new context
   */
  public static ConversionContext of(FormatOptions options) {
    return new ConversionContext(options, DEFAULT_LOSS_LIMIT);
  }

  /**
   * A context with the given options and limit on the losses kept.
   *
   * @param options the options
   * @param lossLimit how many losses to keep ({@code >= 0}); the rest are counted
   * @return a new context
   */
  public static ConversionContext of(FormatOptions options, int lossLimit) {
    return new ConversionContext(options, lossLimit);
  }

  /**
   * The options of the conversion.
   *
   * @return the options
   */
  public FormatOptions options() {
    return options;
  }

  /**
   * Reports a loss.
   *
   * @param loss the loss
   */
  public void lose(Loss loss) {
    Objects.requireNonNull(loss, "loss");
    lossCounts.merge(loss.what(), 1L, Long::sum);
    if (losses.size() < lossLimit) {
      losses.add(loss);
    } else {
      omitted++;
    }
  }

  /**
   * Reports a loss.
   *
   * @param object what the loss is about
   * @param what what was lost or changed, a fixed phrase (see {@link Loss})
   * @param reason why, for this object
   */
  public void lose(LossObject object, String what, String reason) {
    lose(new Loss(object, what, reason));
  }

  /**
   * Counts what a writer wrote.
   *
   * @param images images (or other items) written, {@code >= 0}
   * @param annotations annotations written, {@code >= 0}, counted as the target format counts them
   */
  public void wrote(long images, long annotations) {
    if (images < 0 || annotations < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    this.images += images;
    this.annotations += annotations;
  }

  /**
   * The report so far.
   *
   * @return a snapshot of the counts and losses
   */
  public ConversionReport report() {
    return new ConversionReport(images, annotations, losses, lossCounts, omitted);
  }
}
