package dev.gatebench.units;

/** A duration that does not follow {@link DurationText#RULE}; the message names what, the value and a fix. */
public final class DurationFormatException extends IllegalArgumentException {
  public DurationFormatException(String message) {
    super(message);
  }
}
