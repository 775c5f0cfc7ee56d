package dev.gatebench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void masksSecretNamedSettingsAndKeepsTheOthers() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("LITELLM_MASTER_KEY", "sk-canary-1234");
    config.put("gatebench.authToken", "tok-5678");
    config.put("ANTHROPIC_API_KEY", "");
    config.put("TEST_MODEL", "claude");

    assertThat(Redaction.redact(config)).containsExactly(Map.entry("LITELLM_MASTER_KEY", "***"),
        Map.entry("gatebench.authToken", "***"), Map.entry("ANTHROPIC_API_KEY", ""), Map.entry("TEST_MODEL", "claude"));
  }

  @Test
  void masksASecretWhereverItRecursInAnotherSetting() {
    Map<String, String> redacted = Redaction.redact(Map.of("LITELLM_MASTER_KEY", "sk-canary-1234",
        "gatebench.header", "Authorization: Bearer sk-canary-1234"));

    assertThat(redacted).containsEntry("gatebench.header", "Authorization: Bearer ***");
  }

  @Test
  void masksTheUserInfoOfUrls() {
    Map<String, String> redacted = Redaction.redact(Map.of("LITELLM_URL", "http://admin:hunter22@127.0.0.1:4000",
        "INFERXGATE_URL", "http://127.0.0.1:3000/v1"));

    assertThat(redacted).containsEntry("LITELLM_URL", "http://***@127.0.0.1:4000")
        .containsEntry("INFERXGATE_URL", "http://127.0.0.1:3000/v1");
  }

  @Test
  void leavesShortSecretValuesUnmaskedElsewhereSoThatNumbersSurvive() {
    Map<String, String> redacted = Redaction.redact(Map.of("SOME_TOKEN", "1", "TEST_MAX_TOKENS", "100"));

    assertThat(redacted).containsEntry("SOME_TOKEN", "***").containsEntry("TEST_MAX_TOKENS", "100");
  }
}
