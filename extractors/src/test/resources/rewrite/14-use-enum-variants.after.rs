// Variants imported with `use` are constants too; a lowercase local is not, it becomes a plain break.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Light {
    Red,
    Green,
    Yellow,
}
use Light::*;

pub fn cycle(rounds: u32) -> Vec<Light> {
    let mut seen = Vec::new();
    let mut light = Red;
    let mut n = 0;
    // expect: rust/state-loop var=light
    #[cfg_attr(loop_match, loop_match)]
    loop {
        light = 'next_state: { match light {
            Red => {
                seen.push(Red);
                #[cfg_attr(loop_match, const_continue)] break 'next_state Green;
            }
            Green => {
                seen.push(Green);
                let after_green = Yellow;
                break 'next_state after_green;
            }
            Yellow => {
                seen.push(Yellow);
                n += 1;
                if n == rounds {
                    return seen;
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state Red;
            }
        } }
    }
}
