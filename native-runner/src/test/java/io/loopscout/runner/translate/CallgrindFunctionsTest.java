package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.runner.protocol.CallgrindCounts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallgrindFunctionsTest {

    @TempDir
    Path tmp;

    @Test
    void ranksARealProgramsFunctionsBySelfCost() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/valgrind")), "valgrind not installed: skipped");
        try (InputStream in = getClass().getResourceAsStream("/translate/two_costs.c")) {
            Files.copy(in, tmp.resolve("two_costs.c"));
        }
        CommandRunner runner = new LocalCommandRunner();
        CommandResult cc = runner.run(new Command(List.of("cc", "-O1", "-o", "two_costs", "two_costs.c"), tmp,
                Map.of(), Duration.ofMinutes(1)));
        assertTrue(cc.ok(), cc.stderr());
        Path out = tmp.resolve("callgrind.out");
        CommandResult cg = runner.run(new Command(List.of("valgrind", "--tool=callgrind", "--branch-sim=yes",
                "--callgrind-out-file=" + out, "./two_costs"), tmp, Map.of(), Duration.ofMinutes(2)));
        assertTrue(cg.ok(), cg.stderr());

        List<CComparison.FunctionCost> top = CallgrindFunctions.top(out, 50);
        assertEquals("heavy_loop", top.get(0).function(), top.toString());
        Optional<CComparison.FunctionCost> light = top.stream().filter(f -> f.function().equals("light_loop"))
                .findFirst();
        assertTrue(light.isPresent(), top.toString());
        double ratio = (double) top.get(0).instructions() / light.get().instructions();
        assertTrue(ratio > 500 && ratio < 2000, "heavy/light instructions: " + ratio);
        assertTrue(top.get(0).branches() > 200_000, "one conditional branch per iteration at least");
        long summed = top.stream().mapToLong(CComparison.FunctionCost::instructions).sum();
        assertTrue(summed <= CallgrindCounts.parse(cg.stderr()).instructions(), "self costs add up to at most the total");
        assertEquals(3, CallgrindFunctions.top(out, 3).size());
    }
}
