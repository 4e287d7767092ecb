package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.ParsedSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * The crate-level half of the gate: {@code #![cfg_attr(loop_match, feature(loop_match))]} at a crate root and
 * the {@code cfg(loop_match)} declaration in Cargo.toml, so stable builds raise no unexpected_cfgs warning.
 */
public final class CrateGate {

    static final List<String> ROOT_ATTRS = List.of(
            "#![cfg_attr(loop_match, feature(loop_match))]",
            // unstable_features: a crate that denies it (comrak) would reject the feature gate itself
            "#![cfg_attr(loop_match, allow(incomplete_features, unstable_features))]");
    static final String CHECK_CFG = "'cfg(loop_match)'";
    static final String LINT_LINE = "unexpected_cfgs = { level = \"warn\", check-cfg = [" + CHECK_CFG + "] }";

    private CrateGate() {
    }

    /** The root file with the feature gate after its leading inner attributes and doc comments. */
    public static String gateRoot(String text) {
        if (text.contains("feature(loop_match)")) {
            return text;
        }
        ParsedSource p = ParsedSource.parse(ParsedSource.Grammar.RUST, text);
        TSNode root = p.root();
        int after = -1;
        for (int i = 0; i < root.getChildCount(); i++) {
            TSNode c = root.getChild(i);
            String type = c.getType();
            String t = p.text(c);
            boolean lead = type.equals("inner_attribute_item") || type.equals("shebang")
                    || (type.equals("line_comment") || type.equals("block_comment"))
                    && (t.startsWith("//!") || t.startsWith("/*!"));
            if (!lead) {
                break;
            }
            after = c.getEndByte();
        }
        byte[] bytes = p.bytes();
        String attrs = String.join("\n", ROOT_ATTRS) + "\n";
        if (after < 0) {
            return TextEdit.apply(bytes, List.of(TextEdit.insert(0, attrs)));
        }
        int lineEnd = after;
        while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
            lineEnd++;
        }
        if (lineEnd == bytes.length) {
            return new String(bytes, StandardCharsets.UTF_8) + "\n" + attrs;
        }
        return TextEdit.apply(bytes, List.of(TextEdit.insert(lineEnd + 1, attrs)));
    }

    /**
     * Cargo.toml with {@code cfg(loop_match)} declared under {@code [lints.rust]}, merged with what is there:
     * an existing {@code unexpected_cfgs} entry gets the cfg added to its check-cfg list.
     *
     * @throws IllegalArgumentException when the lints come from the workspace ({@code [lints] workspace = true})
     *                                  or an unexpected_cfgs entry has a form this does not edit
     */
    public static String declareCfg(String toml) {
        if (toml.contains("cfg(loop_match)")) {
            return toml;
        }
        String[] lines = toml.split("\n", -1);
        int lintsRust = -1;
        int lints = -1;
        int unexpectedTable = -1;
        for (int i = 0; i < lines.length; i++) {
            String h = lines[i].strip();
            if (h.matches("\\[\\s*lints\\s*\\.\\s*rust\\s*\\]")) {
                lintsRust = i;
            } else if (h.matches("\\[\\s*lints\\s*\\]")) {
                lints = i;
            } else if (h.matches("\\[\\s*lints\\s*\\.\\s*rust\\s*\\.\\s*unexpected_cfgs\\s*\\]")) {
                unexpectedTable = i;
            }
        }
        if (unexpectedTable >= 0) {
            // [lints.rust.unexpected_cfgs] as a table (miniz_oxide): add to its check-cfg, or give it one
            for (int i = unexpectedTable + 1; i < lines.length && !lines[i].strip().startsWith("["); i++) {
                Matcher m = Pattern.compile("^\\s*check-cfg\\s*=\\s*\\[").matcher(lines[i]);
                if (m.find()) {
                    lines[i] = lines[i].substring(0, m.end()) + CHECK_CFG + ", " + lines[i].substring(m.end());
                    return String.join("\n", lines);
                }
            }
            lines[unexpectedTable] = lines[unexpectedTable] + "\ncheck-cfg = [" + CHECK_CFG + "]";
            return String.join("\n", lines);
        }
        if (lints >= 0) {
            for (int i = lints + 1; i < lines.length && !lines[i].strip().startsWith("["); i++) {
                String l = lines[i].strip();
                if (l.matches("workspace\\s*=\\s*true.*")) {
                    throw new IllegalArgumentException("Cargo.toml takes its lints from the workspace; declare "
                            + "cfg(loop_match) in the workspace's [workspace.lints.rust]");
                }
                if (l.startsWith("rust")) {
                    throw new IllegalArgumentException("Cargo.toml declares rust lints inline under [lints]; "
                            + "add " + LINT_LINE + " by hand");
                }
            }
        }
        if (lintsRust < 0) {
            String sep = toml.endsWith("\n") ? "\n" : "\n\n";
            return toml + sep + "[lints.rust]\n" + LINT_LINE + "\n";
        }
        for (int i = lintsRust + 1; i < lines.length && !lines[i].strip().startsWith("["); i++) {
            if (lines[i].strip().startsWith("unexpected_cfgs")) {
                Matcher m = Pattern.compile("check-cfg\\s*=\\s*\\[").matcher(lines[i]);
                if (m.find()) {
                    lines[i] = lines[i].substring(0, m.end()) + CHECK_CFG + ", " + lines[i].substring(m.end());
                } else {
                    Matcher level = Pattern.compile("unexpected_cfgs\\s*=\\s*\"(\\w+)\"\\s*$").matcher(lines[i].strip());
                    if (!level.matches()) {
                        throw new IllegalArgumentException("Cargo.toml line " + (i + 1)
                                + ": unexpected_cfgs in a form not edited automatically: " + lines[i].strip());
                    }
                    lines[i] = "unexpected_cfgs = { level = \"" + level.group(1) + "\", check-cfg = [" + CHECK_CFG
                            + "] }";
                }
                return String.join("\n", lines);
            }
        }
        lines[lintsRust] = lines[lintsRust] + "\n" + LINT_LINE;
        return String.join("\n", lines);
    }
}
