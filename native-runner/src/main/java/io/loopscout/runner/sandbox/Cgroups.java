package io.loopscout.runner.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Memory and process-count limits through cgroups (v1 memory + pids controllers, or v2), when this process may
 * create child groups. Each sandboxed command gets its own group; its counters tell an OOM kill or a hit
 * process limit apart from an ordinary crash.
 */
final class Cgroups {
    private final int version;
    private final Path memoryParent;
    private final Path pidsParent;
    /** v1 cpuacct parent for CPU-time accounting, or null (v2 reads cpu.stat of the memory group). */
    private Path cpuParent;

    private Cgroups(int version, Path memoryParent, Path pidsParent) {
        this.version = version;
        this.memoryParent = memoryParent;
        this.pidsParent = pidsParent;
    }

    /** The cgroups this process may use, or null when it may not create child groups. */
    static Cgroups detect() {
        try {
            List<String> self = Files.readAllLines(Path.of("/proc/self/cgroup"));
            Path root = Path.of("/sys/fs/cgroup");
            String mem = null;
            String pids = null;
            String cpuacct = null;
            String unified = null;
            for (String line : self) {
                String[] f = line.split(":", 3);
                if (f.length < 3) {
                    continue;
                }
                for (String c : f[1].split(",")) {
                    if (c.equals("memory")) {
                        mem = f[2];
                    } else if (c.equals("pids")) {
                        pids = f[2];
                    } else if (c.equals("cpuacct")) {
                        cpuacct = f[2];
                    }
                }
                if (f[0].equals("0") && f[1].isEmpty()) {
                    unified = f[2];
                }
            }
            if (mem != null && pids != null) {
                Cgroups v1 = new Cgroups(1, root.resolve("memory" + mem), root.resolve("pids" + pids));
                if (v1.probe()) {
                    if (cpuacct != null) {
                        v1.cpuParent = root.resolve("cpuacct" + cpuacct);
                        if (!v1.probe()) {
                            v1.cpuParent = null; // CPU accounting is optional
                        }
                    }
                    return v1;
                }
            }
            if (unified != null && Files.exists(root.resolve("cgroup.controllers"))) {
                Path parent = root.resolve(unified.substring(1));
                String sub = Files.readString(parent.resolve("cgroup.subtree_control"));
                if (sub.contains("memory") && sub.contains("pids")) {
                    Cgroups v2 = new Cgroups(2, parent, parent);
                    if (v2.probe()) {
                        return v2;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private boolean probe() {
        removeStale(memoryParent);
        if (!pidsParent.equals(memoryParent)) {
            removeStale(pidsParent);
        }
        if (cpuParent != null) {
            removeStale(cpuParent);
        }
        try {
            Group g = create(64L << 20, 8);
            g.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes groups a killed JVM left behind: empty ones older than ten minutes (younger ones may belong to a
     * command another process is just starting).
     */
    private static void removeStale(Path parent) {
        long cutoff = System.currentTimeMillis() - 10 * 60 * 1000;
        try (java.util.stream.Stream<Path> dirs = Files.list(parent)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("loopscout-")).forEach(d -> {
                try {
                    if (Files.getLastModifiedTime(d).toMillis() < cutoff
                            && Files.readString(d.resolve("cgroup.procs")).isBlank()) {
                        Files.delete(d);
                    }
                } catch (IOException e) {
                    // in use or already gone
                }
            });
        } catch (IOException e) {
            // not listable: nothing to clean
        }
    }

    /** For run metadata. */
    String describe() {
        return version == 1 ? "cgroup v1 (memory, pids" + (cpuParent != null ? ", cpuacct)" : ")")
                : "cgroup v2 (memory, pids, cpu.stat)";
    }

    /** A new group with the given memory and process limits. */
    Group create(long memoryBytes, int maxProcesses) throws IOException {
        String name = "loopscout-" + UUID.randomUUID();
        Path mem = memoryParent.resolve(name);
        Path pids = version == 1 ? pidsParent.resolve(name) : mem;
        Path cpu = version == 1 && cpuParent != null ? cpuParent.resolve(name) : null;
        Files.createDirectory(mem);
        try {
            if (version == 1) {
                Files.createDirectory(pids);
                if (cpu != null) {
                    Files.createDirectory(cpu);
                }
                write(mem.resolve("memory.limit_in_bytes"), memoryBytes);
                Path memsw = mem.resolve("memory.memsw.limit_in_bytes");
                if (Files.exists(memsw)) {
                    write(memsw, memoryBytes);
                }
            } else {
                write(mem.resolve("memory.max"), memoryBytes);
                Path swap = mem.resolve("memory.swap.max");
                if (Files.exists(swap)) {
                    write(swap, 0);
                }
            }
            write(pids.resolve("pids.max"), maxProcesses);
        } catch (IOException e) {
            new Group(mem, pids, cpu).close();
            throw e;
        }
        return new Group(mem, pids, cpu);
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value));
    }

    /** One command's group. */
    final class Group implements AutoCloseable {
        private final Path mem;
        private final Path pids;
        private final Path cpu;

        private Group(Path mem, Path pids, Path cpu) {
            this.mem = mem;
            this.pids = pids;
            this.cpu = cpu;
        }

        private List<Path> dirs() {
            List<Path> out = new ArrayList<>(List.of(mem));
            if (!pids.equals(mem)) {
                out.add(pids);
            }
            if (cpu != null) {
                out.add(cpu);
            }
            return out;
        }

        /** The files a process writes its pid into to join this group. */
        List<Path> procsFiles() {
            return dirs().stream().map(d -> d.resolve("cgroup.procs")).toList();
        }

        /** CPU time (user + system) of every member so far, in nanoseconds, or null when not accounted. */
        Long cpuNanos() {
            try {
                if (version == 1) {
                    return cpu == null ? null : Long.parseLong(Files.readString(cpu.resolve("cpuacct.usage")).strip());
                }
                long usec = counter(mem.resolve("cpu.stat"), "usage_usec");
                return usec > 0 ? usec * 1000 : null;
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }

        /** The kernel OOM-killed a member. */
        boolean oomKilled() {
            String file = version == 1 ? "memory.oom_control" : "memory.events";
            return counter(mem.resolve(file), "oom_kill") > 0;
        }

        /** The memory limit was hit at least once (v1 failcnt, v2 "max" events). */
        boolean memoryLimitHit() {
            if (version == 1) {
                try {
                    return Long.parseLong(Files.readString(mem.resolve("memory.failcnt")).strip()) > 0;
                } catch (IOException | NumberFormatException e) {
                    return false;
                }
            }
            return counter(mem.resolve("memory.events"), "max") > 0;
        }

        /** A fork or clone was refused at the process limit. */
        boolean processLimitHit() {
            return counter(pids.resolve("pids.events"), "max") > 0;
        }

        /** SIGKILLs every member until the group is empty (a fork loop may race a few rounds). */
        void killAll() {
            for (int round = 0; round < 50; round++) {
                List<Long> members = members();
                if (members.isEmpty()) {
                    return;
                }
                members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                sleep(20);
            }
        }

        private List<Long> members() {
            List<Long> out = new ArrayList<>();
            for (Path f : procsFiles()) {
                try {
                    for (String l : Files.readAllLines(f)) {
                        if (!l.isBlank()) {
                            out.add(Long.parseLong(l.strip()));
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // group already gone
                }
            }
            return out;
        }

        @Override
        public void close() {
            killAll();
            for (Path d : dirs()) {
                for (int i = 0; i < 50 && Files.exists(d); i++) {
                    try {
                        Files.delete(d);
                    } catch (IOException e) {
                        sleep(20); // members are still exiting
                    }
                }
            }
        }
    }

    private static long counter(Path file, String key) {
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] kv = l.strip().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
