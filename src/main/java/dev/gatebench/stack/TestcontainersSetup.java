package dev.gatebench.stack;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.ResourceReaper;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Prepares Testcontainers before its first use, which would otherwise start Ryuk and, where Ryuk's
 * image cannot be pulled, retry the pull for two minutes and fail every container. Where Ryuk's image
 * is on the engine, Ryuk runs; otherwise gatebench removes its containers by label itself
 * ({@link ContainerReaper}) and Testcontainers' reaper does nothing.
 */
final class TestcontainersSetup {
  /** The Ryuk image Testcontainers 2.0.x starts, unless {@code ryuk.container.image} names another. */
  static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

  private TestcontainersSetup() {}

  /** @return how containers are cleaned up, for the console and the results */
  static synchronized String prepare(DockerEngine engine) {
    if (!engine.networkExists("bridge")) useLocalhostAsDockerHost();
    if (Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
      useGatebenchCleanup();
      return "gatebench's labels (Ryuk disabled by TESTCONTAINERS_RYUK_DISABLED)";
    }
    String ryuk = TestcontainersConfiguration.getInstance().getEnvVarOrProperty("ryuk.container.image", RYUK_IMAGE);
    if (engine.imageExists(ryuk)) return "Ryuk (" + ryuk + ") and gatebench's labels";
    useGatebenchCleanup();
    return "gatebench's labels (Ryuk's image " + ryuk + " is not on this engine)";
  }

  /**
   * Inside a container Testcontainers takes the Docker host's address from the engine's {@code bridge}
   * network, which an engine started with {@code --bridge=none} does not have: every start would fail
   * with "network bridge not found". Its override is an environment variable only
   * ({@code TESTCONTAINERS_HOST_OVERRIDE}), so the address is set on its strategy directly.
   */
  private static void useLocalhostAsDockerHost() {
    if (System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) return;
    try {
      DockerClientFactory factory = DockerClientFactory.instance();
      factory.getTransportConfig(); // picks the strategy without starting the client (and Ryuk)
      Field strategyField = DockerClientFactory.class.getDeclaredField("strategy");
      strategyField.setAccessible(true);
      Object strategy = strategyField.get(factory);
      Field address = DockerClientProviderStrategy.class.getDeclaredField("dockerHostIpAddress");
      address.setAccessible(true);
      if (address.get(strategy) == null) address.set(strategy, "localhost");
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot tell Testcontainers that the Docker host is localhost (the engine has "
          + "no bridge network): " + e + "; set TESTCONTAINERS_HOST_OVERRIDE=localhost in the environment", e);
    }
  }

  /**
   * Testcontainers 2.0 reads "Ryuk disabled" only from the environment variable, which a running JVM
   * cannot set; its reaper singleton is therefore installed directly, before anything asks for it. It is
   * the plain reaper, which removes only what was registered with it (nothing: gatebench removes its
   * containers by label itself, at close, on Ctrl-C and at the next start), not the JVM-hook one, whose
   * exit hook asks the engine again and prints a stack trace when the engine has stopped.
   */
  private static void useGatebenchCleanup() {
    try {
      Field instance = ResourceReaper.class.getDeclaredField("instance");
      instance.setAccessible(true);
      if (instance.get(null) != null) return;
      Constructor<?> plain = ResourceReaper.class.getDeclaredConstructor();
      plain.setAccessible(true);
      instance.set(null, plain.newInstance());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot run Testcontainers without Ryuk, whose image is not on this engine: "
          + e + "; set TESTCONTAINERS_RYUK_DISABLED=true in the environment, or load " + RYUK_IMAGE, e);
    }
  }
}
