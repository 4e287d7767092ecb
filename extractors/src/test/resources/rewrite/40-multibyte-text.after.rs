// Multibyte text before and inside the loops (comments, strings, a non-ASCII local): the rewriter edits
// UTF-8 byte ranges, so every edit must land where it would in ASCII text. « Ünïcödé » — 状态机 — 🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Début,
    Fin,
}

pub fn label(input: &str) -> String {
    let run = |text: &str| {
        // 🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀
        // 🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀
        let mut mode = Mode::Début;
        let mut out = String::new();
        // expect: rust/state-loop var=mode
        #[cfg_attr(loop_match, loop_match)]
        loop {
            mode = 'next_state: { match mode {
                Mode::Début => {
                    let größe = text.chars().count();
                    out.push_str("« début » — 🦀 ");
                    out.push_str(&größe.to_string());
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Fin;
                }
                Mode::Fin => {
                    out.push_str(" ✓ fin");
                    return out;
                }
            } }
        }
    };
    run(input)
}
