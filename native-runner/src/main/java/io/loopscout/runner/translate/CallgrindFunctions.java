package io.loopscout.runner.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Self cost per function from a callgrind output file (format version 1: compressed names {@code fn=(id) name}, defined by {@code fn=} or {@code cfn=},
 * cost lines after each {@code fn=}, and the line after {@code calls=} holding a callee's inclusive cost, which is
 * not the caller's own). What {@code callgrind_annotate --inclusive=no} prints, as data.
 */
public final class CallgrindFunctions {

    private CallgrindFunctions() {
    }

    /** The {@code top} functions by instructions (self cost), most expensive first. */
    public static List<CComparison.FunctionCost> top(Path callgrindOut, int top) throws IOException {
        List<String> events = List.of();
        Map<String, String> names = new HashMap<>();
        Map<String, long[]> cost = new LinkedHashMap<>();
        String fn = null;
        boolean skipNext = false;
        try (BufferedReader in = Files.newBufferedReader(callgrindOut)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("events:")) {
                    events = List.of(line.substring(7).trim().split("\\s+"));
                } else if (line.startsWith("fn=")) {
                    fn = name(line.substring(3), names);
                } else if (line.startsWith("cfn=")) {
                    name(line.substring(4), names); // a callee may define a compressed name first
                } else if (line.startsWith("calls=")) {
                    skipNext = true;
                } else if (!line.isEmpty() && (Character.isDigit(line.charAt(0)) || "+-*".indexOf(line.charAt(0)) >= 0)
                        && fn != null) {
                    if (skipNext) {
                        skipNext = false;
                        continue;
                    }
                    String[] parts = line.trim().split("\\s+");
                    long[] sum = cost.computeIfAbsent(fn, k -> new long[5]);
                    // parts[0] is the position; then one value per event, trailing zeros omitted.
                    for (int i = 1; i < parts.length && i - 1 < events.size(); i++) {
                        int slot = slot(events.get(i - 1));
                        if (slot >= 0) {
                            sum[slot] += Long.parseLong(parts[i]);
                        }
                    }
                }
            }
        }
        List<CComparison.FunctionCost> out = new ArrayList<>();
        cost.forEach((name, c) -> out.add(new CComparison.FunctionCost(name, c[0], c[1] + c[3], c[2] + c[4], c[1],
                c[3], c[2], c[4])));
        out.sort(Comparator.comparingLong(CComparison.FunctionCost::instructions).reversed());
        return List.copyOf(out.subList(0, Math.min(top, out.size())));
    }

    /** Slots: Ir, Bc, Bcm, Bi, Bim. */
    private static int slot(String event) {
        return switch (event) {
            case "Ir" -> 0;
            case "Bc" -> 1;
            case "Bcm" -> 2;
            case "Bi" -> 3;
            case "Bim" -> 4;
            default -> -1;
        };
    }

    /** Resolves {@code (id) name} (defines id) or {@code (id)} (refers back) or a plain name. */
    private static String name(String spec, Map<String, String> names) {
        String s = spec.trim();
        if (!s.startsWith("(")) {
            return s;
        }
        int close = s.indexOf(')');
        String id = s.substring(0, close + 1);
        String rest = s.substring(close + 1).trim();
        if (!rest.isEmpty()) {
            names.put(id, rest);
            return rest;
        }
        return names.getOrDefault(id, id);
    }
}
