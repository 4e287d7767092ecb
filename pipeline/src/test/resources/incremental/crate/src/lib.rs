// Incremental-extraction fixture: the crate root. No finding here.
pub mod machine;
pub mod plain;
pub mod state;
