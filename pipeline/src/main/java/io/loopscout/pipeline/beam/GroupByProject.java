package io.loopscout.pipeline.beam;

import io.loopscout.extract.Finding;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.scan.ScanStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Stage GroupByProject: joins each acquired project with its findings and scan counts, so that a project with
 * no findings still reaches the report.
 */
public class GroupByProject extends PTransform<PCollectionTuple, PCollection<ProjectFindings>> {

    /** Input tag: the acquired projects. */
    public static final TupleTag<Acquired> PROJECTS = Tags.ACQUIRED;
    /** Input tag: findings keyed by project id. */
    public static final TupleTag<KV<String, Finding>> FINDINGS = Tags.FINDINGS;
    /** Input tag: scan counts keyed by project id (several per project). */
    public static final TupleTag<KV<String, ScanStats>> STATS = Tags.STATS;

    private static final TupleTag<Acquired> P = new TupleTag<>() { };
    private static final TupleTag<Finding> F = new TupleTag<>() { };
    private static final TupleTag<ScanStats> S = new TupleTag<>() { };

    /** Joins acquired projects, findings and scan counts. */
    public static PCollection<ProjectFindings> of(PCollection<Acquired> projects, PCollection<KV<String, Finding>> findings,
                                                  PCollection<KV<String, ScanStats>> stats) {
        return PCollectionTuple.of(PROJECTS, projects).and(FINDINGS, findings).and(STATS, stats)
                .apply("GroupByProject", new GroupByProject());
    }

    @Override
    public PCollection<ProjectFindings> expand(PCollectionTuple input) {
        PCollection<KV<String, Acquired>> keyed = input.get(PROJECTS)
                .apply("KeyProjects", WithKeys.of((Acquired a) -> a.spec().id()).withKeyType(TypeDescriptors.strings()));
        return KeyedPCollectionTuple.of(P, keyed).and(F, input.get(FINDINGS)).and(S, input.get(STATS))
                .apply("Join", CoGroupByKey.create())
                .apply("Assemble", ParDo.of(new DoFn<KV<String, CoGbkResult>, ProjectFindings>() {
                    @ProcessElement
                    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<ProjectFindings> out) {
                        Acquired acquired = e.getValue().getOnly(P, null);
                        if (acquired == null) {
                            return; // failed before it was acquired; its failure is already recorded
                        }
                        List<Finding> findings = new ArrayList<>();
                        e.getValue().getAll(F).forEach(findings::add);
                        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::startLine)
                                .thenComparing(f -> f.pattern().id()));
                        ScanStats stats = ScanStats.zero();
                        for (ScanStats s : e.getValue().getAll(S)) {
                            stats = stats.plus(s);
                        }
                        out.output(new ProjectFindings(acquired, findings, stats));
                    }
                }));
    }
}
