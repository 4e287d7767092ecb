// A `break` inside a macro's tokens cannot be relabelled reliably: the loop is left alone. (A break hidden in a
// macro's definition is not visible here at all; the crate rewriter's build then fails and reverts the loop.)
macro_rules! verbatim {
    ($($t:tt)*) => {
        $($t)*
    };
}

pub fn until_zero(xs: &[u8]) -> usize {
    let mut s = 0u8;
    let mut i = 0;
    // expect: rust/state-loop var=s reason=break-in-macro
    loop {
        match s {
            0 => {
                verbatim!(if i == xs.len() { break; });
                s = if xs[i] == 0 { 1 } else { 0 };
                i += 1;
            }
            _ => {
                i += 1;
                s = 0;
            }
        }
    }
    i
}
