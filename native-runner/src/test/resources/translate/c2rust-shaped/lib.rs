#![allow(dead_code, non_snake_case, unused_assignments, unused_mut)]
// c2rust declares unstable features (bzip2's translation: linkage, raw_ref_op), so every build of it needs
// RUSTC_BOOTSTRAP=1, also the one without --cfg loop_match.
#![feature(linkage)]

pub mod src {
    pub mod machine;
} // mod src
