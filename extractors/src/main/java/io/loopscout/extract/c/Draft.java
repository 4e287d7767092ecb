package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;

/** A finding before the file-level facts (file, snippet, mode, confidence) are added. */
record Draft(Pattern pattern, FunctionFacts fn, int startLine, int endLine, String stateVariable, int states,
             int constTransitions, int dynamicTransitions, int fallthroughs, int exits, StateGraph graph) {
}
