package dev.gatebench.peers;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.time.Duration;

/**
 * One chat completion per virtual user against the mock upstream, the request that gatebench and
 * the other peers send. Settings are system properties (the gatling-maven-plugin passes Maven's
 * {@code -D} values on):
 * <ul>
 *   <li>{@code peer.url}: the chat completions URL, e.g. {@code http://127.0.0.1:8080/v1/chat/completions}
 *   <li>{@code peer.model}: {@code open} (arrivals at {@code peer.rate} users per second, whatever the
 *       answers do) or {@code closed} ({@code peer.users} users at all times, each replaced when it ends)
 *   <li>{@code peer.rate}: users per second of the open model, >= 1; e.g. 200
 *   <li>{@code peer.users}: concurrent users of the closed model, >= 1; e.g. 50
 *   <li>{@code peer.duration}: whole seconds of injection, >= 1; e.g. 30
 *   <li>{@code peer.warmup}: whole seconds of a discarded run first (10 closed users, the request
 *       named {@code warm-up}), so the JIT has compiled Gatling's hot paths as it has gatebench's
 *       under {@code LoadMain --warmup}; >= 0; default 0 (none)
 * </ul>
 * Connections are shared between users, as gatebench's and the other peers' connections outlive
 * a request; without it every Gatling user would open its own.
 */
public class MockUpstreamSimulation extends Simulation {

  static final String BODY = "{\"model\":\"claude-sonnet-4-5-20250929\",\"messages\":[{\"role\":\"user\","
      + "\"content\":\"What is 2 + 2? Answer with just the number.\"}],\"max_tokens\":100,"
      + "\"temperature\":0.7,\"stream\":false}";

  /** Users of the warm-up: closed, so it sends as fast as the mock answers them. */
  static final int WARMUP_USERS = 10;

  {
    URI url = URI.create(required("peer.url", "http://127.0.0.1:8080/v1/chat/completions"));
    HttpProtocolBuilder protocol = http.baseUrl(url.getScheme() + "://" + url.getAuthority())
        .contentTypeHeader("application/json").acceptHeader("application/json").shareConnections();
    PopulationBuilder measured = injection(chatScenario("chat completion", "chat_completion", url));
    int warmupSeconds = whole("peer.warmup", "0", 0);
    setUp(warmupSeconds == 0 ? measured : chatScenario("warm-up", "warm-up", url)
        .injectClosed(constantConcurrentUsers(WARMUP_USERS).during(Duration.ofSeconds(warmupSeconds)))
        .andThen(measured)).protocols(protocol);
  }

  private static ScenarioBuilder chatScenario(String name, String requestName, URI url) {
    return scenario(name).exec(http(requestName).post(url.getRawPath()).body(StringBody(BODY)).check(status().is(200)));
  }

  private static PopulationBuilder injection(ScenarioBuilder chat) {
    Duration duration = Duration.ofSeconds(positive("peer.duration", "30"));
    String model = required("peer.model", "open");
    return switch (model) {
      case "open" -> chat.injectOpen(constantUsersPerSec(positive("peer.rate", "200")).during(duration));
      case "closed" -> chat.injectClosed(constantConcurrentUsers(positive("peer.users", "50")).during(duration));
      default -> throw new IllegalArgumentException(
          "peer.model must be open or closed but was '" + model + "'; e.g. -Dpeer.model=open");
    };
  }

  private static String required(String name, String example) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required; e.g. -D" + name + "=" + example);
    }
    return value;
  }

  private static int positive(String name, String example) {
    return whole(name, example, 1);
  }

  /** The property as a whole number >= min; an unset property with min 0 is 0. */
  private static int whole(String name, String example, int min) {
    String raw = System.getProperty(name, min == 0 ? "0" : "");
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min) return value;
    } catch (NumberFormatException e) {
      // falls through to the message below, which says what is wanted
    }
    throw new IllegalArgumentException(name + " must be a whole number >= " + min + " but was '" + raw
        + "'; e.g. -D" + name + "=" + example);
  }
}
