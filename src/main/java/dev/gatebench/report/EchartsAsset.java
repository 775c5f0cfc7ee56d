package dev.gatebench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Apache ECharts' minified script from the {@code org.webjars.npm:echarts} jar on the class path,
 * inlined into the report so it opens offline. Loaded once; thread-safe.
 */
final class EchartsAsset {
  static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  private static volatile String script;

  private EchartsAsset() {}

  static String script() {
    String s = script;
    if (s == null) {
      s = load();
      script = s;
    }
    return s;
  }

  /** The webjar's version, e.g. {@code 5.3.1}. */
  static String version() {
    Properties props = new Properties();
    try (InputStream in = resource(POM_PROPERTIES)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POM_PROPERTIES, e);
    }
    return props.getProperty("version");
  }

  private static String load() {
    String path = "META-INF/resources/webjars/echarts/" + version() + "/dist/echarts.min.js";
    try (InputStream in = resource(path)) {
      // A literal "</script" inside would end the inline element early.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = EchartsAsset.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(path + " is not on the class path; the report needs the dependency "
          + "org.webjars.npm:echarts (see pom.xml)");
    }
    return in;
  }
}
