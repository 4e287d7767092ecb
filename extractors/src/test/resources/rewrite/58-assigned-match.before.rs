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
    loop {
        let c = chars.next();
        mode = match mode {
            Mode::Gap => match c {
                None => break,
                Some(' ') => Mode::Gap,
                Some('"') => Mode::Quoted,
                Some(c) => {
                    word.push(c);
                    Mode::Word
                }
            },
            Mode::Word => match c {
                None => {
                    out.push(std::mem::take(&mut word));
                    break;
                }
                Some(' ') => {
                    out.push(std::mem::take(&mut word));
                    Mode::Gap
                }
                Some(c) => {
                    word.push(c);
                    Mode::Word
                }
            },
            Mode::Quoted => match c {
                None => return None,
                Some('"') => Mode::Word,
                Some(c) => {
                    word.push(c);
                    Mode::Quoted
                }
            },
        };
    }
    Some(out)
}
