package dev.gatebench.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LiteLLM's config.yaml for one run: one model routed to the upstream, no callbacks. It holds no
 * secret: the master key and the upstream key are {@code os.environ/NAME} references that LiteLLM's
 * proxy resolves from its own environment at start-up, so a file left behind (Ctrl-C, {@code kill -9})
 * gives nothing away.
 */
final class LiteLlmConfig {
  /** The variable that carries {@code general_settings.master_key} into LiteLLM's environment. */
  static final String MASTER_KEY_VARIABLE = "LITELLM_MASTER_KEY";
  /** The variable that carries the model's {@code api_key} (the Anthropic key) into its environment. */
  static final String API_KEY_VARIABLE = "ANTHROPIC_API_KEY";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private LiteLlmConfig() {}

  /** The config as YAML text; keys appear only as references to {@link #secretEnvironment}. */
  static String render(GatewayContext context, UpstreamEndpoint upstream) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model", "anthropic/" + context.testModel());
    // LiteLLM appends /v1/messages itself; the real provider keeps LiteLLM's default base
    if (!upstream.realProvider()) params.put("api_base", upstream.baseWithoutSlash());
    params.put("api_key", reference(API_KEY_VARIABLE));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model_list", List.of(Map.of("model_name", context.testModel(), "litellm_params", params)));
    config.put("litellm_settings", Map.of("num_retries", LiteLlm.NUM_RETRIES,
        "request_timeout", 120, "cache", false));
    config.put("general_settings", Map.of("master_key", reference(MASTER_KEY_VARIABLE)));
    try {
      return YAML.writeValueAsString(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values behind the config's references: LiteLLM's process or container gets them as environment. */
  static Map<String, String> secretEnvironment(GatewayContext context) {
    return Map.of(MASTER_KEY_VARIABLE, context.setting("masterKey"), API_KEY_VARIABLE, context.upstreamApiKey());
  }

  private static String reference(String variable) {
    return "os.environ/" + variable;
  }

  /** Writes the config to {@code dir/litellm-config.yaml}, readable by this user only (0600). */
  static Path write(Path dir, GatewayContext context, UpstreamEndpoint upstream) {
    Path file = dir.resolve("litellm-config.yaml");
    try {
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return Files.writeString(file, render(context, upstream));
    } catch (IOException e) {
      throw new GatewayStartException("cannot write LiteLLM's config to " + file + ": " + e.getMessage(), e);
    }
  }
}
