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
        loop {
            match me {
                Self::On => {
                    ons += 1;
                    me = Self::Off;
                }
                Self::Off => {
                    if left == 0 {
                        return ons;
                    }
                    left -= 1;
                    me = Self::On;
                }
            }
        }
    }
}
