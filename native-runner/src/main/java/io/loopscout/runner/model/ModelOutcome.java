package io.loopscout.runner.model;

import io.loopscout.core.Failure;
import java.util.List;

/**
 * The model tier's answer for one state graph.
 *
 * @param measurement the measurement (tier MODEL), never null: NOT_MEASURED or UNSTABLE when it failed
 * @param failures    what went wrong (empty when measured)
 * @param cached      whether it came from the cache
 */
public record ModelOutcome(io.loopscout.runner.Measurement measurement, List<Failure> failures, boolean cached) {
    public ModelOutcome {
        failures = List.copyOf(failures);
    }
}
