package io.loopscout.runner.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loopscout.runner.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model-tier results by {@link ModelKernel#cacheKey} (kernel generation and graph shape), one JSON file per host
 * (and toolchain) under the cache directory, so a graph is never measured twice on the same machine. Results of
 * an older kernel generator are dropped when the file is opened. Writes are atomic (write then rename).
 */
final class ModelCache {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, Measurement> entries;

    private ModelCache(Path file, Map<String, Measurement> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Opens (or starts) the cache file for {@code hostKey}; an unreadable file is set aside, not trusted. */
    static ModelCache open(Path cacheDir, String hostKey) {
        Path file = cacheDir.resolve("model-bench").resolve(hostKey + ".json");
        Map<String, Measurement> entries = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                entries.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, Measurement>>() { }));
                // measured on kernels an older generator wrote: not evidence about the graph as modelled now
                entries.keySet().removeIf(k -> !ModelKernel.isCurrentKey(k));
            } catch (IOException e) {
                try {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // left in place; it is overwritten on the next put
                }
            }
        }
        return new ModelCache(file, entries);
    }

    Path file() {
        return file;
    }

    synchronized Measurement get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Measurement m) throws IOException {
        entries.put(key, m);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), entries);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
