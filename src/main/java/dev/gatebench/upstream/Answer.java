package dev.gatebench.upstream;

import io.netty.channel.ChannelHandlerContext;

/**
 * One chat answer to play out, whole ({@link Exchange}) or streamed ({@link SseStream}): where it goes,
 * what it says and when. Built once per request on the connection's event loop.
 *
 * @param ctx the connection it is written to
 * @param owner the connection's handler, told when the answer is done so it can take the next request
 * @param api the dialect it is written in
 * @param completion its tokens and usage
 * @param timing when each token is due, relative to {@code startNanos}
 * @param fault the in-answer fault to inject, or null for none
 * @param keepAlive whether the connection stays open after it
 * @param startNanos when the request arrived, {@link System#nanoTime()}
 */
record Answer(ChannelHandlerContext ctx, UpstreamHandler owner, Api api, Completion completion, Timing timing,
    FaultKind fault, boolean keepAlive, long startNanos) {

  MockContext mock() {
    return owner.mock();
  }
}
