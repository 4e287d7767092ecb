package io.loopscout.report;

import io.loopscout.extract.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The help of each pattern's SARIF rule, read from {@code rule-help.md} (condensed from shared/patterns.md): one
 * {@code ## id} section per pattern; its first paragraph is the rule's full description.
 *
 * @param markdown the section as Markdown
 */
record RuleHelp(String markdown) {

    private static final Map<String, RuleHelp> BY_ID = load();

    /** The help of {@code p}; a pattern without a section is a build error caught by the tests. */
    static RuleHelp of(Pattern p) {
        RuleHelp help = BY_ID.get(p.id());
        if (help == null) {
            throw new IllegalStateException("rule-help.md has no section for " + p.id());
        }
        return help;
    }

    /** The first paragraph, as plain text. */
    String fullDescription() {
        return plain(markdown.split("\n\n", 2)[0]);
    }

    /** The whole section as plain text (code spans without their backticks). */
    String text() {
        return plain(markdown);
    }

    private static String plain(String md) {
        return md.replace("`", "").replaceAll("[ \\t]*\\n(?!\\n)", " ").replaceAll(" *\\n\\n *", "\n\n").strip();
    }

    private static Map<String, RuleHelp> load() {
        String text;
        try (InputStream in = RuleHelp.class.getResourceAsStream("rule-help.md")) {
            if (in == null) {
                throw new IllegalStateException("rule-help.md missing from the reports jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, RuleHelp> out = new LinkedHashMap<>();
        for (String section : text.split("\n## ")) {
            if (section.startsWith("<!--")) {
                continue;
            }
            int eol = section.indexOf('\n');
            out.put(section.substring(0, eol).strip(), new RuleHelp(section.substring(eol + 1).strip()));
        }
        return out;
    }
}
