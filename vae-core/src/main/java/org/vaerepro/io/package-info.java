/**
 * <b>API, lowest layer: files.</b> {@link org.vaerepro.io.AtomicFiles} (whole file or nothing),
 * {@link org.vaerepro.io.Json} (the project's one JSON configuration), {@link org.vaerepro.io.FileFormat}
 * (the kind and version every written file declares, checked on read) and
 * {@link org.vaerepro.io.Preconditions} (argument checks with one wording). Depends on no other package.
 */
package org.vaerepro.io;
