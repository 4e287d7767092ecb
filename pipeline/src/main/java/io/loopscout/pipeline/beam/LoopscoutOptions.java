package io.loopscout.pipeline.beam;

import io.loopscout.pipeline.acquire.InputLimits;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The pipeline's options; what every stage may read from its context. */
public interface LoopscoutOptions extends PipelineOptions {

    @Description("Cache of cloned repositories and unpacked crates")
    String getCacheDir();

    void setCacheDir(String value);

    @Description("Directory the outputs are written to")
    String getOutDir();

    void setOutDir(String value);

    @Description("Outputs of an earlier run to compare with (changes.csv); empty: the previous outputs in outDir")
    String getBaselineDir();

    void setBaselineDir(String value);

    @Description("Evidence to gather: static, model or project")
    String getMeasure();

    void setMeasure(String value);

    @Description("Files per project, acquired and listed (InputLimits)")
    @Default.Long(50_000)
    long getMaxFiles();

    void setMaxFiles(long value);

    @Description("Bytes per project, acquired and listed (InputLimits)")
    @Default.Long(1L << 30)
    long getMaxBytes();

    void setMaxBytes(long value);

    /** The per-project caps {@code options} set. */
    static InputLimits limits(LoopscoutOptions options) {
        return new InputLimits(options.getMaxFiles(), options.getMaxBytes());
    }
}
