package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's CSV and markdown tables from a comparison record. */
class CComparisonMainTest {

    private static CComparison.Row row(CVariant v, long ir, List<CComparison.FunctionCost> functions) {
        return new CComparison.Row("decompress", v, 8, 0.5, 0.1, 1.0, 0.9, 1.1, ir, ir / 5, ir / 50, 1.0, functions,
                "ok");
    }

    private static final CComparison COMPARISON = new CComparison("lz4-c2rust", "1.11.1", "C2Rust 0.22.1", "rustc",
            "8 MiB", "test host", List.of(
                    row(CVariant.C, 1000, List.of(new CComparison.FunctionCost("LZ4_decompress_generic", 900, 100, 5,
                            90, 10, 4, 1), new CComparison.FunctionCost("tiny", 5, 1, 0, 1, 0, 0, 0))),
                    row(CVariant.B, 1200, List.of(new CComparison.FunctionCost(
                            "lz4_c2rust::src::lz4::LZ4_decompress_generic", 1100, 120, 6, 110, 10, 5, 1)))),
            List.of(new CComparison.LoopRewrite("src/lz4.rs", 2476, "LZ4_decompress_generic", true, "both builds pass")),
            List.of());

    @Test
    void aTranslatedStaticFunctionIsComparedWithTheCFunctionOfItsName() {
        String csv = CComparisonMain.functionsCsv(COMPARISON);
        assertTrue(csv.contains("decompress,c2rust + loop_match,lz4_c2rust::src::lz4::LZ4_decompress_generic,1100,1.2222,"),
                csv);
        assertEquals("LZ4_decompress_generic", CComparisonMain.simpleName("lz4_c2rust::src::lz4::LZ4_decompress_generic"));
    }

    @Test
    void theMarkdownHasTheWholeCallRowsTheHotFunctionsAndTheLoops() {
        String md = CComparisonMain.markdown(COMPARISON);
        assertTrue(md.contains("| decompress | c2rust + loop_match | 8 | 0.500 | 1.000 [0.900, 1.100] | 1,200 | 1.000 |"), md);
        assertTrue(md.contains("| c2rust + loop_match | `LZ4_decompress_generic` | 1,100 | 110 | 10 | 5 | 1 |"), md);
        assertFalse(md.contains("`tiny`"), "under 1% of the call: left out\n" + md);
        assertTrue(md.contains("- src/lz4.rs:2476 `LZ4_decompress_generic` **rewritten**: both builds pass"), md);
    }
}
