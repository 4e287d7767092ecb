// A loop in expression position (`let x = loop ..`): an attribute there would need stmt_expr_attributes, so
// the loop becomes the tail of a block.
pub fn parity(bits: &[bool]) -> bool {
    let mut odd = false;
    let mut i = 0;
    let result = loop {
        // expect: rust/state-loop var=odd
        let odd_now = loop {
            match odd {
                false => {
                    if i == bits.len() {
                        break false;
                    }
                    i += 1;
                    if bits[i - 1] {
                        odd = true;
                    }
                }
                true => {
                    if i == bits.len() {
                        break true;
                    }
                    i += 1;
                    if bits[i - 1] {
                        odd = false;
                    }
                }
            }
        };
        break odd_now;
    };
    result
}
