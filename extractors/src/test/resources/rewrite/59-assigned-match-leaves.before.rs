// Leaves of every kind under `state = match state { .. }`: if/else branches, a block's tail, a nested match and
// a value computed at run time (`table[n]`, it stays a dynamic transition); `break`, `continue` and `return`
// leaves leave the loop and get no assignment. The statements before the match move into the arms.
pub fn classify(input: &[u8], table: &[u8; 4]) -> (u8, usize) {
    let mut st: u8 = 0;
    let mut i = 0;
    // expect: rust/state-loop var=st
    loop {
        if i >= input.len() {
            return (st, i);
        }
        let b = input[i];
        i += 1;
        st = match st {
            0 => {
                if b == b'a' {
                    1
                } else if b == b'z' {
                    break;
                } else {
                    2
                }
            }
            1 => {
                let n = b % 4;
                if n == 3 {
                    continue;
                }
                table[n as usize] % 3
            }
            _ => match b {
                b'!' => return (255, i),
                _ => 0,
            },
        };
    }
    (st, i)
}
