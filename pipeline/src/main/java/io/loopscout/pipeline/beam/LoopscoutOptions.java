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

    @Description("Sandbox mode: strict (bwrap, else refuse) or weak (bwrap, else unshare -n)")
    @Default.String("strict")
    String getSandbox();

    void setSandbox(String value);

    @Description("The bubblewrap binary")
    @Default.String("bwrap")
    String getBwrap();

    void setBwrap(String value);

    @Description("Wall-time limit of one build, in seconds")
    @Default.Long(900)
    long getBuildTimeoutSeconds();

    void setBuildTimeoutSeconds(long value);

    @Description("Write quota of one build or benchmark run, in bytes")
    @Default.Long(2L * 1024 * 1024 * 1024)
    long getDiskQuotaBytes();

    void setDiskQuotaBytes(long value);

    @Description("Files per project, acquired and listed (InputLimits)")
    @Default.Long(50_000)
    long getMaxFiles();

    void setMaxFiles(long value);

    @Description("Bytes per project, acquired and listed (InputLimits)")
    @Default.Long(1L << 30)
    long getMaxBytes();

    void setMaxBytes(long value);

    @Description("Keep the c2rust work directory of a project whose experiment failed (else removed)")
    @Default.Boolean(false)
    boolean getKeepFailedScratch();

    void setKeepFailedScratch(boolean value);

    /** The per-project caps {@code options} set. */
    static InputLimits limits(LoopscoutOptions options) {
        return new InputLimits(options.getMaxFiles(), options.getMaxBytes());
    }
}
