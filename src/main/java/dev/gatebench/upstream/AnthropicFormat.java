package dev.gatebench.upstream;

import static dev.gatebench.upstream.Bytes.ascii;
import static dev.gatebench.upstream.Bytes.writeLong;

import io.netty.buffer.ByteBuf;

/** Anthropic Messages API bodies and SSE events, written from pre-encoded fragments. */
final class AnthropicFormat {

  private static final byte[] ID = ascii("{\"id\":\"");
  private static final byte[] MESSAGE_HEAD = ascii("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"");
  private static final byte[] FULL_CONTENT = ascii("\",\"content\":[{\"type\":\"text\",\"text\":\"");
  private static final byte[] FULL_STOP = ascii("\"}],\"stop_reason\":\"");
  private static final byte[] EMPTY_CONTENT = ascii("\",\"content\":[],\"stop_reason\":null");
  private static final byte[] STOP_SEQUENCE = ascii(",\"stop_sequence\":null,\"usage\":{\"input_tokens\":");
  private static final byte[] USAGE_CACHE = ascii(",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":");
  private static final byte[] USAGE_END = ascii(",\"service_tier\":\"standard\"}}");
  private static final byte[] END_TURN = ascii("end_turn\"");
  private static final byte[] MAX_TOKENS = ascii("max_tokens\"");
  private static final byte[] EVENT_START = ascii("event: message_start\ndata: {\"type\":\"message_start\",\"message\":");
  private static final byte[] BLOCK_START = ascii("}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\","
      + "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
      + "event: ping\ndata: {\"type\":\"ping\"}\n\n");
  private static final byte[] DELTA_HEAD = ascii("event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
      + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"");
  private static final byte[] DELTA_TAIL = ascii("\"}}\n\n");
  private static final byte[] BLOCK_STOP = ascii("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
      + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"");
  private static final byte[] DELTA_USAGE = ascii(",\"stop_sequence\":null},\"usage\":{\"output_tokens\":");
  private static final byte[] MESSAGE_STOP = ascii("}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");

  private AnthropicFormat() {}

  static void writeMessage(ByteBuf buf, Completion c, TokenText text) {
    head(buf, c);
    buf.writeBytes(FULL_CONTENT).writeBytes(text.joined(), 0, text.length(c.tokens()));
    buf.writeBytes(FULL_STOP).writeBytes(c.cut() ? MAX_TOKENS : END_TURN);
    usage(buf, c.inputTokens(), c.tokens());
  }

  /** message_start, content_block_start and ping: what precedes the first delta. */
  static void writeStreamStart(ByteBuf buf, Completion c) {
    buf.writeBytes(EVENT_START);
    head(buf, c);
    buf.writeBytes(EMPTY_CONTENT);
    usage(buf, c.inputTokens(), 1);
    buf.writeBytes(BLOCK_START);
  }

  static void writeDelta(ByteBuf buf, byte[] piece) {
    buf.writeBytes(DELTA_HEAD).writeBytes(piece).writeBytes(DELTA_TAIL);
  }

  /** content_block_stop, message_delta with stop reason and output tokens, message_stop. */
  static void writeStreamEnd(ByteBuf buf, Completion c) {
    buf.writeBytes(BLOCK_STOP).writeBytes(c.cut() ? MAX_TOKENS : END_TURN).writeBytes(DELTA_USAGE);
    writeLong(buf, c.tokens());
    buf.writeBytes(MESSAGE_STOP);
  }

  private static void head(ByteBuf buf, Completion c) {
    buf.writeBytes(ID).writeBytes(c.id()).writeBytes(MESSAGE_HEAD).writeBytes(c.quotedModel());
  }

  private static void usage(ByteBuf buf, int inputTokens, int outputTokens) {
    buf.writeBytes(STOP_SEQUENCE);
    writeLong(buf, inputTokens);
    buf.writeBytes(USAGE_CACHE);
    writeLong(buf, outputTokens);
    buf.writeBytes(USAGE_END);
  }
}
