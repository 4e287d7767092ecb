package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.fixtures.AnnotatedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The before/after pairs under {@code src/test/resources/rewrite}: {@code NN-name.before.rs} holds loops
 * annotated {@code // expect: rust/state-loop var=state [reason=why-left-alone]}; {@code NN-name.after.rs} is
 * the hand-written expected rewrite (equal to the before file when every loop is left alone).
 */
final class RewriteFixtures {

    private RewriteFixtures() {
    }

    /** One pair. */
    record Pair(String name, Path before, Path after) {
    }

    static Path dir() {
        try {
            return Path.of(RewriteFixtures.class.getResource("/rewrite").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Pair> pairs() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".before.rs")).sorted().map(p -> {
                String name = p.getFileName().toString().replace(".before.rs", "");
                return new Pair(name, p, p.resolveSibling(name + ".after.rs"));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings the annotations of a before file describe (what the Rust extractor would report). */
    static List<Finding> findings(Path before) {
        List<Finding> out = new ArrayList<>();
        for (AnnotatedFixtures.Expectation e : AnnotatedFixtures.annotations(before)) {
            if (e.pattern() == null) {
                continue;
            }
            out.add(Finding.builder().file(before.getFileName().toString()).startLine(e.line())
                    .pattern(Pattern.byId(e.pattern())).stateVariable(e.metrics().getOrDefault("var", ""))
                    .build());
        }
        return out;
    }

    /** The findings annotated {@code copy=identity-match}: their state type is not Copy. */
    static java.util.Set<Finding> identityCopies(Path before) {
        List<Finding> all = findings(before);
        java.util.Set<Finding> out = new java.util.HashSet<>();
        for (AnnotatedFixtures.Expectation e : AnnotatedFixtures.annotations(before)) {
            if (e.pattern() != null && "identity-match".equals(e.metrics().get("copy"))) {
                all.stream().filter(f -> f.startLine() == e.line()).forEach(out::add);
            }
        }
        return out;
    }

    /** The reason each annotated loop is expected to be left alone with (null: rewritten), by line. */
    static java.util.Map<Integer, String> expectedReasons(Path before) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        for (AnnotatedFixtures.Expectation e : AnnotatedFixtures.annotations(before)) {
            if (e.pattern() != null) {
                out.put(e.line(), e.metrics().get("reason"));
            }
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
