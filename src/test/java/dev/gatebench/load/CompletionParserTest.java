package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionParserTest {

  private static int body(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return CompletionParser.body(bytes, 0, bytes.length);
  }

  private static long chunk(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return CompletionParser.chunk(bytes, 0, bytes.length);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"choices\":[{\"message\":{\"content\":\"4\"}}],\"usage\":{\"completion_tokens\":7}} | 7",
      "{\"usage\":{\"completion_tokens\":7},\"choices\":[{\"message\":{}}]} | 7",
      "{\"choices\":[{\"message\":{\"content\":\"4\"}}]} | 0",
      "{\"choices\":[{\"message\":{\"content\":\"4\"}}],\"usage\":null} | 0",
      "{\"choices\":[]} | -2",
      "{\"choices\":null} | -2",
      "{\"error\":{\"message\":\"no\"}} | -2",
      "[1,2] | -1",
      "not json | -1",
      "{\"choices\":[{\"message\" | -1",
      "{\"choices\":[{}]} trailing | -1"})
  void readsTheK6CheckAndUsageFromABody(String json, int expected) {
    assertThat(body(json)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> flags {1}, tokens {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]} | 3 | -1",
      "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]} | 1 | -1",
      "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]} | 1 | -1",
      "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":42}} | 0 | 42",
      "{\"choices\":[{\"delta\":{\"content\":null}}]} | 1 | -1",
      "{\"choices\":[{\"delta\": | 4 | -1"})
  void readsDeltasAndUsageFromAStreamChunk(String json, int flags, int tokens) {
    long chunk = chunk(json);

    assertThat(CompletionParser.flags(chunk)).isEqualTo(flags);
    assertThat(CompletionParser.tokens(chunk)).isEqualTo(tokens);
  }
}
