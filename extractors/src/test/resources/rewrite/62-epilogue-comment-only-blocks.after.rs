// An epilogue moving into a block that holds only a comment (mailparse's `addrparse_inner`: `// continue in
// same state`) goes on lines of its own before the block's `}`, indented as the block's code, like every other copy.
#[derive(Clone, Copy, PartialEq)]
enum Scan {
    Text,
    Quoted,
}

pub fn unquoted(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    let mut scan = Scan::Text;
    let mut c = match it.next() {
        None => return out,
        Some(c) => c,
    };
    // expect: rust/state-loop var=scan
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        scan = 'next_state: { match scan {
            Scan::Text => {
                if c == '"' {
                    c = match it.next() {
                        None => break 'state_loop,
                        Some(c) => c,
                    };
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Scan::Quoted;
                } else if c == ' ' {
                    // spaces outside quotes are dropped
                    c = match it.next() {
                        None => break 'state_loop,
                        Some(c) => c,
                    };
                } else {
                    out.push(c);
                    c = match it.next() {
                        None => break 'state_loop,
                        Some(c) => c,
                    };
                }
                scan
            }
            Scan::Quoted => {
                if c == '"' {
                    c = match it.next() {
                        None => break 'state_loop,
                        Some(c) => c,
                    };
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Scan::Text;
                } else {
                    out.push(c);
                    c = match it.next() {
                        None => break 'state_loop,
                        Some(c) => c,
                    };
                }
                scan
            }
        } }
    }
    out
}
