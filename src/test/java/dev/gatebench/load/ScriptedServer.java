package dev.gatebench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for driver tests: each request gets the scripted answer,
 * including the broken ones a real server rarely gives on demand (reset, hang, cut stream).
 */
final class ScriptedServer implements AutoCloseable {
  static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
      + "\"message\":{\"role\":\"assistant\",\"content\":\"4\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}}";

  /** What the server does with one request. */
  interface Script {
    void answer(Reply reply) throws Exception;
  }

  private final ServerSocket server;
  private final Script script;
  private final Thread acceptor;
  final AtomicInteger connections = new AtomicInteger();
  /** Connections the client closed (the server read its end). */
  final AtomicInteger hungUp = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  final List<String> bodies = new CopyOnWriteArrayList<>();

  private ScriptedServer(Script script) throws IOException {
    this.server = new ServerSocket(0, 2_000, InetAddress.getLoopbackAddress());
    this.script = script;
    this.acceptor = Thread.ofPlatform().daemon().start(this::acceptLoop);
  }

  static ScriptedServer start(Script script) throws IOException {
    return new ScriptedServer(script);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions";
  }

  Target target() {
    return Target.of("scripted", url());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true); // split head/body writes would otherwise wait for delayed ACKs
        connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      while (true) {
        String body = readRequest(in);
        if (body == null) {
          hungUp.incrementAndGet();
          return;
        }
        requests.incrementAndGet();
        bodies.add(body);
        Reply reply = new Reply(socket, socket.getOutputStream());
        script.answer(reply);
        if (reply.closed) return;
      }
    } catch (Exception ignored) {
      // the client went away: nothing to serve
    }
  }

  private static String readRequest(InputStream in) throws IOException {
    int contentLength = 0;
    String line = readLine(in);
    if (line == null) return null;
    while (!(line = readLine(in)).isEmpty()) {
      if (line.toLowerCase().startsWith("content-length:")) contentLength = Integer.parseInt(line.substring(15).trim());
    }
    return new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) return null;
      if (b != '\r') line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    // a close racing a blocked accept() is deferred until that accept returns, and meanwhile it may
    // still take a connection: closed means the accept loop has ended
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ways to answer one request. */
  static final class Reply {
    private final Socket socket;
    private final OutputStream out;
    boolean closed;

    Reply(Socket socket, OutputStream out) {
      this.socket = socket;
      this.out = out;
    }

    void json(int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
          + "\r\n\r\n");
      out.write(bytes);
      out.flush();
    }

    void jsonAndClose(String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n");
      out.write(bytes);
      out.flush();
      closed = true;
    }

    void sseHead() throws IOException {
      write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
    }

    void event(String data) throws IOException {
      chunk("data: " + data + "\n\n");
    }

    void delta(String content) throws IOException {
      event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}");
    }

    void endStream() throws IOException {
      write("0\r\n\r\n");
    }

    void chunk(String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      write(Integer.toHexString(bytes.length) + "\r\n");
      out.write(bytes);
      write("\r\n");
    }

    /** Half a response then a TCP reset (SO_LINGER 0). */
    void reset() throws IOException {
      write("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"choi");
      socket.setSoLinger(true, 0);
      socket.close();
      closed = true;
    }

    private void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }
}
