package dev.gatebench.upstream;

import static dev.gatebench.upstream.Bytes.ascii;
import static dev.gatebench.upstream.Bytes.writeLong;

import io.netty.buffer.ByteBuf;

/** OpenAI Chat Completions bodies and SSE chunks, written from pre-encoded fragments. */
final class OpenAiFormat {

  private static final byte[] ID = ascii("{\"id\":\"");
  private static final byte[] OBJECT_FULL = ascii("\",\"object\":\"chat.completion\",\"created\":");
  private static final byte[] OBJECT_CHUNK = ascii("\",\"object\":\"chat.completion.chunk\",\"created\":");
  private static final byte[] MODEL = ascii(",\"model\":\"");
  private static final byte[] FULL_CONTENT = ascii("\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"");
  private static final byte[] FULL_FINISH = ascii("\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"");
  private static final byte[] CHOICES_END = ascii("}],");
  private static final byte[] USAGE = ascii("\"usage\":{\"prompt_tokens\":");
  private static final byte[] COMPLETION_TOKENS = ascii(",\"completion_tokens\":");
  private static final byte[] TOTAL_TOKENS = ascii(",\"total_tokens\":");
  private static final byte[] FULL_END = ascii(",\"service_tier\":\"default\",\"system_fingerprint\":null}");
  private static final byte[] STOP = ascii("stop\"");
  private static final byte[] LENGTH = ascii("length\"");
  private static final byte[] DATA = ascii("data: ");
  private static final byte[] CHUNK_CHOICES = ascii("\",\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"delta\":{");
  private static final byte[] ROLE_DELTA = ascii("\"role\":\"assistant\",\"content\":\"\",\"refusal\":null");
  private static final byte[] CONTENT_DELTA = ascii("\"content\":\"");
  private static final byte[] OPEN_TAIL = ascii("},\"logprobs\":null,\"finish_reason\":null}]");
  private static final byte[] FINISH = ascii("},\"logprobs\":null,\"finish_reason\":\"");
  private static final byte[] NULL_USAGE = ascii(",\"usage\":null");
  private static final byte[] EVENT_END = ascii("}\n\n");
  private static final byte[] USAGE_CHOICES = ascii("\",\"system_fingerprint\":null,\"choices\":[],");
  private static final byte[] DONE = ascii("data: [DONE]\n\n");

  private OpenAiFormat() {}

  static void writeCompletion(ByteBuf buf, Completion c, TokenText text) {
    head(buf, c, OBJECT_FULL);
    buf.writeBytes(FULL_CONTENT).writeBytes(text.joined(), 0, text.length(c.tokens()));
    buf.writeBytes(FULL_FINISH).writeBytes(c.cut() ? LENGTH : STOP).writeBytes(CHOICES_END);
    usage(buf, c);
    buf.writeBytes(FULL_END);
  }

  /** The chunk that opens a stream, as OpenAI sends it before any token: the role, empty content. */
  static void writeStreamStart(ByteBuf buf, Completion c) {
    buf.writeBytes(DATA);
    head(buf, c, OBJECT_CHUNK);
    buf.writeBytes(CHUNK_CHOICES).writeBytes(ROLE_DELTA).writeBytes(OPEN_TAIL);
    chunkEnd(buf, c);
  }

  /** One content chunk: {@code choices[0].delta.content} only. */
  static void writeDelta(ByteBuf buf, Completion c, byte[] piece) {
    buf.writeBytes(DATA);
    head(buf, c, OBJECT_CHUNK);
    buf.writeBytes(CHUNK_CHOICES).writeBytes(CONTENT_DELTA).writeBytes(piece).writeByte('"');
    buf.writeBytes(OPEN_TAIL);
    chunkEnd(buf, c);
  }

  /** The finish-reason chunk, the usage chunk when asked for, and {@code [DONE]}. */
  static void writeStreamEnd(ByteBuf buf, Completion c) {
    buf.writeBytes(DATA);
    head(buf, c, OBJECT_CHUNK);
    buf.writeBytes(CHUNK_CHOICES).writeBytes(FINISH).writeBytes(c.cut() ? LENGTH : STOP).writeByte('}').writeByte(']');
    chunkEnd(buf, c);
    if (c.includeUsage()) {
      buf.writeBytes(DATA);
      head(buf, c, OBJECT_CHUNK);
      buf.writeBytes(USAGE_CHOICES);
      usage(buf, c);
      buf.writeBytes(EVENT_END);
    }
    buf.writeBytes(DONE);
  }

  private static void chunkEnd(ByteBuf buf, Completion c) {
    if (c.includeUsage()) {
      buf.writeBytes(NULL_USAGE);
    }
    buf.writeBytes(EVENT_END);
  }

  private static void head(ByteBuf buf, Completion c, byte[] object) {
    buf.writeBytes(ID).writeBytes(c.id()).writeBytes(object);
    writeLong(buf, c.createdSeconds());
    buf.writeBytes(MODEL).writeBytes(c.quotedModel());
  }

  private static void usage(ByteBuf buf, Completion c) {
    buf.writeBytes(USAGE);
    writeLong(buf, c.inputTokens());
    buf.writeBytes(COMPLETION_TOKENS);
    writeLong(buf, c.tokens());
    buf.writeBytes(TOTAL_TOKENS);
    writeLong(buf, (long) c.inputTokens() + c.tokens());
    buf.writeByte('}');
  }
}
