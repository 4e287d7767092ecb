package io.loopscout.pipeline.beam;

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
}
