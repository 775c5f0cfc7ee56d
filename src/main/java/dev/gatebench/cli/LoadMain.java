package dev.gatebench.cli;

import dev.gatebench.config.Defaults;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.Executor;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.LoadRunner;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.load.TargetUnreachableException;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.ResultFileException;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.units.DurationFormatException;
import dev.gatebench.units.DurationText;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one scenario against a chat completions URL, e.g.
 * {@code java -cp ... dev.gatebench.cli.LoadMain --url http://127.0.0.1:8080/v1/chat/completions
 * --executor constant-arrival-rate --rate 200 --duration 30s}. Prints progress to stderr, one
 * {@code key=value} summary line to stdout, and writes the RunResult JSON when {@code --out} is
 * given. Exit codes: 0 ran, 1 target unreachable or result not written, 2 bad flags.
 */
public final class LoadMain {
  /** VUs of the {@code --warmup} loop: enough to run every hot path, few enough for any target. */
  static final int WARMUP_VUS = 10;
  /** Runs of a warm-up; see {@link #warmUpRuns}. */
  static final int WARMUP_RUNS = 3;
  /** The longest later warm-up run: long enough for the event loop's hot paths to reach C2 again. */
  static final Duration REWARM = Duration.ofSeconds(5);
  static final String USAGE = """
      usage: LoadMain --url URL [flags]
        --url URL            chat completions URL, e.g. http://127.0.0.1:8080/v1/chat/completions (required)
        --executor NAME      constant-arrival-rate (default), constant-vus, ramping-vus,
                             per-vu-iterations, shared-iterations, ramping-arrival-rate
        --rate N             iterations per second of the arrival-rate executors, >= 1; default 10
        --vus N              VUs, or preAllocatedVUs / startVUs; >= 1; default 10
        --max-vus N          maxVUs of the arrival-rate executors; default --vus
        --iterations N       iterations of per-vu/shared-iterations, >= 1; default 1
        --duration D         k6 duration, e.g. 30s or 1m30s; default 30s (maxDuration of the
                             iteration executors, one ramp stage to --vus for the ramping ones)
        --think D            sleep after each request, e.g. 1s; default 0s
        --warmup D           first drive the target for D, not measured, so the JIT has compiled
                             the hot paths: an arrival-rate executor at its rate (a ramp at its
                             first stage's) on no more than --vus VUs, the others with %d closed
                             VUs; in 3 runs (JIT warm-up iterations), each closed before the
                             next; e.g. 15s; default 0s
        --stream             ask for streamed (SSE) answers
        --model NAME         default %s
        --max-tokens N       default %s
        --header 'K: V'      extra request header; repeatable
        --out DIR            write the RunResult JSON into DIR
        --io-threads N       event-loop threads, >= 1; default min(2, cores)
        --quiet              no per-second progress on stderr
        --help               this text
      stdout: summary requests=N rps=R p50_ms= p95_ms= p99_ms= max_ms= errors=N dropped=N result=FILE
      """.formatted(WARMUP_VUS, Defaults.TEST_MODEL, Defaults.TEST_MAX_TOKENS);
  // Lists, not sets: the unknown-flag message names them in the order of USAGE.
  private static final List<String> SWITCHES = List.of("--stream", "--quiet", "--help");
  private static final List<String> VALUED = List.of("--url", "--executor", "--rate", "--vus", "--max-vus",
      "--iterations", "--duration", "--think", "--warmup", "--model", "--max-tokens", "--header", "--out", "--io-threads");

  private LoadMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The whole command, without exiting; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      err.println("gatebench load: " + e.getMessage());
      err.println("run with --help for every flag");
      return 2;
    }
    if (options.help()) {
      out.print(USAGE);
      return 0;
    }
    try {
      warmUp(options);
      RunResult result = runner(options, err).run("load", options.target(), options.scenario());
      Optional<Path> file = options.out().map(dir -> RunResultJson.write(result, dir));
      out.println(summaryLine(result, file));
      return 0;
    } catch (TargetUnreachableException | ResultFileException e) {
      err.println("gatebench load: " + e.getMessage());
      return 1;
    }
  }

  /** Separate, discarded runs: a cold JVM interprets the first thousands of requests. */
  private static void warmUp(Options options) {
    if (options.warmup().isZero()) return;
    LoadRunner runner = StandardMetrics.runner(engine(options));
    for (Scenario warm : warmUpRuns(options.scenario(), options.warmup())) {
      runner.run("warmup", options.target(), warm);
    }
  }

  /**
   * The warm-up of {@code warmup} in all, as {@link #WARMUP_RUNS} runs, as a JMH benchmark has warm-up
   * iterations: the end of a run (VUs stopping, connections closing, event loops shutting down)
   * takes branches that the JIT compiled as never taken, and throws the event loop's compiled hot
   * paths away (uncommon traps); the next run interprets them until they are compiled again, now
   * with those branches in their profile. After one warm-up run, a measured run at 1,000/s met 76
   * to 99 C2 compilations in its first six seconds, on the generator's CPU; after three, none but
   * a few in its third second. The later runs last a quarter of the warm-up each, at most
   * {@link #REWARM}.
   */
  static List<Scenario> warmUpRuns(Scenario measured, Duration warmup) {
    Duration later = Collections.min(List.of(REWARM, warmup.dividedBy(WARMUP_RUNS + 1)));
    List<Scenario> runs = new ArrayList<>();
    runs.add(warmUpScenario(measured, warmup.minus(later.multipliedBy(WARMUP_RUNS - 1))));
    for (int i = 1; i < WARMUP_RUNS; i++) runs.add(warmUpScenario(measured, later));
    return runs;
  }

  /**
   * The warm-up of {@code measured}: the same kind of executor, so that the measured run's own code
   * is compiled (an open model's arrival timer and VU hand-off are not run by closed VUs; warmed with
   * those alone, a run at 1,000/s still met compilations, and its event loop waited behind them, in
   * its first seconds), at a rate that the target is about to get anyway. It never grows past the
   * measured run's pre-allocated VUs: a cold generator at full rate would open hundreds of connections
   * in its first second, and their closes at the switch would stall the target's own first seconds
   * of the measured run (its close path and the code it deoptimised compiled then, on its CPU); a
   * cold start drops iterations instead, which are not measured.
   */
  static Scenario warmUpScenario(Scenario measured, Duration warmup) {
    long rate = switch (measured.executor()) {
      case CONSTANT_ARRIVAL_RATE -> measured.rate();
      case RAMPING_ARRIVAL_RATE -> measured.stages().isEmpty() ? measured.rate() : measured.stages().getFirst().target();
      default -> 0;
    };
    if (rate < 1) return Scenario.constantVus(WARMUP_VUS, warmup);
    return Scenario.constantArrivalRate(rate, measured.timeUnit(), warmup)
        .preAllocatedVus(measured.preAllocatedVus()).maxVus(measured.preAllocatedVus());
  }

  private static LoadRunner runner(Options options, PrintStream err) {
    LoadEngine engine = engine(options);
    return options.quiet() ? StandardMetrics.runner(engine) : StandardMetrics.runner(engine, err);
  }

  private static LoadEngine engine(Options options) {
    ChatRequestFactory requests = ChatRequestFactory.of(options.model(), options.maxTokens(),
        Double.parseDouble(Defaults.TEST_TEMPERATURE), options.stream());
    return new LoadEngine(requests, LoadEngine.DEFAULT_REQUEST_TIMEOUT, options.ioThreads());
  }

  /** One line of {@code key=value}, latencies in ms from {@code chat_completion_latency}. */
  static String summaryLine(RunResult result, Optional<Path> file) {
    MetricSummary latency = result.metric(MetricNames.CHAT_COMPLETION_LATENCY).orElse(null);
    return String.format(Locale.ROOT,
        "summary requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d dropped=%d result=%s",
        (long) value(result, MetricNames.REQUESTS_TOTAL, "count"), value(result, MetricNames.REQUESTS_TOTAL, "rate"),
        value(latency, "med"), value(latency, "p(95)"), value(latency, "p(99)"), value(latency, "max"),
        (long) value(result, MetricNames.REQUESTS_FAILED, "count"),
        (long) value(result, MetricNames.DROPPED_ITERATIONS, "count"), file.map(Path::toString).orElse("-"));
  }

  private static double value(RunResult result, String metric, String name) {
    return value(result.metric(metric).orElse(null), name);
  }

  /** 0 when the run recorded nothing for it, as k6 shows an empty counter. */
  private static double value(MetricSummary summary, String name) {
    return summary == null ? 0 : summary.value(name).orElse(0);
  }

  /** A user mistake on the command line; the message names the flag, the value and the fix. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }

    UsageException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The parsed command line. Defaults are in {@link #USAGE}. */
  record Options(boolean help, Target target, Scenario scenario, Duration warmup, String model, int maxTokens,
      boolean stream, Optional<Path> out, int ioThreads, boolean quiet) {

    static Options parse(String[] args) {
      RawFlags flags = RawFlags.read(args);
      if (flags.has("--help")) return new Options(true, null, null, Duration.ZERO, null, 0, false, Optional.empty(), 1, true);
      return new Options(false, target(flags), ScenarioFlags.scenario(flags),
          flags.duration("--warmup", Duration.ZERO), flags.text("--model", Defaults.TEST_MODEL),
          flags.positiveInt("--max-tokens", Integer.parseInt(Defaults.TEST_MAX_TOKENS)), flags.has("--stream"),
          Optional.ofNullable(flags.values.get("--out")).map(Path::of),
          flags.positiveInt("--io-threads", Math.min(2, Runtime.getRuntime().availableProcessors())),
          flags.has("--quiet"));
    }

    private static Target target(RawFlags flags) {
      String url = flags.values.get("--url");
      if (url == null) {
        throw new UsageException("--url is required; e.g. --url http://127.0.0.1:8080/v1/chat/completions");
      }
      Target target;
      try {
        target = new Target("load", URI.create(url), Map.of());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--url '" + url + "' is not an http://host:port/path URL; e.g. "
            + "--url http://127.0.0.1:8080/v1/chat/completions", e);
      }
      for (String header : flags.headers) target = withHeader(target, header);
      return target;
    }

    private static Target withHeader(Target target, String header) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new UsageException("--header '" + header + "' must be 'Name: value'; e.g. --header 'Authorization: Bearer sk-1'");
      }
      return target.withHeader(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
  }

  /** The flags as given: {@code --flag value}, {@code --flag=value} or a bare switch. */
  private record RawFlags(Map<String, String> values, List<String> headers) {

    static RawFlags read(String[] args) {
      RawFlags flags = new RawFlags(new LinkedHashMap<>(), new ArrayList<>());
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        int eq = arg.indexOf('=');
        String name = eq > 0 ? arg.substring(0, eq) : arg;
        if (SWITCHES.contains(name) && eq < 0) {
          flags.values.put(name, "true");
        } else if (VALUED.contains(name)) {
          String value = eq > 0 ? arg.substring(eq + 1) : missingOr(args, ++i, name);
          if (name.equals("--header")) flags.headers.add(value);
          else flags.values.put(name, value);
        } else {
          throw new UsageException("unknown flag '" + arg + "'; flags are " + String.join(", ", VALUED) + ", "
              + String.join(", ", SWITCHES));
        }
      }
      return flags;
    }

    private static String missingOr(String[] args, int index, String name) {
      if (index >= args.length) throw new UsageException(name + " needs a value; see --help for an example");
      return args[index];
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    String text(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    int positiveInt(String name, int fallback) {
      return Math.toIntExact(positiveLong(name, fallback));
    }

    long positiveLong(String name, long fallback) {
      String raw = values.get(name);
      if (raw == null) return fallback;
      try {
        long value = Long.parseLong(raw.trim());
        if (value >= 1 && value <= Integer.MAX_VALUE) return value;
      } catch (NumberFormatException e) {
        // reported below with the fix
      }
      throw new UsageException(name + " must be a whole number >= 1 but was '" + raw + "'; e.g. " + name + " 50");
    }

    Duration duration(String name, Duration fallback) {
      String raw = values.get(name);
      if (raw == null) return fallback;
      try {
        return DurationText.parse(name, raw, name + " 30s");
      } catch (DurationFormatException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
  }

  /** Turns the scenario flags into k6 options and lets {@link Scenario#fromK6Options} check them. */
  private static final class ScenarioFlags {
    private static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

    private ScenarioFlags() {}

    static Scenario scenario(RawFlags flags) {
      String name = flags.text("--executor", Executor.CONSTANT_ARRIVAL_RATE.k6Name());
      Executor executor;
      try {
        executor = Executor.fromK6Name(name);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--executor: " + e.getMessage(), e);
      }
      try {
        return Scenario.fromK6Options(options(executor, flags));
      } catch (IllegalArgumentException e) {
        throw new UsageException("the flags do not make a valid " + name + " scenario: " + e.getMessage(), e);
      }
    }

    private static Map<String, Object> options(Executor executor, RawFlags flags) {
      int vus = flags.positiveInt("--vus", 10);
      Duration duration = flags.duration("--duration", DEFAULT_DURATION);
      Map<String, Object> k6 = new LinkedHashMap<>();
      k6.put("executor", executor.k6Name());
      k6.put("thinkTime", flags.duration("--think", Duration.ZERO));
      switch (executor) {
        case PER_VU_ITERATIONS, SHARED_ITERATIONS -> {
          k6.put("vus", vus);
          k6.put("iterations", flags.positiveLong("--iterations", 1));
          k6.put("maxDuration", flags.has("--duration") ? duration : Scenario.DEFAULT_MAX_DURATION);
        }
        case CONSTANT_VUS -> {
          k6.put("vus", vus);
          k6.put("duration", duration);
        }
        case RAMPING_VUS -> {
          k6.put("startVUs", 0);
          k6.put("stages", List.of(Map.of("duration", duration, "target", vus)));
        }
        case CONSTANT_ARRIVAL_RATE, RAMPING_ARRIVAL_RATE -> arrivalRate(executor, flags, vus, duration, k6);
      }
      return k6;
    }

    private static void arrivalRate(Executor executor, RawFlags flags, int vus, Duration duration,
        Map<String, Object> k6) {
      long rate = flags.positiveLong("--rate", 10);
      k6.put("preAllocatedVUs", vus);
      k6.put("maxVUs", flags.positiveInt("--max-vus", vus));
      if (executor == Executor.RAMPING_ARRIVAL_RATE) {
        // one stage from 0 to --rate over --duration
        k6.put("startRate", 0);
        k6.put("stages", List.of(Map.of("duration", duration, "target", Math.toIntExact(rate))));
      } else {
        k6.put("rate", rate);
        k6.put("duration", duration);
      }
    }
  }
}
