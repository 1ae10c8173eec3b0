/**
 * <b>API, lowest layer: the settings.</b> {@link org.vaerepro.settings.Setting} declares, once, every setting a
 * front end gives a session: the name core messages give it ({@code firstSeeds}), its Maven user property,
 * its default and a one-line description. The Maven goals, the Spark job's flags, the tests' system properties and
 * the Maven hints read names, defaults and descriptions from it; {@code session.SessionSettings#from} reads the
 * values. Depends on no other package, so any package's error can name a setting.
 */
package org.vaerepro.settings;
