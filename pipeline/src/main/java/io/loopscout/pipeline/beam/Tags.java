package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.extract.Finding;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.scan.ScanStats;
import io.loopscout.report.ProjectResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/** The output tags of the stages; every stage has {@link #FAILURES} as its dead-letter output. */
public final class Tags {

    public static final TupleTag<Failure> FAILURES = new TupleTag<>() { };
    public static final TupleTag<Acquired> ACQUIRED = new TupleTag<>() { };
    public static final TupleTag<KV<String, ScanStats>> STATS = new TupleTag<>() { };
    public static final TupleTag<KV<String, Finding>> FINDINGS = new TupleTag<>() { };
    public static final TupleTag<ProjectResult> RESULTS = new TupleTag<>() { };

    private Tags() {
    }
}
