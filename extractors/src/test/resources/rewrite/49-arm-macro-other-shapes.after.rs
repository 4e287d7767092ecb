// A macro with two rules is not written out; a macro whose arm does more than assign the state and jump has
// nothing to resolve; the plain assignments of the other arms are rewritten as usual.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Mode {
    One,
    Two,
    Three,
}

macro_rules! twice {
    ($m: ident, $v: expr) => {
        $m = $v
    };
    ($m: ident) => {
        $m = Mode::One
    };
}

macro_rules! logged {
    ($m: ident, $log: ident, $f: expr) => {
        match $f {
            Some(next) => {
                $log.push(1);
                $m = next;
            }
            None => return $log.len(),
        }
    };
}

pub fn run(input: &[u8]) -> usize {
    let mut mode = Mode::One;
    let mut log = Vec::new();
    let mut i = 0;
    // expect: rust/state-loop var=mode
    #[cfg_attr(loop_match, loop_match)]
    loop {
        mode = 'next_state: { match mode {
            Mode::One => { twice!(mode, Mode::Two); mode },
            Mode::Two => { logged!(mode, log, {
                i += 1;
                if i > input.len() { None } else { Some(Mode::Three) }
            }); mode },
            Mode::Three => {
                if i < input.len() && input[i] == 0 {
                    return 0;
                }
                #[cfg_attr(loop_match, const_continue)] break 'next_state Mode::One;
            }
        } }
    }
}
