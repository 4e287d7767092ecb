package io.loopscout.extract.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state graph of a C finding: arms are case groups; constant, fallthrough, dynamic and exit edges. */
class CStateGraphTest {

    @Test
    void armsAndEdgesOfASwitchStateLoop() {
        String src = String.join("\n",
                "enum { A, B, C, D };",
                "int f(int s, int x) {",
                "    for (;;) {",
                "        switch (s) {",
                "        case A: case B:",               // arm 0
                "            s = C;",                     // constant 0 -> 1
                "            /* fallthrough */",          // fallthrough 0 -> 1
                "        case C:",                        // arm 1
                "            if (x) return 1;",           // exit from 1
                "            s = x + 1;",                 // dynamic from 1
                "            break;",
                "        case D:",                        // arm 2
                "            s = A;",                     // constant 2 -> 0
                "            break;",
                "        default:",                       // arm 3
                "            s = 9;",                     // constant to a value without a case: the default arm
                // (not right after the store: a local stored just before leaving is a result, not a transition)
                "            if (x > 5) goto out;",       // exit from 3
                "            break;",
                "        }",
                "    }",
                "out:",
                "    return 0;",
                "}",
                "");
        Finding f = new CExtractor().extract(new SourceFile("p", "1", "g.c", Language.C, src)).findings().get(0);
        StateGraph g = f.graph();
        assertEquals(List.of("case A: case B:", "case C:", "case D:", "default:"), g.states());
        assertEquals(Set.of(
                new Edge(0, 1, EdgeKind.CONSTANT), new Edge(0, 1, EdgeKind.FALLTHROUGH),
                new Edge(1, -1, EdgeKind.EXIT), new Edge(1, -1, EdgeKind.DYNAMIC),
                new Edge(2, 0, EdgeKind.CONSTANT),
                new Edge(3, 3, EdgeKind.CONSTANT), new Edge(3, -1, EdgeKind.EXIT)), Set.copyOf(g.edges()));
        assertEquals(7, g.edges().size());
        assertEquals(4, f.states());
        assertEquals(4, f.constTransitions(), "three constant stores and one fallthrough (patterns.md)");
        assertEquals(1, f.dynamicTransitions());
        assertEquals(1, f.fallthroughs());
        assertEquals(2, f.exits());
        assertEquals("s", f.stateVariable());
        assertEquals(3, f.startLine());
        assertEquals(20, f.endLine());
        assertEquals("f", f.function());
    }
}
