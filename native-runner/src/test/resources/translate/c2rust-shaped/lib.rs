#![allow(dead_code, non_snake_case, unused_assignments, unused_mut)]

pub mod src {
    pub mod machine;
} // mod src
