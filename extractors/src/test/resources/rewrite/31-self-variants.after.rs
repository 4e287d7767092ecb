// `Self::Variant` inside the state enum's own impl is a constant path.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Blink {
    On,
    Off,
}

impl Blink {
    pub fn run(self, times: u32) -> u32 {
        let mut me = self;
        let mut ons = 0;
        let mut left = times;
        // expect: rust/state-loop var=me
        #[cfg_attr(loop_match, loop_match)]
        loop {
            me = 'next_state: { match me {
                Self::On => {
                    ons += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Self::Off;
                }
                Self::Off => {
                    if left == 0 {
                        return ons;
                    }
                    left -= 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Self::On;
                }
            } }
        }
    }
}
