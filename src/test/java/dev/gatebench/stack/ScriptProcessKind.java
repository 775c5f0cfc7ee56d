package dev.gatebench.stack;

import dev.gatebench.gateway.BasicKind;
import dev.gatebench.gateway.Probe;
import dev.gatebench.gateway.ProcessRequest;
import dev.gatebench.gateway.ProcessSpec;
import dev.gatebench.gateway.RunsAsProcess;
import java.util.List;
import java.util.Map;

/**
 * A stand-in gateway for the processes stack: a shell script that listens on 127.0.0.1:$PORT itself.
 * Its version is recorded as {@code unknown}.
 */
final class ScriptProcessKind extends BasicKind implements RunsAsProcess {
  private final String script;

  ScriptProcessKind(String name, String script) {
    super(name, "Stub " + name, Probe.get("/"), 8080);
    this.script = script;
  }

  @Override
  public ProcessSpec process(ProcessRequest request) {
    return new ProcessSpec(List.of("sh", "-c", script), Map.of("PORT", Integer.toString(request.port())),
        request.privateDir(), Map.of());
  }
}
