package org.vaerepro.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.vaerepro.io.AtomicFiles;

/**
 * Downloads a standard dataset from its official source into a folder, checking each download
 * against the publisher's MD5 before it is moved into place (temp file + rename, so an interrupted
 * download leaves nothing that looks complete).
 */
public final class DatasetDownloader {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** Downloads into {@code root/<folder>} and returns that folder. */
    public Path download(StandardDataset dataset, Path root) throws IOException {
        Path folder = root.resolve(dataset.folder());
        Files.createDirectories(folder);
        for (StandardDataset.Download download : dataset.downloads()) {
            // Into a temp file first: only a download whose MD5 matches is moved into place.
            Path temp = Files.createTempFile(folder, download.fileName(), ".part");
            try {
                fetch(download.url(), temp);
                String md5 = FileChecksums.md5(temp);
                if (!md5.equals(download.md5())) {
                    throw new IOException(download.url() + ": MD5 " + md5 + " does not match the published "
                            + download.md5());
                }
                if (download.fileName().endsWith(".tar.gz")) {
                    extractTarGz(temp, root);
                } else {
                    AtomicFiles.moveIntoPlace(temp, folder.resolve(download.fileName()));
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return folder;
    }

    private void fetch(String url, Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build();
        try {
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                throw new IOException(url + ": HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(url + ": interrupted", e);
        }
    }

    private static void extractTarGz(Path archive, Path root) throws IOException {
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException(archive + ": entry '" + entry.getName() + "' escapes the target folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                AtomicFiles.write(target, tar::transferTo);
            }
        }
    }
}
