// The same method called without `?` (its `Err` ignored) goes on after changing the state: the prologue does not
// move and the loop is left alone. With `?` on a method whose only state change precedes `return Err(..)`, the
// second loop is rewritten.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Link {
    Open,
    Closed,
}

pub struct Conn {
    link: Link,
    errors: u32,
}

impl Conn {
    fn fail(&mut self) -> Result<(), u32> {
        if self.errors > 3 {
            self.link = Link::Closed;
            return Err(self.errors);
        }
        Ok(())
    }

    pub fn pump(&mut self, input: &[u8]) -> u32 {
        let mut i = 0;
        // expect: rust/field-state-loop var=self.link reason=statements-around-match
        loop {
            let _ = self.fail();
            match self.link {
                Link::Open => {
                    if i == input.len() || input[i] == 0 {
                        self.link = Link::Closed;
                    } else {
                        self.errors += u32::from(input[i] > 200);
                        i += 1;
                    }
                }
                Link::Closed => return self.errors,
            }
        }
    }

    pub fn pump_checked(&mut self, input: &[u8]) -> Result<u32, u32> {
        let mut i = 0;
        // expect: rust/field-state-loop var=self.link
        let mut link = self.link;
        #[cfg_attr(loop_match, loop_match)]
        loop {
            link = 'next_state: { match link {
                Link::Open => {
                    self.fail()?;
                    if i == input.len() || input[i] == 0 {
                        self.link = Link::Closed;
                        #[cfg_attr(loop_match, const_continue)] break 'next_state Link::Closed;
                    }
                    self.errors += u32::from(input[i] > 200);
                    i += 1;
                    self.link
                }
                Link::Closed => {
                    self.fail()?;
                    return Ok(self.errors)
                },
            } }
        }
    }
}
