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

/** LiteLLM's config.yaml for one run: one model routed to the upstream, the master key, no callbacks. */
final class LiteLlmConfig {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private LiteLlmConfig() {}

  /** The config as YAML text; it holds the master key and the upstream key. */
  static String render(GatewaySettings settings, UpstreamEndpoint upstream) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model", "anthropic/" + settings.testModel());
    // LiteLLM appends /v1/messages itself; the real provider keeps LiteLLM's default base
    if (!upstream.realProvider()) params.put("api_base", upstream.baseWithoutSlash());
    params.put("api_key", settings.upstreamApiKey());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model_list", List.of(Map.of("model_name", settings.testModel(), "litellm_params", params)));
    config.put("litellm_settings", Map.of("num_retries", GatewaySettings.LITELLM_NUM_RETRIES,
        "request_timeout", 120, "cache", false));
    config.put("general_settings", Map.of("master_key", settings.litellmMasterKey()));
    try {
      return YAML.writeValueAsString(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the config to {@code dir/litellm-config.yaml}, readable by this user only (0600). */
  static Path write(Path dir, GatewaySettings settings, UpstreamEndpoint upstream) {
    Path file = dir.resolve("litellm-config.yaml");
    try {
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return Files.writeString(file, render(settings, upstream));
    } catch (IOException e) {
      throw new GatewayStartException("cannot write LiteLLM's config to " + file + ": " + e.getMessage(), e);
    }
  }
}
