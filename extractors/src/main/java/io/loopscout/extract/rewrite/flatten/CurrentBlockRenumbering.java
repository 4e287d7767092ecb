package io.loopscout.extract.rewrite.flatten;

import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rewrite.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renumbers c2rust's {@code current_block} (64-bit hash constants) to dense values 0..N-1 of the narrowest
 * unsigned type, function by function, with nothing else changed: the step before flattening, measured alone.
 * A function where {@code current_block} is used other than in its declaration, {@code current_block = K} and
 * {@code match current_block} with constant arms is left as it is.
 */
public final class CurrentBlockRenumbering {

    static final String VARIABLE = "current_block";

    private CurrentBlockRenumbering() {
    }

    /** What renumbering did to one file. */
    public record Result(String text, int functions, int constants) {
    }

    /** The text with every eligible function's {@code current_block} renumbered. */
    public static Result renumber(String text) {
        ParsedSource parsed;
        try {
            parsed = ParsedSource.parse(ParsedSource.Grammar.RUST, text);
        } catch (ParseTimeoutException e) {
            return new Result(text, 0, 0);
        }
        if (!text.contains(VARIABLE)) {
            return new Result(text, 0, 0);
        }
        SyntaxNode root = SyntaxNode.copyOf(parsed.root(), new SourceText(parsed.bytes()));
        List<TextEdit> edits = new ArrayList<>();
        int functions = 0;
        int constants = 0;
        for (SyntaxNode fn : root.collect(n -> n.is("function_item"), n -> n.is("function_item"))) {
            List<TextEdit> mine = new ArrayList<>();
            int n = renumber(fn, mine);
            if (n > 0) {
                edits.addAll(mine);
                functions++;
                constants += n;
            }
        }
        return new Result(edits.isEmpty() ? text : TextEdit.apply(parsed.bytes(), edits), functions, constants);
    }

    /** The number of constants renumbered in {@code fn} (its edits into {@code edits}), 0 when left alone. */
    private static int renumber(SyntaxNode fn, List<TextEdit> edits) {
        SyntaxNode declaredType = null;
        Map<String, Integer> dense = new LinkedHashMap<>();
        List<SyntaxNode[]> sites = new ArrayList<>(); // {literal node} to replace
        for (SyntaxNode id : fn.collect(n -> n.is("identifier") && n.text().equals(VARIABLE), n -> false)) {
            SyntaxNode p = id.parent;
            if (p.is("let_declaration") && id.field != null && id.field.equals("pattern")
                    || p.is("mut_pattern") && p.parent.is("let_declaration")) {
                SyntaxNode let = p.is("let_declaration") ? p : p.parent;
                declaredType = let.child("type");
                SyntaxNode value = let.child("value");
                if (declaredType == null || !declaredType.text().matches("u64|u32|i64|i32|usize")
                        || value != null && !value.is("integer_literal")) {
                    return 0;
                }
                if (value != null) {
                    sites.add(new SyntaxNode[] {value});
                }
            } else if (p.is("assignment_expression") && p.child("left") == id) {
                SyntaxNode right = p.child("right");
                if (!right.is("integer_literal")) {
                    return 0;
                }
                sites.add(new SyntaxNode[] {right});
            } else if (p.is("match_expression") && p.child("value") == id) {
                for (SyntaxNode arm : p.child("body").namedChildren()) {
                    if (!arm.is("match_arm")) {
                        continue;
                    }
                    SyntaxNode pattern = arm.child("pattern");
                    if (pattern.child("condition") != null) {
                        return 0;
                    }
                    for (SyntaxNode lit : pattern.collect(n -> n.is("integer_literal"), n -> false)) {
                        sites.add(new SyntaxNode[] {lit});
                    }
                    String rest = pattern.text().replaceAll("[0-9_]+|[|\\s]|\\b_\\b", "");
                    if (!rest.isEmpty() && !rest.equals("_")) {
                        return 0; // ranges, bindings, paths: not only constants
                    }
                }
            } else {
                return 0; // read or written some other way
            }
        }
        if (declaredType == null || sites.isEmpty()) {
            return 0;
        }
        for (SyntaxNode[] s : sites) {
            if (!s[0].text().matches("[0-9_]+")) {
                return 0; // a suffixed literal: keep the function as it is rather than compare texts
            }
        }
        for (SyntaxNode[] s : sites) {
            dense.computeIfAbsent(s[0].text().replace("_", ""), k -> dense.size());
        }
        String type = dense.size() <= 256 ? "u8" : dense.size() <= 65536 ? "u16" : "u32";
        edits.add(new TextEdit(declaredType.start, declaredType.end, type));
        for (SyntaxNode[] s : sites) {
            edits.add(new TextEdit(s[0].start, s[0].end, Integer.toString(dense.get(s[0].text().replace("_", "")))));
        }
        return dense.size();
    }
}
