package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mock counts chat requests per mark in their prompt text, whatever else the prompt holds. */
class MarksTest {
  private static MockUpstream mock;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().outputTokens(2).start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void countsEachMarkedChatRequestUnderItsMark() {
    mock.counters().reset();
    IntStream.range(0, 3).forEach(i -> post("Say hi. " + Marks.text("case.a-1") + " thanks"));
    post(Marks.text("case.b_2"));
    post("no mark here");

    assertThat(mock.counters().marked("case.a-1")).as("requests marked case.a-1").isEqualTo(3);
    assertThat(mock.counters().marked("case.b_2")).as("requests marked case.b_2").isEqualTo(1);
    assertThat(mock.counters().markedTotal()).as("marked requests in all").isEqualTo(4);
    assertThat(mock.counters().snapshot()).as("snapshot").containsEntry("marked", 4L);
  }

  @Test
  void findsAMarkInAnAnthropicSystemPromptAndForgetsMarksOnReset() {
    mock.counters().reset();
    String body = "{\"model\":\"m\",\"max_tokens\":2,\"system\":\"" + Marks.text("sys.1")
        + "\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}";
    Http.post(mock.baseUrl(), "/v1/messages", body);
    long before = mock.counters().marked("sys.1");
    mock.counters().reset();

    assertThat(before).as("requests marked sys.1 before the reset").isEqualTo(1);
    assertThat(mock.counters().marked("sys.1")).as("after the reset").isZero();
  }

  @Test
  void looksOnlyAtTheStartOfEachString() {
    char[] late = ("x".repeat(Marks.SCANNED_CHARS) + Marks.text("late")).toCharArray();
    char[] early = ("xx " + Marks.text("early") + " rest").toCharArray();

    assertThat(Marks.find(late, 0, late.length)).as("a mark past the scanned start").isNull();
    assertThat(Marks.find(early, 0, early.length)).as("a mark near the start").isEqualTo("early");
  }

  @Test
  void rejectsAMarkNameOutsideTheGrammarNamingIt() {
    assertThatThrownBy(() -> Marks.text("has space"))
        .hasMessage("a mark name must be 1 to 64 letters, digits, '.', '_' or '-' but was 'has space'; e.g. errors.529.1");
  }

  private static void post(String prompt) {
    String body = "{\"model\":\"m\",\"max_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    assertThat(Http.post(mock.baseUrl(), "/v1/chat/completions", body).statusCode()).as("status").isEqualTo(200);
  }
}
