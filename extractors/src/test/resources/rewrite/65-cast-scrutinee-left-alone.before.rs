// c2rust's C switch: the match is on a cast of the state (`st as ::core::ffi::c_uint`). #[loop_match] needs the
// match on the place itself, and whether the cast can be dropped depends on the place's type: left alone.
#![allow(non_camel_case_types, non_upper_case_globals)]

pub type state = ::core::ffi::c_uint;
pub const s_word: state = 3;
pub const s_start: state = 2;
pub const s_dead: state = 1;

pub unsafe fn lex(p: &[u8]) -> i32 {
    let mut st: state = s_start;
    let mut i: usize = 0;
    // expect: rust/state-loop var=st const=3 reason=cast-scrutinee
    loop {
        match st as ::core::ffi::c_uint {
            2 => {
                st = if p[i] == b' ' { s_start } else { s_word };
            }
            3 => {
                i += 1;
                st = s_dead as ::core::ffi::c_int as state;
            }
            _ => return i as i32,
        }
    }
}

pub struct lexer {
    pub substate: ::core::ffi::c_uint,
}

pub unsafe fn run(h: *mut lexer, n: usize) -> usize {
    let mut i: usize = 0;
    // expect: rust/field-state-loop var=(*h).substate const=2 reason=cast-scrutinee
    loop {
        match (*h).substate as ::core::ffi::c_uint {
            0 => {
                i += 1;
                (*h).substate = 1 as ::core::ffi::c_uint;
            }
            1 => {
                (*h).substate = if i < n { 0 as ::core::ffi::c_uint } else { 2 };
            }
            _ => return i,
        }
    }
}
