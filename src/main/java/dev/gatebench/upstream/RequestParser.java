package dev.gatebench.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a chat request body with Jackson's streaming parser: only the fields the mock uses are
 * looked at, everything else is skipped without building a tree.
 */
final class RequestParser {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int CHARS_PER_TOKEN = 4;

  private RequestParser() {}

  static ChatRequest parse(ByteBuf body) throws BadRequestException {
    // Cast: ByteBufInputStream is also a DataInput, for which Jackson has another overload.
    try (JsonParser parser = JSON.createParser((InputStream) new ByteBufInputStream(body.duplicate()))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRequestException(400, "request body must be a JSON object");
      }
      Fields fields = new Fields();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        read(parser, name, fields);
      }
      return fields.toRequest();
    } catch (IOException e) {
      throw new BadRequestException(400, "request body is not valid JSON: " + firstLine(e));
    }
  }

  private static void read(JsonParser parser, String name, Fields fields) throws IOException, BadRequestException {
    switch (name) {
      case "model" -> fields.model = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
      case "max_tokens", "max_completion_tokens" -> fields.maxTokens = positiveInt(parser, name);
      case "stream" -> fields.stream = parser.currentToken() == JsonToken.VALUE_TRUE;
      case "stream_options" -> fields.includeUsage = includeUsage(parser);
      case "messages" -> {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
          throw new BadRequestException(400, "messages: must be an array");
        }
        fields.hasMessages = true;
        fields.promptChars += countChars(parser, fields);
      }
      case "system" -> fields.promptChars += countChars(parser, fields);
      default -> parser.skipChildren();
    }
  }

  private static int positiveInt(JsonParser parser, String name) throws IOException, BadRequestException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 1) {
      throw new BadRequestException(400, name + ": must be an integer >= 1 but was " + parser.getText());
    }
    return (int) Math.min(Integer.MAX_VALUE, parser.getLongValue());
  }

  private static boolean includeUsage(JsonParser parser) throws IOException {
    boolean include = false;
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      include |= name.equals("include_usage") && value == JsonToken.VALUE_TRUE;
      parser.skipChildren();
    }
    return include;
  }

  /** Characters of every string value in the current value, the prompt size estimate's base; notes a mark. */
  private static long countChars(JsonParser parser, Fields fields) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return string(parser, fields);
    }
    if (!parser.currentToken().isStructStart()) {
      return 0;
    }
    long chars = 0;
    int depth = 1;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new IOException("unexpected end of input");
      }
      if (token.isStructStart()) depth++;
      else if (token.isStructEnd()) depth--;
      else if (token == JsonToken.VALUE_STRING) chars += string(parser, fields);
    }
    return chars;
  }

  private static int string(JsonParser parser, Fields fields) throws IOException {
    if (fields.mark == null) {
      fields.mark = Marks.find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
    return parser.getTextLength();
  }

  private static String firstLine(IOException e) {
    String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
        ? json.getOriginalMessage() : String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static final class Fields {
    String model;
    int maxTokens;
    boolean stream;
    boolean includeUsage;
    boolean hasMessages;
    long promptChars;
    String mark;

    ChatRequest toRequest() throws BadRequestException {
      if (model == null || model.isBlank()) {
        throw new BadRequestException(400, "model: field required (a non-empty string)");
      }
      if (!hasMessages) {
        throw new BadRequestException(400, "messages: field required (an array)");
      }
      int inputTokens = (int) Math.min(Integer.MAX_VALUE, 1 + promptChars / CHARS_PER_TOKEN);
      return new ChatRequest(model, maxTokens, stream, includeUsage, inputTokens, Optional.ofNullable(mark));
    }
  }
}
