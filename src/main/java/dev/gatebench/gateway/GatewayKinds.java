package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfigException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Every gateway kind on the class path, found by {@link ServiceLoader}: gatebench's own first, in
 * the order of its {@code META-INF/services/dev.gatebench.gateway.GatewayKind} (the report order),
 * then those of other jars and folders in class path order. Loaded once per JVM.
 */
public final class GatewayKinds {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static volatile List<GatewayKind> all;

  private GatewayKinds() {}

  /**
   * Every kind, in report order.
   *
   * @throws BenchConfigException when a listed kind cannot be loaded, has a bad name or one that is taken
   */
  public static List<GatewayKind> all() {
    List<GatewayKind> kinds = all;
    if (kinds == null) {
      synchronized (GatewayKinds.class) {
        if (all == null) all = load();
        kinds = all;
      }
    }
    return kinds;
  }

  public static List<String> names() {
    return all().stream().map(GatewayKind::name).toList();
  }

  public static Optional<GatewayKind> byName(String name) {
    return all().stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /**
   * The rows named in {@code gatebench.gateways}, in the order given, without repeats; an empty list
   * selects the plain row of every kind {@linkplain GatewayKind#selectedByDefault() selected by default}. An entry is a name, or a variant such as {@code litellm[workers=4]}.
   *
   * @throws BenchConfigException listing every unknown name and the valid ones, or naming a bad variant
   */
  public static List<GatewayRow> select(List<String> entries) {
    if (entries.isEmpty()) return all().stream().filter(GatewayKind::selectedByDefault).map(GatewayRow::of).toList();
    List<String> unknown = entries.stream().map(GatewayKinds::kindName).filter(n -> byName(n).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new BenchConfigException("gatebench.gateways names unknown gateways " + unknown + "; valid names are "
          + names() + ", e.g. -Dgatebench.gateways=direct,litellm");
    }
    Map<String, GatewayRow> rows = new LinkedHashMap<>();
    for (String entry : entries) {
      GatewayRow row = GatewayRow.parse(entry, byName(kindName(entry)).orElseThrow());
      rows.putIfAbsent(row.name(), row);
    }
    return List.copyOf(rows.values());
  }

  private static String kindName(String entry) {
    int open = entry.indexOf('[');
    return (open < 0 ? entry : entry.substring(0, open)).strip();
  }

  private static List<GatewayKind> load() {
    List<GatewayKind> own = new ArrayList<>();
    List<GatewayKind> others = new ArrayList<>();
    CodeSource gatebench = GatewayKind.class.getProtectionDomain().getCodeSource();
    try {
      for (GatewayKind kind : ServiceLoader.load(GatewayKind.class)) {
        boolean builtIn = Objects.equals(kind.getClass().getProtectionDomain().getCodeSource(), gatebench);
        (builtIn ? own : others).add(kind);
      }
    } catch (ServiceConfigurationError e) {
      throw new BenchConfigException("a gateway kind listed in META-INF/services/" + GatewayKind.class.getName()
          + " cannot be loaded (" + e.getMessage() + "); fix or remove its line, or put its class on the class path", e);
    }
    own.addAll(others);
    check(own);
    return List.copyOf(own);
  }

  private static void check(List<GatewayKind> kinds) {
    Map<String, GatewayKind> seen = new LinkedHashMap<>();
    for (GatewayKind kind : kinds) {
      if (!NAME.matcher(kind.name()).matches()) {
        throw new BenchConfigException("gateway kind " + kind.getClass().getName() + " is named '" + kind.name()
            + "'; a name is lower case letters, digits and dashes, starting with a letter, e.g. my-proxy");
      }
      GatewayKind other = seen.putIfAbsent(kind.name(), kind);
      if (other != null) {
        throw new BenchConfigException("two gateway kinds are named '" + kind.name() + "': " + other.getClass()
            .getName() + " and " + kind.getClass().getName() + "; rename one of them");
      }
    }
  }
}
