// Unlabelled break and continue of the state loop get the loop's new label; a transition followed by
// `continue` becomes one labelled break.
#[derive(Clone, Copy)]
enum Mode {
    Plain,
    Escape,
}

pub fn unescape(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut mode = Mode::Plain;
    let mut i = 0;
    // expect: rust/state-loop var=mode
    loop {
        match mode {
            Mode::Plain => {
                if i >= input.len() {
                    break;
                }
                let b = input[i];
                i += 1;
                if b == b'\\' {
                    mode = Mode::Escape;
                    continue;
                }
                if b == b'\r' {
                    continue;
                }
                out.push(b);
            }
            Mode::Escape => {
                if i >= input.len() {
                    out.push(b'\\');
                    break;
                }
                out.push(match input[i] { b'n' => b'\n', b't' => b'\t', other => other });
                i += 1;
                mode = Mode::Plain;
            }
        }
    }
    out
}
