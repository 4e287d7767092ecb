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
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        mode = 'next_state: { match mode {
            Mode::Plain => {
                if i >= input.len() {
                    break 'state_loop;
                }
                let b = input[i];
                i += 1;
                if b == b'\\' {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Escape;
                }
                if b == b'\r' {
                    continue 'state_loop;
                }
                out.push(b);
                mode
            }
            Mode::Escape => {
                if i >= input.len() {
                    out.push(b'\\');
                    break 'state_loop;
                }
                out.push(match input[i] { b'n' => b'\n', b't' => b'\t', other => other });
                i += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Plain;
            }
        } }
    }
    out
}
