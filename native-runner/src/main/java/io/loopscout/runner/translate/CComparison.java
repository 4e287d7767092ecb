package io.loopscout.runner.translate;

import java.io.Serializable;
import java.util.List;

/**
 * The c2rust experiment's result for one C library: time and instructions of every variant against the C,
 * per workload, plus what the rewriter did to the translation. A record for the report writer to render.
 *
 * @param project       project id
 * @param version       the C library's version (the vendoring crate's version)
 * @param c2rustVersion {@code c2rust --version}
 * @param rustc         {@code rustc --version}
 * @param corpus        what was compressed (size, seed, kinds)
 * @param host          CPU model, cores, load and pinning used
 * @param rows          one row per workload and variant
 * @param loops         what the #[loop_match] rewriter did with each candidate loop of the translation
 * @param notes         anything that qualifies the figures (missing variants, failed runs, ...)
 */
public record CComparison(String project, String version, String c2rustVersion, String rustc, String corpus,
                          String host, List<Row> rows, List<LoopRewrite> loops, List<String> notes)
        implements Serializable {

    public CComparison {
        rows = List.copyOf(rows);
        loops = List.copyOf(loops);
        notes = List.copyOf(notes);
    }

    /**
     * One variant on one workload. Ratios are variant / C (above 1: slower than C); nulls mean not measured.
     *
     * @param workload          {@code compress} or {@code decompress}
     * @param variant           the variant
     * @param runs              timed runs (one per round)
     * @param medianSeconds     median time of the workload (harness-timed)
     * @param cv                coefficient of variation of the run times
     * @param timeRatio         median(variant) / median(C)
     * @param ciLow             lower end of the 95% bootstrap CI of timeRatio (paired by round)
     * @param ciHigh            upper end
     * @param instructions      callgrind Ir on the callgrind slice
     * @param branches          conditional + indirect branches on the slice
     * @param mispredictions    simulated mispredictions on the slice
     * @param instructionRatio  instructions / C's instructions
     * @param functions         the most expensive functions on the slice (self cost), for "why"
     * @param status            {@code ok}, or why there is no figure (build failed, output differs, ...)
     */
    public record Row(String workload, CVariant variant, int runs, Double medianSeconds, Double cv, Double timeRatio,
                      Double ciLow, Double ciHigh, Long instructions, Long branches, Long mispredictions,
                      Double instructionRatio, List<FunctionCost> functions, String status)
            implements Serializable {
        public Row {
            functions = functions == null ? List.of() : List.copyOf(functions);
        }
    }

    /**
     * One function's own cost on the callgrind slice.
     *
     * @param function                  symbol name
     * @param instructions              Ir
     * @param branches                  conditional + indirect branches
     * @param mispredictions            simulated conditional + indirect mispredictions
     * @param conditionalBranches       Bc (-1: not split)
     * @param indirectBranches          Bi: jump tables, calls through pointers (-1: not split)
     * @param conditionalMispredictions Bcm (-1: not split)
     * @param indirectMispredictions    Bim (-1: not split)
     */
    public record FunctionCost(String function, long instructions, long branches, long mispredictions,
                               long conditionalBranches, long indirectBranches, long conditionalMispredictions,
                               long indirectMispredictions) implements Serializable {

        /** A cost without the conditional/indirect split. */
        public FunctionCost(String function, long instructions, long branches, long mispredictions) {
            this(function, instructions, branches, mispredictions, -1, -1, -1, -1);
        }
    }

    /**
     * One candidate loop of the translation and what the rewriter did with it.
     *
     * @param file      file in the translated crate
     * @param line      line of the loop
     * @param function  enclosing function, when known
     * @param rewritten whether it is in #[loop_match] form in variant B
     * @param reason    why not (or what was done)
     */
    public record LoopRewrite(String file, int line, String function, boolean rewritten, String reason)
            implements Serializable {
    }
}
