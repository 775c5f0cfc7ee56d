package dev.gatebench.proxies;

import java.net.URI;

/**
 * A {@link MisbehavingProxy.Fault#LEAKS} proxy in a JVM of its own, so that its memory is a process's
 * to sample: prints its chat completions URL as its first line, then serves until killed.
 * Usage: {@code LeakingProxyMain http://127.0.0.1:<mock port>}.
 */
public final class LeakingProxyMain {
  private LeakingProxyMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) throw new IllegalArgumentException("usage: LeakingProxyMain <upstream base URL>");
    MisbehavingProxy proxy = MisbehavingProxy.start(URI.create(args[0]), MisbehavingProxy.Fault.LEAKS);
    System.out.println(proxy.chatCompletionsUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
