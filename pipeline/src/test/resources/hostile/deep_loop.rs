// Hostile-corpus fixture: HostileInputsTest appends 5,000 nested blocks inside this loop; the extractor must
// report the file as too_deep (run.json file_outcomes) instead of overflowing its stack. The file holds a loop and a
// match, so the extractor's prefilter (RustPrefilters.mayHoldFindings) lets it through to the parse.
pub fn deep(state: u8) {
    loop {
        match state { _ => {} }
