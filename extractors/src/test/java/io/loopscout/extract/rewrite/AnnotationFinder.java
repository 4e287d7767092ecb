package io.loopscout.extract.rewrite;

import io.loopscout.extract.Extractor;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Findings written by hand: every {@code // expect: PATTERN var=NAME} comment names the loop on the next code
 * line. Stands in for the Rust extractor where a test must control exactly which loops are named.
 */
final class AnnotationFinder implements Extractor {

    private static final java.util.regex.Pattern EXPECT = java.util.regex.Pattern.compile(
            "^\\s*//\\s*expect:\\s*(\\S+)(?:.*\\bvar=(\\S+))?.*$");

    @Override
    public FileExtraction extract(SourceFile file) {
        String[] lines = file.text().split("\n", -1);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int target = i + 1;
            while (target < lines.length && lines[target].strip().startsWith("//")) {
                target++;
            }
            out.add(Finding.builder().file(file.path()).startLine(target + 1).pattern(Pattern.byId(m.group(1)))
                    .stateVariable(m.group(2) == null ? "" : m.group(2)).build());
        }
        return FileExtraction.read(out, 0);
    }
}
