// re2rust's output (comrak's scanners.rs): every transition is `yystate = N; continue 'yyl;`. Each such pair
// becomes one #[const_continue] break, after which nothing names 'yyl any more: the label goes too, or the
// rewritten crate would warn "unused label" on stable for every scanner.
pub fn spaces(s: &str) -> Option<usize> {
    let mut cursor = 0;
    let len = s.len();
    {
        #[allow(unused_assignments)]
        let mut yych: u8 = 0;
        let mut yystate: usize = 0;
        // expect: rust/state-loop var=yystate
        #[cfg_attr(loop_match, loop_match)]
        loop {
            yystate = 'next_state: { match yystate {
                0 => {
                    yych = if cursor < len { s.as_bytes()[cursor] } else { 0 };
                    cursor += 1;
                    match yych {
                        0x20 => {
                            #[cfg_attr(loop_match, const_continue)] break 'next_state 1;
                        }
                        _ => {
                            #[cfg_attr(loop_match, const_continue)] break 'next_state 2;
                        }
                    }
                }
                1 => {
                    yych = if cursor < len { s.as_bytes()[cursor] } else { 0 };
                    match yych {
                        0x20 => {
                            cursor += 1;
                            #[cfg_attr(loop_match, const_continue)] break 'next_state 1;
                        }
                        _ => {
                            #[cfg_attr(loop_match, const_continue)] break 'next_state 3;
                        }
                    }
                }
                2 => {
                    return None;
                }
                3 => {
                    return Some(cursor);
                }
                _ => {
                    panic!("internal lexer error")
                }
            } }
        }
    }
}
