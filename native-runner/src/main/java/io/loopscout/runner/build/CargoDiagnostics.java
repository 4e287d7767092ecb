package io.loopscout.runner.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cause of a failed cargo command, read from its log ({@code --message-format=json} on stdout, cargo's own
 * text on stderr): the first rustc error ({@code compiler-message} of level error, its rendered text), else the
 * tail of a failed build script's stderr, else cargo's first {@code error:} line with its last "Caused by" line.
 * One line, at most {@link #MAX} characters, so it fits failures.csv.
 */
public final class CargoDiagnostics {
    /** The longest cause returned. */
    static final int MAX = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCRIPT_TAIL_LINES = 4;

    private CargoDiagnostics() {
    }

    /** The cause of the failure logged in {@code log}, or empty when the log names none. */
    public static String firstError(String log) {
        String compiler = firstCompilerError(log);
        if (!compiler.isEmpty()) {
            return compiler;
        }
        List<String> lines = log.lines().toList();
        String script = buildScriptStderr(lines);
        if (!script.isEmpty()) {
            return script;
        }
        return cargoError(lines);
    }

    /** The rendered text of the first compiler-message of level error, lines joined. */
    private static String firstCompilerError(String log) {
        for (String line : log.split("\n")) {
            if (!line.startsWith("{\"reason\":\"compiler-message\"")) {
                continue;
            }
            try {
                JsonNode msg = JSON.readTree(line).path("message");
                if ("error".equals(msg.path("level").asText())) {
                    String rendered = msg.path("rendered").asText(msg.path("message").asText());
                    return oneLine(rendered.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("|"))
                            .toList());
                }
            } catch (IOException e) {
                // a line cut at the log cap: look further
            }
        }
        return "";
    }

    /** "failed to run custom build command for `x`" and the last lines of the script's stderr. */
    private static String buildScriptStderr(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.startsWith("error: failed to run custom build command")) {
                continue;
            }
            List<String> stderr = new ArrayList<>();
            boolean in = false;
            for (int j = i + 1; j < lines.size(); j++) {
                String s = lines.get(j).strip();
                if (s.equals("--- stderr")) {
                    in = true;
                } else if (s.startsWith("{\"reason\":") || s.startsWith("warning: build failed")
                        || (s.startsWith("error") && !in)) {
                    break;
                } else if (in && !s.isEmpty() && !s.startsWith("note: run with `RUST_BACKTRACE")) {
                    stderr.add(s);
                }
            }
            List<String> tail = stderr.subList(Math.max(0, stderr.size() - SCRIPT_TAIL_LINES), stderr.size());
            List<String> out = new ArrayList<>();
            out.add(l.substring("error: ".length()));
            out.addAll(tail);
            return oneLine(out);
        }
        return "";
    }

    /** Cargo's first error line and, when it has one, the last "Caused by:" line below it. */
    private static String cargoError(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.startsWith("error") || l.startsWith("error: could not compile")) {
                continue;
            }
            String cause = "";
            for (int j = i + 1; j < lines.size(); j++) {
                String s = lines.get(j).strip();
                if (s.startsWith("{\"reason\":") || s.startsWith("error")) {
                    break;
                }
                if (!s.isEmpty() && !s.equals("Caused by:")) {
                    cause = s;
                }
            }
            return oneLine(cause.isEmpty() ? List.of(l) : List.of(l, cause));
        }
        return "";
    }

    private static String oneLine(List<String> parts) {
        String s = String.join(" | ", parts);
        return s.length() > MAX ? s.substring(0, MAX - 3) + "..." : s;
    }
}
