package io.loopscout.extract.rewrite.flatten;

import io.loopscout.extract.rewrite.flatten.Chain.Arm;
import io.loopscout.extract.rewrite.flatten.Chain.Element;
import io.loopscout.extract.rewrite.flatten.Chain.LoopBlock;
import io.loopscout.extract.rewrite.flatten.Chain.MatchBlock;
import io.loopscout.extract.rewrite.flatten.Chain.PlainRun;
import io.loopscout.extract.rewrite.flatten.Chain.Sequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dense states of a flattened chain, one per (match block, non-empty arm) and per plain run, numbered in
 * source order, and the static resolution of "the state variable holds K at this point of the sequence" to the
 * state that handles K next: the first later element that matches K or takes anything (a non-empty {@code _}
 * arm, a plain run); an empty arm passes K on; the end of a loop body wraps to its first element, the end of the
 * prefix enters the loop. A position from which K reaches no state gets the idle state (the original spins).
 */
final class StateTable {

    /** A program point: before element {@code index} of {@code sequence}. */
    record Position(Sequence sequence, int index) {
    }

    /** One state of the flattened match: the code of one arm or plain run, placed at a position. */
    record State(int id, Element element, Arm arm, Position at) {
    }

    private final Chain chain;
    private final List<State> states = new ArrayList<>();
    private final Map<Object, State> byCode = new IdentityHashMap<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private Integer idle;

    StateTable(Chain chain) {
        this.chain = chain;
        number(chain.prefix);
        number(chain.body);
        for (MatchBlock m : chain.matchBlocks()) {
            m.arms().forEach(a -> keys.addAll(a.keys()));
        }
    }

    private void number(Sequence s) {
        for (int i = 0; i < s.elements.size(); i++) {
            Element e = s.elements.get(i);
            if (e instanceof MatchBlock m) {
                for (Arm a : m.arms()) {
                    if (!a.empty()) {
                        add(a, new State(states.size(), e, a, new Position(s, i)));
                    }
                }
            } else if (e instanceof PlainRun r) {
                add(r, new State(states.size(), e, null, new Position(s, i)));
            } else if (e instanceof LoopBlock l) {
                number(l.body());
            }
        }
    }

    private void add(Object code, State st) {
        states.add(st);
        byCode.put(code, st);
    }

    List<State> states() {
        return states;
    }

    /** The id of the idle state, or null when no position needs it. */
    Integer idle() {
        return idle;
    }

    /** Number of states including the idle one. */
    int size() {
        return states.size() + (idle == null ? 0 : 1);
    }

    /** The entry point: the prefix's first element, or the loop's. */
    Position entry() {
        return chain.prefix.elements.isEmpty() ? new Position(chain.body, 0) : new Position(chain.prefix, 0);
    }

    /** The position after element {@code index} of {@code s}. */
    static Position next(Sequence s, int index) {
        return new Position(s, index + 1);
    }

    /** The state that runs next when control reaches {@code p} with the variable holding {@code key} (null: none of the keys). */
    int resolve(Position p, String key) {
        Set<Position> seen = new HashSet<>();
        Position at = normal(p);
        while (seen.add(at)) {
            Element e = at.sequence().elements.get(at.index());
            if (e instanceof PlainRun r) {
                return byCode.get(r).id();
            }
            if (e instanceof LoopBlock l) {
                at = normal(new Position(l.body(), 0));
                continue;
            }
            Arm hit = null;
            for (Arm a : ((MatchBlock) e).arms()) {
                if (key != null && a.keys().contains(key)) {
                    hit = a;
                    break;
                }
            }
            if (hit == null) {
                hit = ((MatchBlock) e).arms().stream().filter(Arm::wildcard).findFirst().orElse(null);
            }
            if (hit != null && !hit.empty()) {
                return byCode.get(hit).id();
            }
            at = normal(next(at.sequence(), at.index()));
        }
        if (idle == null) {
            idle = states.size();
        }
        return idle;
    }

    /** Wraps the end of a loop body to its start and the end of the prefix into the loop. */
    private Position normal(Position p) {
        Position at = p;
        while (at.index() >= at.sequence().elements.size()) {
            Sequence s = at.sequence();
            at = s.isLoop() ? new Position(s, 0) : new Position(s.afterSequence, s.afterIndex);
            if (s.isLoop() && s.elements.isEmpty()) {
                throw new ChainReader.NotAChain("empty-loop", "an empty loop body");
            }
        }
        return at;
    }

    /**
     * The state reached from {@code p} as Rust: a constant when every value of the variable goes to the same
     * state, else a {@code match} on the variable.
     */
    Dispatch dispatch(Position p, String variable) {
        int other = resolve(p, null);
        Map<Integer, List<String>> byTarget = new LinkedHashMap<>();
        for (String k : keys) {
            int t = resolve(p, k);
            if (t != other) {
                byTarget.computeIfAbsent(t, x -> new ArrayList<>()).add(k);
            }
        }
        if (byTarget.isEmpty()) {
            return new Dispatch(Integer.toString(other), true);
        }
        StringBuilder b = new StringBuilder("match ").append(variable).append(" { ");
        byTarget.forEach((t, ks) -> b.append(String.join(" | ", ks)).append(" => ").append(t).append(", "));
        b.append("_ => ").append(other).append(" }");
        return new Dispatch(b.toString(), false);
    }

    /** Rust for the next state; {@code constant} when it is a literal (a {@code #[const_continue]} target). */
    record Dispatch(String text, boolean constant) {
    }
}
