// Transitions in the arms of a nested match in final position are final too.
#[derive(Clone, Copy)]
enum Lex {
    Start,
    Ident,
    Number,
}

pub fn kinds(input: &[u8]) -> (u32, u32) {
    let mut lex = Lex::Start;
    let mut i = 0;
    let (mut idents, mut numbers) = (0, 0);
    // expect: rust/state-loop var=lex
    #[cfg_attr(loop_match, loop_match)]
    loop {
        lex = 'next_state: { match lex {
            Lex::Start => { match input.get(i) {
                None => return (idents, numbers),
                Some(b'a'..=b'z') => {
                    idents += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Lex::Ident;
                }
                Some(b'0'..=b'9') => { #[cfg_attr(loop_match, const_continue)] break 'next_state Lex::Number; },
                Some(_) => i += 1,
            }; lex },
            Lex::Ident => {
                while i < input.len() && input[i].is_ascii_lowercase() {
                    i += 1;
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state Lex::Start;
            }
            Lex::Number => {
                numbers += 1;
                while i < input.len() && input[i].is_ascii_digit() {
                    i += 1;
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state Lex::Start;
            }
        } }
    }
}
