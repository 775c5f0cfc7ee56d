package dev.gatebench.junit;

import dev.gatebench.run.Suite;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * What a suite class declares: its name is its {@code @Tag} other than {@code benchmark} (the tag
 * Maven's profiles select it by, so the name is written once), its {@link Suite} a static field.
 */
public final class SuiteClasses {
  private SuiteClasses() {}

  /** The suite a class runs: its tag other than {@code benchmark}, e.g. {@code baseline}; else its simple name. */
  public static String name(Class<?> suiteClass) {
    for (Tag tag : suiteClass.getAnnotationsByType(Tag.class)) {
      if (!tag.value().equals("benchmark")) return tag.value();
    }
    return suiteClass.getSimpleName();
  }

  /**
   * The class's one static {@link Suite} field, named by {@link #name}.
   *
   * @throws IllegalArgumentException naming the class when it declares none or several
   */
  public static Suite declaration(Class<?> suiteClass) {
    List<Field> fields = Arrays.stream(suiteClass.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == Suite.class).toList();
    if (fields.size() != 1) {
      throw new IllegalArgumentException(suiteClass.getName() + " must declare exactly one static Suite field but "
          + "declares " + fields.size() + "; e.g. static final Suite SUITE = Suite.of(Scenario.constantVus(10, "
          + "ofMinutes(1))).threshold(ERROR_RATE, \"rate<0.1\");");
    }
    try {
      fields.get(0).setAccessible(true);
      Suite suite = (Suite) fields.get(0).get(null);
      return suite.name().isPresent() ? suite : suite.named(name(suiteClass));
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("cannot read " + suiteClass.getName() + "." + fields.get(0).getName(), e);
    }
  }
}
