package dev.gatebench.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads what the k6 check needs from chat completion JSON with Jackson's streaming parser: whether
 * {@code choices} is a non-empty array, {@code usage.completion_tokens}, and for stream chunks
 * whether a choice carries a non-empty {@code delta.content}. Stateless and thread-safe.
 */
final class CompletionParser {
  /** The body is not a JSON object. */
  static final int MALFORMED = -1;
  /** Valid JSON without a non-empty {@code choices} array. */
  static final int NO_CHOICES = -2;
  /** Bit flags of {@link #chunk}. */
  static final int HAS_CHOICES = 1;
  static final int HAS_CONTENT = 2;
  static final int CHUNK_MALFORMED = 4;

  private static final JsonFactory JSON = new JsonFactory();

  private CompletionParser() {}

  /** For a whole (non-streamed) body: completion tokens (0 if no usage), or MALFORMED or NO_CHOICES. */
  static int body(byte[] bytes, int offset, int length) {
    try (JsonParser p = JSON.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return MALFORMED;
      boolean choices = false;
      int tokens = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("choices".equals(name)) choices = choices(p, value, false) != 0;
        else if ("usage".equals(name)) tokens = Math.max(tokens, usageTokens(p, value));
        else p.skipChildren();
      }
      if (p.nextToken() != null) return MALFORMED;
      return choices ? tokens : NO_CHOICES;
    } catch (IOException e) {
      return MALFORMED;
    }
  }

  /**
   * For one SSE {@code data:} payload: flags {@link #HAS_CHOICES}, {@link #HAS_CONTENT},
   * {@link #CHUNK_MALFORMED}, and completion tokens from usage in the upper 32 bits (-1 if absent).
   */
  static long chunk(byte[] bytes, int offset, int length) {
    try (JsonParser p = JSON.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return pack(CHUNK_MALFORMED, -1);
      int flags = 0;
      int tokens = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("choices".equals(name)) flags |= choices(p, value, true);
        else if ("usage".equals(name)) tokens = usageTokens(p, value);
        else p.skipChildren();
      }
      return pack(flags, tokens);
    } catch (IOException e) {
      return pack(CHUNK_MALFORMED, -1);
    }
  }

  static int flags(long chunk) {
    return (int) chunk;
  }

  static int tokens(long chunk) {
    return (int) (chunk >> 32);
  }

  private static long pack(int flags, int tokens) {
    return ((long) tokens << 32) | (flags & 0xffffffffL);
  }

  /** Consumes the choices value; HAS_CHOICES if it held an object, plus HAS_CONTENT for a delta with text. */
  private static int choices(JsonParser p, JsonToken value, boolean lookForDelta) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      p.skipChildren();
      return 0;
    }
    int flags = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      flags |= HAS_CHOICES;
      flags |= lookForDelta ? choice(p) : skip(p);
    }
    return flags;
  }

  private static int choice(JsonParser p) throws IOException {
    int flags = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("delta".equals(name) && value == JsonToken.START_OBJECT) flags |= delta(p);
      else p.skipChildren();
    }
    return flags;
  }

  private static int delta(JsonParser p) throws IOException {
    int flags = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("content".equals(name) && value == JsonToken.VALUE_STRING && p.getTextLength() > 0) flags |= HAS_CONTENT;
      else p.skipChildren();
    }
    return flags;
  }

  private static int skip(JsonParser p) throws IOException {
    p.skipChildren();
    return 0;
  }

  private static int usageTokens(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return -1;
    }
    int tokens = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ("completion_tokens".equals(name) && v == JsonToken.VALUE_NUMBER_INT) tokens = p.getIntValue();
      else p.skipChildren();
    }
    return tokens;
  }
}
