package io.loopscout.pipeline.beam;

import io.loopscout.extract.Finding;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.scan.ScanStats;
import java.io.Serializable;
import java.util.List;

/** One project with all its findings (sorted by file and line) and its scan counts. */
public record ProjectFindings(Acquired acquired, List<Finding> findings, ScanStats stats) implements Serializable {

    public ProjectFindings {
        findings = List.copyOf(findings);
    }
}
