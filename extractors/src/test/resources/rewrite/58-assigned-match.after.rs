// The next state as the value of every arm (`state = match state { .. }`, shell-words' `split`): the assignment
// moves into the leaves of the arms (`Some(' ') => state = Gap`), where nothing runs after it, so each constant
// leaf becomes a #[const_continue]; the statement before the match moves into the arms as a prologue.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Gap,
    Word,
    Quoted,
}

pub fn words(s: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = s.chars();
    let mut mode = Mode::Gap;
    // expect: rust/state-loop var=mode
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        mode = 'next_state: { match mode {
            Mode::Gap => {
                let c = chars.next();
                match c {
                None => break 'state_loop,
                Some(' ') => { #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Gap; },
                Some('"') => { #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Quoted; },
                Some(c) => {
                    word.push(c);
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Word;
                }
            }
            },
            Mode::Word => {
                let c = chars.next();
                match c {
                None => {
                    out.push(std::mem::take(&mut word));
                    break 'state_loop;
                }
                Some(' ') => {
                    out.push(std::mem::take(&mut word));
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Gap;
                }
                Some(c) => {
                    word.push(c);
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Word;
                }
            }
            },
            Mode::Quoted => {
                let c = chars.next();
                match c {
                None => return None,
                Some('"') => { #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Word; },
                Some(c) => {
                    word.push(c);
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::Quoted;
                }
            }
            },
        } };
    }
    Some(out)
}
