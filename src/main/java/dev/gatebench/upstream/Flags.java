package dev.gatebench.upstream;

import dev.gatebench.units.DurationText;
import java.time.Duration;

/** Parses {@link MockUpstreamMain}'s flags into a builder; each mistake names flag, value and fix. */
final class Flags {

  static final String USAGE = """
      usage: MockUpstreamMain [flags]
        --host HOST          interface to bind (default 127.0.0.1)
        --port N             plain HTTP + CONNECT port, 0 = any free port (default 0)
        --https-port N       also serve HTTPS directly on this port
        --ttft DELAY         time to first token: 250ms, uniform(100ms,300ms), lognormal(250ms,900ms) (default 0)
        --itl DELAY          inter-token latency, same forms (default 0)
        --tokens N           answer length in tokens before max_tokens cuts it (default 100)
        --seed N             seed of text, latency draws and faults (default 42)
        --fault NAME=RATE    inject a fault at a rate in [0,1], repeatable; NAME one of %s
        --stall DURATION     how long a stall fault sends nothing (default 5s)
        --stall-then-close   end stalls by closing instead of continuing
        --io-threads N       event-loop threads (default: available cores)
        --report-every D     print how late the mock wrote streamed deltas, every D (e.g. 5s; default off)
        --help               this text
      """.formatted(FaultKind.names());

  /** Thrown for {@code --help}. */
  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super("help", null, false, false);
    }
  }

  /**
   * The parsed command line.
   *
   * @param reportEvery how often to print {@link SendLateness}, or zero for never
   */
  record Options(MockUpstream.Builder builder, Duration reportEvery) {}

  private Flags() {}

  static MockUpstream.Builder parse(String... args) {
    return options(args).builder();
  }

  static Options options(String... args) {
    Parsed parsed = new Parsed();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--stall-then-close" -> parsed.plan = parsed.plan.withStall(parsed.plan.stall(), true);
        default -> parsed.apply(flag, valueOf(args, i++, flag));
      }
    }
    return new Options(parsed.builder.latency(LatencyProfile.of(parsed.ttft, parsed.itl)).faults(parsed.plan),
        parsed.reportEvery);
  }

  /** The flags seen so far; mutable only while parsing. */
  private static final class Parsed {
    MockUpstream.Builder builder = MockUpstream.builder();
    FaultPlan plan = FaultPlan.none();
    Delay ttft = Delay.ZERO;
    Delay itl = Delay.ZERO;
    Duration reportEvery = Duration.ZERO;

    void apply(String flag, String value) {
      switch (flag) {
        case "--host" -> builder = builder.host(value);
        case "--port" -> builder = builder.port(integer(flag, value, "8080"));
        case "--https-port" -> builder = builder.httpsPort(integer(flag, value, "8443"));
        case "--tokens" -> builder = builder.outputTokens(integer(flag, value, "100"));
        case "--io-threads" -> builder = builder.ioThreads(integer(flag, value, "2"));
        case "--seed" -> builder = builder.seed(check(flag, value, "42", () -> Long.parseLong(value)));
        case "--ttft" -> ttft = check(flag, value, "250ms", () -> Delay.parse(value));
        case "--itl" -> itl = check(flag, value, "10ms", () -> Delay.parse(value));
        case "--stall" -> plan = plan.withStall(DurationText.parse(flag, value, flag + " 5s"), plan.closeAfterStall());
        case "--fault" -> plan = fault(plan, value);
        case "--report-every" -> reportEvery = DurationText.parse(flag, value, flag + " 5s");
        default -> throw new IllegalArgumentException("unknown flag '" + flag + "'; see --help for the flags");
      }
    }
  }

  private static FaultPlan fault(FaultPlan plan, String value) {
    int equals = value.indexOf('=');
    return check("--fault", value, "500=0.05", () -> {
      if (equals < 0) throw new IllegalArgumentException("expected NAME=RATE");
      FaultKind kind = FaultKind.parse(value.substring(0, equals));
      return plan.with(kind, Double.parseDouble(value.substring(equals + 1)));
    });
  }

  private static int integer(String flag, String value, String example) {
    return check(flag, value, example, () -> Integer.parseInt(value.trim()));
  }

  /** Runs a conversion and rephrases its failure as "flag, value, rule, example". */
  private static <T> T check(String flag, String value, String example, java.util.function.Supplier<T> conversion) {
    try {
      return conversion.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid value '" + value + "' for " + flag + ": " + e.getMessage()
          + "; e.g. " + flag + " " + example, e);
    }
  }

  private static String valueOf(String[] args, int index, String flag) {
    if (!flag.startsWith("--")) {
      throw new IllegalArgumentException("unexpected argument '" + flag + "'; flags start with --, see --help");
    }
    if (index + 1 >= args.length) {
      throw new IllegalArgumentException("flag " + flag + " needs a value; see --help");
    }
    return args[index + 1];
  }
}
