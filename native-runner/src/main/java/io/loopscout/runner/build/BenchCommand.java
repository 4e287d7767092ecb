package io.loopscout.runner.build;

import java.util.ArrayList;
import java.util.List;

/**
 * A manifest's bench command, split for the protocol. {@code cargo run [cargo args] [-- program args]} is built
 * once per variant with {@code cargo build [cargo args]} and then timed by running the executable directly (no
 * cargo in the timing loop). Any other command is run through {@code sh -c} in every timed run, with the
 * variant's target dir and flags (then process wall time includes cargo's start-up).
 *
 * @param text        the command as written
 * @param cargoRun    whether it is a {@code cargo run}
 * @param buildArgs   the cargo arguments of the build step (starting with {@code build})
 * @param programArgs the arguments of the executable (cargo run only)
 * @param target      the {@code --bin}/{@code --example} name, or null
 */
public record BenchCommand(String text, boolean cargoRun, List<String> buildArgs, List<String> programArgs,
                           String target) {

    /** Parses a bench command; throws IllegalArgumentException naming the problem for an unusable one. */
    public static BenchCommand parse(String command) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("empty bench command");
        }
        List<String> t = split(command);
        if (t.size() >= 2 && t.get(0).equals("cargo") && t.get(1).equals("run")) {
            int dd = t.indexOf("--");
            List<String> cargo = t.subList(2, dd < 0 ? t.size() : dd);
            List<String> prog = dd < 0 ? List.of() : t.subList(dd + 1, t.size());
            List<String> build = new ArrayList<>();
            build.add("build");
            build.addAll(cargo);
            String target = null;
            for (int i = 0; i + 1 < cargo.size(); i++) {
                if (cargo.get(i).equals("--bin") || cargo.get(i).equals("--example")) {
                    target = cargo.get(i + 1);
                }
            }
            return new BenchCommand(command, true, build, List.copyOf(prog), target);
        }
        return new BenchCommand(command, false, List.of("build", "--release"), List.of(), null);
    }

    /** Splits like a POSIX shell for words, single and double quotes and backslashes (no expansions). */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote in bench command: " + s);
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
