// Hostile-corpus fixture: HostileInputsTest appends 5,000 nested blocks inside this loop; the extractor must
// report the file as too_deep (run.json file_outcomes) instead of overflowing its stack.
pub fn deep() {
    loop {
