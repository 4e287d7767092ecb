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
    loop {
        match light {
            Red => {
                seen.push(Red);
                light = Green;
            }
            Green => {
                seen.push(Green);
                let after_green = Yellow;
                light = after_green;
            }
            Yellow => {
                seen.push(Yellow);
                n += 1;
                if n == rounds {
                    return seen;
                }
                light = Red;
            }
        }
    }
}
