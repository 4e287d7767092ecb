// Model-tier fixture (own writing), shaped like unsafe-libyaml 0.2.11's
// yaml_parser_scan_tag_directive_value (src/scanner.rs:1245, findings.csv of the full run: rust/c2rust-current-block,
// 2 states, 9 constant transitions, 2 exits; model shape 6f78e2d147b9397463439763).
// The first arm only exits (the error path); every constant transition is in the catch-all arm, so a kernel that
// enters each item at the first arm never runs one of them.

pub struct Parser {
    buffer: Vec<u8>,
    pos: usize,
}

pub unsafe fn scan_pair(p: *mut Parser, out_a: *mut u32, out_b: *mut u32) -> bool {
    let mut current_block: u64;
    let mut a: u32 = 0;
    let mut b: u32 = 0;
    if refill(p) {
        current_block = 11400370493011811981;
    } else {
        current_block = 2764839109182373546;
    }
    // expect: rust/c2rust-current-block states=2 const=9 exits=2
    'scan: loop {
        match current_block {
            11400370493011811981 => {
                release(p);
                return false;
            }
            _ => {
                if is_blank(p) {
                    skip(p);
                    if refill(p) {
                        current_block = 11400370493011811981;
                    } else {
                        current_block = 2764839109182373546;
                    }
                } else {
                    if read_word(p, &mut a) {
                        current_block = 11400370493011811981;
                        continue;
                    }
                    if refill(p) {
                        current_block = 11400370493011811981;
                        continue;
                    }
                    if !is_blank(p) {
                        report(p);
                        current_block = 11400370493011811981;
                    } else {
                        while is_blank(p) {
                            skip(p);
                            if refill(p) {
                                current_block = 11400370493011811981;
                                continue 'scan;
                            }
                        }
                        if read_word(p, &mut b) {
                            current_block = 11400370493011811981;
                            continue;
                        }
                        if refill(p) {
                            current_block = 11400370493011811981;
                            continue;
                        }
                        if !is_blank(p) {
                            report(p);
                            current_block = 11400370493011811981;
                        } else {
                            *out_a = a;
                            *out_b = b;
                            return true;
                        }
                    }
                }
            }
        }
    }
}

unsafe fn refill(p: *mut Parser) -> bool {
    (*p).pos >= (*p).buffer.len()
}

unsafe fn is_blank(p: *mut Parser) -> bool {
    (*p).buffer.get((*p).pos) == Some(&b' ')
}

unsafe fn skip(p: *mut Parser) {
    (*p).pos += 1;
}

unsafe fn read_word(p: *mut Parser, out: &mut u32) -> bool {
    *out = (*p).pos as u32;
    false
}

unsafe fn report(_p: *mut Parser) {}

unsafe fn release(_p: *mut Parser) {}
