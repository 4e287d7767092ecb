package io.loopscout.extract.rust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code macro_rules!} of one file that assign a loop's state variable, directly or through another of them:
 * simd-json's parser loop makes all its transitions through {@code goto!(State)} ({@code state = $state;
 * continue}) inside other local macros ({@code object_continue!()} holds {@code goto!(ScopeEnd)}). Read only for a
 * loop the text prefilter would otherwise drop, and then once per file.
 */
final class LocalMacros {

    private static final Pattern RULES = Pattern.compile("macro_rules!\\s*([A-Za-z_]\\w*)\\s*([({\\[])");
    private static final Pattern INVOCATION = Pattern.compile("(?<![\\w$])([A-Za-z_]\\w*)\\s*!\\s*([({\\[])");
    private static final Pattern STATE_CONSTANT = Pattern.compile(
            "(?:[A-Za-z_]\\w*\\s*::\\s*)*[A-Z]\\w*|-?\\d\\w*|'(?:\\\\.|[^'])'|true|false");
    private static final int MAX_RULES = 64 * 1024;

    /**
     * The macros assigning one state variable.
     *
     * @param direct  macros whose rules assign it from a metavariable: an invocation's first state name is its target
     * @param targets macros whose expansion assigns it constants (in their own rules or through a direct macro
     *                invoked with a constant): name → those constants
     */
    record Assigning(Set<String> direct, Map<String, List<String>> targets) {

        boolean isEmpty() {
            return direct.isEmpty() && targets.isEmpty();
        }

        /** The names of the assigning macros invoked in {@code text}, or an empty list. */
        List<String> invokedIn(String text) {
            if (isEmpty()) {
                return List.of();  // most variables have no assigning macro: no scan of the loop's text
            }
            List<String> out = new ArrayList<>();
            Matcher m = INVOCATION.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                if ((direct.contains(name) || targets.containsKey(name)) && !out.contains(name)) {
                    out.add(name);
                }
            }
            return out;
        }
    }

    private final String text;
    private Map<String, String> rules;
    private final Map<String, Assigning> byVariable = new HashMap<>();

    LocalMacros(String text) {
        this.text = text;
    }

    /** The local macros assigning {@code var} (a compact place: {@code state}, {@code self.state}). */
    Assigning assigning(String var) {
        return byVariable.computeIfAbsent(var, this::compute);
    }

    private Assigning compute(String var) {
        Map<String, String> all = rules();
        if (all.isEmpty() || !LoopAnalysis.isPlace(var)) {
            return new Assigning(Set.of(), Map.of());
        }
        String flexVar = LoopAnalysis.flexible(var);
        Pattern fromMeta = Pattern.compile("(?<![\\w.$])" + flexVar + "\\s*=(?![=>])\\s*\\$");
        Pattern fromConstant = Pattern.compile("(?<![\\w.$])" + flexVar + "\\s*=(?![=>])\\s*("
                + STATE_CONSTANT.pattern() + ")\\s*(?=[;,)}\\]])");
        java.util.HashSet<String> direct = new java.util.HashSet<>();
        Map<String, List<String>> targets = new LinkedHashMap<>();
        all.forEach((name, body) -> {
            if (fromMeta.matcher(body).find()) {
                direct.add(name);
            }
            Matcher c = fromConstant.matcher(body);
            while (c.find()) {
                targets.computeIfAbsent(name, k -> new ArrayList<>()).add(c.group(1).replaceAll("\\s+", ""));
            }
        });
        if (direct.isEmpty() && targets.isEmpty()) {
            return new Assigning(Set.of(), Map.of());
        }
        // Through other macros, to a fixpoint: goto!(X) in object_continue!'s rules, object_continue!() in others
        // (bounded: macros invoking each other would grow their lists for ever).
        Map<String, List<String>> own = new HashMap<>(targets);
        for (int round = 0, grew = 1; grew > 0 && round < 16; round++) {
            grew = 0;
            for (Map.Entry<String, String> e : all.entrySet()) {
                List<String> found = new ArrayList<>(own.getOrDefault(e.getKey(), List.of()));
                Matcher m = INVOCATION.matcher(e.getValue());
                while (m.find()) {
                    String callee = m.group(1);
                    if (callee.equals(e.getKey())) {
                        continue;
                    }
                    if (direct.contains(callee)) {
                        String args = bracketed(e.getValue(), m.end() - 1);
                        Matcher k = STATE_CONSTANT.matcher(args);
                        if (k.find()) {
                            found.add(k.group().replaceAll("\\s+", ""));
                        }
                    }
                    found.addAll(targets.getOrDefault(callee, List.of()));
                }
                List<String> had = targets.getOrDefault(e.getKey(), List.of());
                if (!direct.contains(e.getKey()) && had.size() < found.size() && found.size() <= 64) {
                    targets.put(e.getKey(), found);
                    grew++;
                }
            }
        }
        return new Assigning(Set.copyOf(direct), targets);
    }

    /** Each macro's rules text (between its outer brackets), read once. */
    private Map<String, String> rules() {
        if (rules == null) {
            rules = new HashMap<>();
            Matcher m = RULES.matcher(text);
            while (m.find()) {
                rules.put(m.group(1), bracketed(text, m.end() - 1));
            }
        }
        return rules;
    }

    /** The text inside the bracket opening at {@code open} (bounded: a runaway body is cut). */
    private static String bracketed(String s, int open) {
        int depth = 0;
        int limit = Math.min(s.length(), open + MAX_RULES);
        for (int i = open; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return s.substring(open + 1, i);
            }
        }
        return s.substring(open + 1, limit);
    }
}
