// A loop in expression position (`let x = loop ..`): an attribute there would need stmt_expr_attributes, so
// the loop becomes the tail of a block.
pub fn parity(bits: &[bool]) -> bool {
    let mut odd = false;
    let mut i = 0;
    let result = loop {
        // expect: rust/state-loop var=odd
        let odd_now = { #[cfg_attr(loop_match, loop_match)] 'state_loop: loop {
            odd = 'next_state: { match odd {
                false => {
                    if i == bits.len() {
                        break 'state_loop false;
                    }
                    i += 1;
                    if bits[i - 1] {
                        #[cfg_attr(loop_match, const_continue)] break 'next_state true;
                    }
                    odd
                }
                true => {
                    if i == bits.len() {
                        break 'state_loop true;
                    }
                    i += 1;
                    if bits[i - 1] {
                        #[cfg_attr(loop_match, const_continue)] break 'next_state false;
                    }
                    odd
                }
            } }
        } };
        break odd_now;
    };
    result
}
