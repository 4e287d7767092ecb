package io.loopscout.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loopscout.extract.StateGraph;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
    @TempDir
    Path dir;

    /** The first generator keyed results by the bare shape hash; its kernels could skip every edge. */
    @Test
    void resultsOfAnOlderKernelGeneratorAreDroppedOnOpen() throws IOException {
        StateGraph g = ModelKernelTest.GRAPH;
        Measurement withinNoise = new Measurement(EvidenceTier.MODEL, 1.0, 0.99, 1.01, 1.0, 0.001,
                Verdict.WITHIN_NOISE, 0.5, List.of(), "first generator");
        ModelCache old = ModelCache.open(dir, "host");
        old.put(g.shapeHash(), withinNoise);
        old.put(ModelKernel.cacheKey(g), withinNoise);

        ModelCache reopened = ModelCache.open(dir, "host");
        assertNull(reopened.get(g.shapeHash()));
        assertNotNull(reopened.get(ModelKernel.cacheKey(g)));
        reopened.put("k" + ModelKernel.GENERATION + "-other", withinNoise);
        String file = Files.readString(reopened.file());
        assertFalse(file.contains("\"" + g.shapeHash() + "\""), "the stale entry is gone from the file too");
        assertEquals(withinNoise, ModelCache.open(dir, "host").get(ModelKernel.cacheKey(g)));
    }
}
