package dev.gatebench.stack.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A build folder copied to a scratch folder with what the build needs from this machine beside the
 * Dockerfile: {@value #CA_FILE} (the CA bundle, or an empty file) and the extra files.
 */
final class BuildContext {
  static final String CA_FILE = "host-ca.crt";
  static final Path MACHINE_CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  private BuildContext() {}

  static Path prepare(LocalBuild build, Path caBundle) throws ImageStepException {
    try {
      Path context = Files.createTempDirectory("gatebench-image");
      try (Stream<Path> walk = Files.walk(build.folder())) {
        for (Path source : walk.toList()) {
          Path target = context.resolve(build.folder().relativize(source).toString());
          if (Files.isDirectory(source)) Files.createDirectories(target);
          else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (Files.isReadable(caBundle)) Files.copy(caBundle, context.resolve(CA_FILE));
      else Files.createFile(context.resolve(CA_FILE));
      for (Map.Entry<String, Path> extra : build.extraFiles().entrySet()) {
        Files.copy(extra.getValue(), context.resolve(extra.getKey()), StandardCopyOption.COPY_ATTRIBUTES);
      }
      return context;
    } catch (IOException e) {
      throw new ImageStepException("cannot prepare the build context of " + build.folder() + ": " + e.getMessage(), e);
    }
  }

  static void delete(Path context) {
    try (Stream<Path> walk = Files.walk(context)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a scratch folder left in /tmp is harmless
    }
  }
}
