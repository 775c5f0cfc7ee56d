package dev.gatebench.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Result files: {@code <suite>-<target>-<timestamp>.json} in the shape of k6's end-of-test summary
 * plus gatebench's keys, and one HdrHistogram log {@code <suite>-<target>-<timestamp>.<metric>.hlog}
 * per latency metric beside it. Files are written atomically. Thread-safe.
 */
public final class RunResultJson {
  /** JavaScript's {@code Date.toISOString()}: UTC, always milliseconds, as the original's file names. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** The .hlog max column in ms, values in ns. */
  private static final double NANOS_PER_MS = 1e6;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RunResultJson() {}

  /**
   * Writes {@code result} into {@code dir} (created if needed), secrets in its config redacted.
   *
   * @return the path of the JSON file
   * @throws ResultFileException when a file cannot be written; nothing half-written is left behind
   */
  public static Path write(RunResult result, Path dir) {
    Path json = dir.resolve(baseName(result) + ".json");
    try {
      AtomicFiles.write(json, MAPPER.writeValueAsBytes(ResultDocument.of(result)));
      writeHistogramLogs(result, dir);
      return json;
    } catch (IOException e) {
      throw new ResultFileException(json, "Could not write result file " + json + ": " + e.getMessage()
          + "; check that " + dir.toAbsolutePath() + " is writable and has free space", e);
    }
  }

  /**
   * Reads a file written by {@link #write}; {@code read(write(r, dir))} equals {@code r} when the
   * free-form maps hold JSON values (strings, booleans, numbers as Integer/Long/Double, lists, maps).
   *
   * @throws ResultFileException when the file is missing, unreadable or not a gatebench result
   */
  public static RunResult read(Path file) {
    try {
      return MAPPER.readValue(Files.readAllBytes(file), ResultDocument.class).toRunResult();
    } catch (NoSuchFileException e) {
      throw new ResultFileException(file, "Result file " + file + " does not exist; run the suite that "
          + "writes it first (e.g. mvn verify -Pbaseline) or pass the path of an existing result file", e);
    } catch (JsonProcessingException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new ResultFileException(file, "Result file " + file + " is not a valid gatebench result ("
          + firstLine(e) + "); delete it and re-run the suite that wrote it", e);
    } catch (IOException e) {
      throw new ResultFileException(file, "Result file " + file + " could not be read (" + e
          + "); check that it is a readable file", e);
    }
  }

  /** {@code <suite>-<target>-<timestamp>} with the run's start, e.g. {@code baseline-litellm-2026-11-27T22-30-00-123Z}. */
  public static String baseName(RunResult result) {
    return safe(result.suite()) + "-" + safe(result.target()) + "-" + timestamp(result.startedAt());
  }

  /** As the original k6 scripts: {@code toISOString()} with {@code :} and {@code .} replaced by {@code -}. */
  public static String timestamp(Instant instant) {
    return ISO_MILLIS.format(instant).replaceAll("[:.]", "-");
  }

  /** A row's variant reads as words: {@code litellm[workers=4]} → {@code litellm-workers-4}. */
  private static String safe(String name) {
    return name.replaceAll("[\\[\\]=,]+", "-").replaceAll("-+$", "").replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void writeHistogramLogs(RunResult result, Path dir) throws IOException {
    for (String metric : result.histograms().keySet()) {
      Histogram histogram = result.histogram(metric).orElseThrow();
      if (histogram.getTotalCount() == 0) continue;
      Path log = dir.resolve(baseName(result) + "." + metric + ".hlog");
      AtomicFiles.write(log, histogramLog(result, metric, histogram));
    }
  }

  private static byte[] histogramLog(RunResult result, String metric, Histogram histogram) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HistogramLogWriter writer = new HistogramLogWriter(bytes);
    writer.outputComment("gatebench " + result.suite() + " " + result.target() + " " + metric
        + ": whole run, values in ns");
    writer.outputLogFormatVersion();
    writer.outputStartTime(result.startedAt().toEpochMilli());
    writer.outputLegend();
    histogram.setTag(metric);
    writer.outputIntervalHistogram(0, result.testRunDurationMs() / 1000.0, histogram, NANOS_PER_MS);
    writer.close();
    return bytes.toByteArray();
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
