package dev.gatebench.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Routes aggregated requests: health, models, the two chat APIs, CONNECT, or an error. One per
 * connection: a request pipelined behind a delayed answer waits its turn, so answers keep order.
 */
final class UpstreamHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  static final String MESSAGES = "/v1/messages";
  static final String CHAT_COMPLETIONS = "/v1/chat/completions";
  static final String MODELS = "/v1/models";
  static final String HEALTH = "/health";
  private static final byte[] HEALTH_BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);

  /** Pipelined requests beyond this close the connection rather than queue without bound. */
  private static final int MAX_PENDING = 1024;

  private final MockContext mock;
  private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
  private boolean answering;

  UpstreamHandler(MockContext mock) {
    this.mock = mock;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!answering) {
      handle(ctx, request);
    } else if (pending.size() < MAX_PENDING) {
      pending.add(request.retain());
    } else {
      ctx.close();
    }
  }

  /** Called by an exchange once its answer is fully written; serves the next queued request. */
  void answered(ChannelHandlerContext ctx) {
    answering = false;
    while (!answering && !pending.isEmpty()) {
      FullHttpRequest next = pending.poll();
      try {
        handle(ctx, next);
      } finally {
        next.release();
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    pending.forEach(FullHttpRequest::release);
    pending.clear();
    ctx.fireChannelInactive();
  }

  private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = path(request.uri());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    Api api = Api.forPath(path, request.headers().contains("anthropic-version"));
    if (request.decoderResult().isFailure()) {
      Responses.error(ctx, mock.counters, api, 400, "malformed HTTP request: " + request.decoderResult().cause(), false);
    } else if (request.method() == HttpMethod.CONNECT) {
      ConnectTunnel.handle(ctx, request, mock);
    } else {
      route(ctx, request, path, api, keepAlive);
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request, String path, Api api, boolean keepAlive) {
    HttpMethod expected = switch (path) {
      case MESSAGES, CHAT_COMPLETIONS -> HttpMethod.POST;
      case MODELS, HEALTH -> HttpMethod.GET;
      default -> null;
    };
    mock.counters.request(expected == null ? MockCounters.UNKNOWN_ROUTE : path);
    if (expected == null) {
      Responses.error(ctx, mock.counters, api, 404, "no route for " + request.method() + " " + path, keepAlive);
    } else if (!request.method().equals(expected)) {
      Responses.error(ctx, mock.counters, api, 405,
          path + " accepts " + expected + " only, not " + request.method(), keepAlive);
    } else if (path.equals(HEALTH)) {
      Responses.json(ctx, mock.counters, 200, Unpooled.wrappedBuffer(HEALTH_BODY), keepAlive);
    } else if (path.equals(MODELS)) {
      Responses.json(ctx, mock.counters, 200, Unpooled.wrappedBuffer(Models.LIST), keepAlive);
    } else {
      chat(ctx, request, api, keepAlive);
    }
  }

  private void chat(ChannelHandlerContext ctx, FullHttpRequest request, Api api, boolean keepAlive) {
    long startNanos = System.nanoTime();
    long sequence = mock.nextSequence();
    try {
      ChatRequest chat = RequestParser.parse(request.content());
      chat.mark().ifPresent(mock.counters::mark);
      Timing timing = Timing.of(mock, request.headers(), sequence, chat.outputTokens(mock.outputTokens));
      Optional<FaultKind> fault = fault(request, sequence);
      fault.ifPresent(mock.counters::fault);
      if (fault.isPresent() && answerFault(ctx, fault.get(), api, keepAlive)) {
        return;
      }
      Completion completion = completion(api, chat, sequence);
      answering = true;
      Answer answer = new Answer(ctx, this, api, completion, timing, fault.orElse(null), keepAlive, startNanos);
      if (chat.stream()) {
        new SseStream(answer).start();
      } else {
        new Exchange(answer).start();
      }
    } catch (BadRequestException e) {
      Responses.error(ctx, mock.counters, api, e.status(), e.getMessage(), keepAlive);
    }
  }

  MockContext mock() {
    return mock;
  }

  private Optional<FaultKind> fault(FullHttpRequest request, long sequence) throws BadRequestException {
    String forced = request.headers().get(Headers.FAULT);
    if (forced == null) {
      return mock.faults.decide(mock.seed, sequence);
    }
    if (forced.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(FaultKind.parse(forced));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(400, Headers.FAULT + ": " + e.getMessage() + " or none");
    }
  }

  /** Sends the faults that replace the whole answer; false for those the exchange plays out. */
  private boolean answerFault(ChannelHandlerContext ctx, FaultKind fault, Api api, boolean keepAlive) {
    switch (fault) {
      case RATE_LIMIT -> {
        ByteBuf body = Unpooled.wrappedBuffer(api.errorBody(429, "mock rate limit (injected fault)"));
        Responses.send(ctx, mock.counters, Responses.rateLimited(body, mock.faults.retryAfter()), keepAlive);
      }
      case SERVER_ERROR -> Responses.error(ctx, mock.counters, api, 500, "mock internal error (injected fault)", keepAlive);
      case OVERLOADED -> Responses.error(ctx, mock.counters, api, 529, "mock overloaded (injected fault)", keepAlive);
      case BAD_REQUEST -> Responses.error(ctx, mock.counters, api, 400, "mock invalid request (injected fault)", keepAlive);
      case UNAUTHORIZED -> Responses.error(ctx, mock.counters, api, 401, "mock invalid API key (injected fault)", keepAlive);
      case CONNECTION_RESET -> Responses.reset(ctx);
      default -> {
        return false;
      }
    }
    return true;
  }

  private Completion completion(Api api, ChatRequest chat, long sequence) {
    String prefix = api == Api.ANTHROPIC ? "msg_mock" : "chatcmpl-mock";
    byte[] id = (prefix + Long.toHexString(mock.seed & 0xffff) + "x" + Long.toHexString(sequence))
        .getBytes(StandardCharsets.US_ASCII);
    return new Completion(id, mock.quotedModel(chat.model()), System.currentTimeMillis() / 1000,
        chat.outputTokens(mock.outputTokens), chat.cutByMaxTokens(mock.outputTokens), chat.inputTokens(),
        chat.includeUsage());
  }

  private static String path(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Clients of a load test hang up mid-stream all the time; that is not the mock's error.
    if (!(cause instanceof IOException || cause instanceof SocketException)) {
      System.err.println("mock upstream: closing a connection after " + cause);
    }
    ctx.close();
  }
}
