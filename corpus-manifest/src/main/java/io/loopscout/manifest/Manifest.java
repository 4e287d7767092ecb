package io.loopscout.manifest;

import java.util.List;

/** A validated corpus manifest: the projects of one YAML file, in file order. */
public record Manifest(String file, List<ProjectSpec> projects) {

    public Manifest {
        projects = List.copyOf(projects);
    }

    /** Only the projects whose id is in {@code ids} (all when {@code ids} is empty). */
    public Manifest only(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return this;
        }
        return new Manifest(file, projects.stream().filter(p -> ids.contains(p.id())).toList());
    }
}
