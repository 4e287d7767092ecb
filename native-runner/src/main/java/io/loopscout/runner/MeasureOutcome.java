package io.loopscout.runner;

import io.loopscout.core.Failure;
import io.loopscout.extract.Finding;
import java.util.List;
import java.util.Map;

/**
 * What the Measure stage learned about one project.
 *
 * @param measurement the project-tier measurement, or null when the project was not measured (no bench
 *                    command, mode below {@code project}, or a failure before any timed run)
 * @param failures    every failure on the way (fetch, build, bench, timeout, oom, network-blocked, ...)
 * @param findings    the findings, each with its model-tier speed-up set where the model tier ran
 * @param models      model-tier measurements by state-graph shape hash
 */
public record MeasureOutcome(Measurement measurement, List<Failure> failures, List<Finding> findings,
                             Map<String, Measurement> models) {
    public MeasureOutcome {
        failures = List.copyOf(failures);
        findings = List.copyOf(findings);
        models = Map.copyOf(models);
    }
}
