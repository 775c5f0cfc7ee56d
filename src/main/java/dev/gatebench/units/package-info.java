/**
 * The one duration syntax of every setting, flag, scenario stage and threshold:
 * {@link dev.gatebench.units.DurationText}.
 *
 * <p>Its own package, importing only {@code java.*}, so that {@code upstream} (which must run standalone,
 * in a container from the same classes) and {@code config} (which reads no other gatebench package) can
 * both use it: one parser, where a copy per package would drift, as three once did.
 */
package dev.gatebench.units;
