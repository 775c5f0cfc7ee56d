package dev.gatebench.stack.image;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to build an image's local equivalent.
 *
 * @param folder the build folder, e.g. {@code compose/images/litellm}
 * @param tag the cached tag, {@code gatebench/<key>:<version>-<hash8>}
 * @param args build arguments that shape the image (part of the hash), e.g. {@code LITELLM_VERSION}
 * @param extraFiles files copied beside the Dockerfile, by their name there (part of the hash)
 * @param expectedDuration what the console promises, e.g. {@code about 2 min}
 */
record LocalBuild(Path folder, String tag, Map<String, String> args, Map<String, Path> extraFiles,
    String expectedDuration) {
  LocalBuild {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(tag, "tag");
    args = Map.copyOf(args);
    extraFiles = Map.copyOf(extraFiles);
    Objects.requireNonNull(expectedDuration, "expectedDuration");
  }
}
