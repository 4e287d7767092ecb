// `const` items are constants for #[const_continue]; so are associated consts of a concrete type.
const START: u16 = 0;
const MIDDLE: u16 = 1;
const END: u16 = 2;

struct Codes;
impl Codes {
    const RESTART: u16 = 0;
}

pub fn hops(mut budget: u32) -> u32 {
    let mut code = START;
    let mut hops = 0;
    // expect: rust/state-loop var=code
    #[cfg_attr(loop_match, loop_match)]
    loop {
        code = 'next_state: { match code {
            START => {
                hops += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state MIDDLE;
            }
            MIDDLE => {
                hops += 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state END;
            }
            END => {
                if budget == 0 {
                    return hops;
                }
                budget -= 1;
                #[cfg_attr(loop_match, const_continue)] break 'next_state Codes::RESTART;
            }
            _ => return 0,
        } }
    }
}
