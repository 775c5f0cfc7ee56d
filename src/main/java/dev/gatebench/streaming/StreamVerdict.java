package dev.gatebench.streaming;

/** How a row handed streamed answers on, judged against what the mock sent. */
public enum StreamVerdict {
  /** Headers at once, deltas at the mock's pace. */
  FAITHFUL("streams faithfully"),
  /** The first token comes late, about when the mock finished, and the gaps collapse: stored, then replayed. */
  BUFFERS("buffers"),
  /** The gaps collapse but the first token is on time: deltas held and sent in bunches. */
  BUNCHES("bunches deltas"),
  /** The deltas keep their pace, but the headers wait for the first content delta. */
  HOLDS_HEADERS("holds headers until content"),
  /** No streamed answer succeeded, so nothing could be judged. */
  NOT_MEASURED("no streamed answer measured");

  private final String text;

  StreamVerdict(String text) {
    this.text = text;
  }

  /** As the report prints it, e.g. {@code streams faithfully}. */
  public String text() {
    return text;
  }
}
