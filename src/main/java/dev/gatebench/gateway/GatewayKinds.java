package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every gateway kind gatebench knows, in report order. Adding a gateway: one class, one line here. */
public final class GatewayKinds {
  private static final List<GatewayKind> ALL = List.of(new Direct(), new Nginx(), new LiteLlm(), new InferXgate(), new Portkey(),
      new Bifrost());

  private GatewayKinds() {}

  public static List<GatewayKind> all() {
    return ALL;
  }

  public static List<String> names() {
    return ALL.stream().map(GatewayKind::name).toList();
  }

  /**
   * The kinds named in {@code gatebench.gateways}, in the order given; an empty list selects all.
   *
   * @throws BenchConfigException listing every unknown name and the valid ones
   */
  public static List<GatewayKind> select(List<String> names) {
    if (names.isEmpty()) return ALL;
    Map<String, GatewayKind> byName = new LinkedHashMap<>();
    ALL.forEach(kind -> byName.put(kind.name(), kind));
    List<String> unknown = names.stream().filter(n -> !byName.containsKey(n)).toList();
    if (!unknown.isEmpty()) {
      throw new BenchConfigException("gatebench.gateways names unknown gateways " + unknown + "; valid names are "
          + names() + ", e.g. -Dgatebench.gateways=direct,litellm");
    }
    List<GatewayKind> selected = new ArrayList<>();
    names.stream().distinct().forEach(n -> selected.add(byName.get(n)));
    return List.copyOf(selected);
  }
}
