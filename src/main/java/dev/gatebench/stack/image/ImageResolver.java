package dev.gatebench.stack.image;

import dev.gatebench.cache.BuildOnce;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.GatewaySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds each image of the stack on the Docker engine, in this order: the configured image
 * ({@code gatebench.image.<key>}, default the official one) if present, or its local equivalent if
 * built before; else a pull bounded by {@code gatebench.imagePullTimeout} (default {@value #PULL_TIMEOUT});
 * else, for the default image only, a build of the equivalent from {@code compose/images/<folder>}
 * on {@value BaseImage#TAG}, once, tagged with the hash of its folder. When all of that fails,
 * {@link ImageUnavailableException} says so in one line. Results (and failures) are kept for the
 * life of the resolver. Thread-safe; blocks the calling thread only.
 */
public final class ImageResolver {
  /** How long one pull may take: an engine without a registry fails fast, a hanging one is cut off. */
  public static final String PULL_TIMEOUT = "10s";
  /** Where a reference without a registry part is pulled from: the engine's default registry. */
  static final String DEFAULT_REGISTRY = "the default registry";

  private final ImagePlans plans;
  private final DockerEngine docker;
  private final BaseImage base;
  private final Consumer<String> console;
  private final Path logDir;
  private final Path caBundle;
  private final Duration pullTimeout;
  private final Path locks;
  private final Map<StackImage, ResolvedImage> resolved = new EnumMap<>(StackImage.class);
  private final Map<StackImage, ImageUnavailableException> failed = new EnumMap<>(StackImage.class);
  private final Set<String> silentRegistries = new HashSet<>();

  ImageResolver(BenchConfig config, DockerEngine docker, Bootstrapper bootstrapper, Consumer<String> console,
      Path caBundle) {
    this.plans = new ImagePlans(config);
    this.docker = docker;
    this.console = console;
    this.caBundle = caBundle;
    this.logDir = Path.of(config.get("gatebench.logDir").orElse(GatewaySettings.LOG_DIR));
    this.pullTimeout = config.duration("gatebench.imagePullTimeout", PULL_TIMEOUT);
    this.locks = Path.of(config.get("gatebench.cacheDir").orElseGet(() -> Path.of(System.getProperty("user.home"),
        ".cache", "gatebench").toString())).resolve("locks");
    this.base = new BaseImage(docker, bootstrapper, pullTimeout, locks.resolve("image-debian-base.lock"));
  }

  /** A resolver that uses the {@code docker} command and prints its progress on standard output. */
  public static ImageResolver fromConfig(BenchConfig config) {
    Consumer<String> console = line -> System.out.println("gatebench: " + line);
    DockerCli docker = new DockerCli();
    Path logDir = Path.of(config.get("gatebench.logDir").orElse(GatewaySettings.LOG_DIR));
    return new ImageResolver(config, docker, new Debootstrap(docker, logDir, console), console,
        BuildContext.MACHINE_CA_BUNDLE);
  }

  /** The image by its key ({@code litellm}, {@code postgres}, ...); see {@link #resolve(StackImage)}. */
  public ResolvedImage resolve(String key) {
    return resolve(StackImage.byKey(key));
  }

  /**
   * An image this engine has now, found, pulled or built (a build prints its progress and may take
   * minutes, once).
   *
   * @throws ImageUnavailableException when it can be neither found, pulled nor built
   */
  public synchronized ResolvedImage resolve(StackImage image) {
    if (resolved.containsKey(image)) return resolved.get(image);
    if (failed.containsKey(image)) throw failed.get(image);
    try {
      ResolvedImage found = find(plans.plan(image));
      resolved.put(image, found);
      return found;
    } catch (ImageUnavailableException e) {
      failed.put(image, e);
      throw e;
    }
  }

  /**
   * The image this engine has already for {@code key}: the configured one, or its local equivalent
   * built before; empty otherwise. Never pulls or builds.
   */
  public synchronized Optional<ResolvedImage> onEngine(String key) {
    return onEngine(plans.plan(StackImage.byKey(key)));
  }

  private Optional<ResolvedImage> onEngine(ImagePlan plan) {
    if (docker.exists(plan.reference())) return Optional.of(found(plan, plan.reference(), ResolvedImage.Source.LOCAL));
    Optional<LocalBuild> build = plan.overridden() ? Optional.empty() : plan.build();
    return build.filter(b -> docker.exists(b.tag())).map(b -> found(plan, b.tag(), ResolvedImage.Source.LOCAL));
  }

  private ResolvedImage find(ImagePlan plan) {
    Optional<ResolvedImage> present = onEngine(plan);
    if (present.isPresent()) return present.get();
    Optional<String> pullFailure = pull(plan.reference());
    if (pullFailure.isEmpty()) return found(plan, plan.reference(), ResolvedImage.Source.PULLED);
    return buildInstead(plan, pullFailure.get());
  }

  private ResolvedImage buildInstead(ImagePlan plan, String pullFailure) {
    if (plan.overridden()) {
      throw unavailable(plan, pullFailure, plan.image().setting() + " names it, so nothing is built in its place");
    }
    if (plan.build().isEmpty()) {
      throw unavailable(plan, pullFailure, "it has no local equivalent (" + plan.noBuildReason().orElseThrow() + ")");
    }
    LocalBuild build = plan.build().get();
    try {
      buildEquivalent(plan.image(), build);
      return found(plan, build.tag(), ResolvedImage.Source.BUILT);
    } catch (ImageStepException e) {
      throw unavailable(plan, pullFailure, "building its equivalent " + build.tag() + " from " + build.folder()
          + " failed (" + e.getMessage() + ")");
    }
  }

  private ResolvedImage found(ImagePlan plan, String reference, ResolvedImage.Source source) {
    return new ResolvedImage(plan.image(), reference, plan.image().officialReference(plans.litellmVersion()), source);
  }

  /** Empty when pulled, else why not. A registry that did not answer in time is not asked again. */
  private Optional<String> pull(String reference) {
    String registry = registryOf(reference);
    if (silentRegistries.contains(registry)) {
      return Optional.of(registry + " gave no answer within " + pullTimeout.toSeconds() + " s to an earlier pull");
    }
    try {
      docker.pull(reference, pullTimeout);
      return Optional.empty();
    } catch (ImageStepException e) {
      if (e.getMessage().startsWith("no answer within")) silentRegistries.add(registry);
      return Optional.of(e.getMessage());
    }
  }

  /** Once, whichever runs ask for it at once: the engine having the tag is the marker. */
  private void buildEquivalent(StackImage image, LocalBuild build) throws ImageStepException {
    Path lock = locks.resolve("image-" + image.key() + ".lock");
    try {
      BuildOnce.ensure(lock, () -> docker.exists(build.tag()), () -> buildNow(image, build));
    } catch (IOException e) {
      throw new ImageStepException("cannot take the build lock " + lock + ": " + e.getMessage(), e);
    }
  }

  private void buildNow(StackImage image, LocalBuild build) throws ImageStepException {
    base.ensure();
    console.accept("building image " + build.tag() + " from " + build.folder() + " (" + build.expectedDuration()
        + ", once)");
    long startNanos = System.nanoTime();
    Path context = BuildContext.prepare(build, caBundle);
    try {
      docker.build(context, build.tag(), build.args(), step -> console.accept("  " + abbreviate(step)),
          logDir.resolve("image-" + image.key() + ".log"));
    } finally {
      BuildContext.delete(context);
    }
    console.accept("built " + build.tag() + " in " + Duration.ofNanos(System.nanoTime() - startNanos).toSeconds() + " s");
  }

  private ImageUnavailableException unavailable(ImagePlan plan, String pullFailure, String buildPart) {
    StackImage image = plan.image();
    String envName = "GATEBENCH_IMAGE_" + image.key().toUpperCase(Locale.ROOT);
    return new ImageUnavailableException(image, "image '" + image.key() + "' is unavailable: " + plan.reference()
        + " is not on this Docker engine, pulling it failed (" + pullFailure + "), and " + buildPart
        + ". Choices: pull " + plan.reference() + " where a registry answers, docker save it there and docker load"
        + " it here; or set " + image.setting() + " (" + envName + ") to an image this engine has; or run"
        + " without containers: -Dgatebench.stack=processes");
  }

  /** The host part of {@code ghcr.io/berriai/litellm:...}; {@value #DEFAULT_REGISTRY} for {@code redis:7-alpine}. */
  static String registryOf(String reference) {
    int slash = reference.indexOf('/');
    if (slash < 0) return DEFAULT_REGISTRY;
    String first = reference.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : DEFAULT_REGISTRY;
  }

  private static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
