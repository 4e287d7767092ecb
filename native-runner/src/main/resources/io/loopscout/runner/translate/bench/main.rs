//! cbench: times one C library's compress and decompress API on a corpus.
//!
//! The same source is built once per variant; only the crate behind `backend` changes (the C library, the
//! c2rust translation, its #[loop_match] rewrite, a Rust port exporting the C API). `codec.rs` is the library's
//! part (bzip2, lz4 or zlib, chosen by the harness): it declares the exported symbols and never names the
//! backend's Rust paths.
//!
//! Usage: cbench compress|decompress [--repeat N] [--limit BYTES] [--level L] [--chunk BYTES] FILE...
//! (`--chunk`: decompress feeds the library that many input bytes per call, where the codec streams; 0: all at once)
//! Prints one line per timed repetition:
//!   mode=compress rep=0 seconds=1.234567 bytes_in=.. bytes_out=.. digest=0123abcd..
//! and after the last repetition `LOOPSCOUT_NS=<nanoseconds of that repetition>` (the native runner's harness
//! marker). Only the calls into the library are timed; reading files, the untimed compression that feeds
//! `decompress`, and the round-trip check are outside the clock.

extern crate backend as _;

mod codec;

use codec::{compress, decompress};
use std::ffi::c_int;
use std::process::ExitCode;
use std::time::Instant;

struct Args {
    mode: String,
    repeat: usize,
    limit: Option<usize>,
    level: c_int,
    chunk: usize,
    files: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mode = it.next().ok_or("missing mode (compress|decompress)")?;
    if mode != "compress" && mode != "decompress" {
        return Err(format!("unknown mode {mode:?}; expected compress or decompress"));
    }
    let mut args = Args { mode, repeat: 1, limit: None, level: codec::DEFAULT_LEVEL, chunk: 0, files: Vec::new() };
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--repeat" => args.repeat = value("--repeat")?.parse().map_err(|e| format!("--repeat: {e}"))?,
            "--limit" => args.limit = Some(value("--limit")?.parse().map_err(|e| format!("--limit: {e}"))?),
            "--level" => args.level = value("--level")?.parse().map_err(|e| format!("--level: {e}"))?,
            "--chunk" => args.chunk = value("--chunk")?.parse().map_err(|e| format!("--chunk: {e}"))?,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => args.files.push(a),
        }
    }
    if args.files.is_empty() {
        return Err("no input files".into());
    }
    Ok(args)
}

/// Reads every file; with a limit, keeps the first limit/len(files) bytes of each, so a small slice still
/// holds every kind of data.
fn read_inputs(args: &Args) -> Result<Vec<Vec<u8>>, String> {
    let per_file = args.limit.map(|l| (l / args.files.len()).max(1));
    args.files.iter().map(|f| {
        let mut data = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
        if let Some(n) = per_file { data.truncate(n); }
        Ok(data)
    }).collect()
}

/// FNV-1a 64: a dependency-free fingerprint; every correct variant must print the same one.
fn fnv1a(parts: &[Vec<u8>]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for &b in p {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

fn run(args: &Args) -> Result<(), String> {
    let inputs = read_inputs(args)?;
    let bytes_in: usize = inputs.iter().map(Vec::len).sum();
    let compressed: Vec<Vec<u8>> = if args.mode == "decompress" {
        inputs.iter().map(|i| compress(i, args.level)).collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    // Written once before the clock starts: the kernel maps zeroed pages lazily, and those page faults would
    // otherwise land in the first timed decompression.
    let mut scratch: Vec<Vec<u8>> = inputs.iter().map(|i| vec![1u8; i.len()]).collect();
    for rep in 0..args.repeat {
        let (seconds, outputs) = if args.mode == "compress" {
            let start = Instant::now();
            let outs = inputs.iter().map(|i| compress(i, args.level)).collect::<Result<Vec<_>, _>>()?;
            (start.elapsed().as_secs_f64(), outs)
        } else {
            let start = Instant::now();
            let mut lens = Vec::with_capacity(inputs.len());
            for (c, s) in compressed.iter().zip(scratch.iter_mut()) {
                lens.push(decompress(c, s, args.chunk)?);
            }
            let seconds = start.elapsed().as_secs_f64();
            for ((s, len), i) in scratch.iter().zip(&lens).zip(&inputs) {
                if &s[..*len] != i.as_slice() {
                    return Err("round trip mismatch: decompressed bytes differ from the input".into());
                }
            }
            // The digest is of what decompress returned: a port with its own compressor (zlib-rs) writes other
            // compressed bytes than the C, and must still give back the same data.
            (seconds, scratch.iter().zip(&lens).map(|(s, len)| s[..*len].to_vec()).collect())
        };
        let bytes_out: usize = outputs.iter().map(Vec::len).sum();
        if rep + 1 == args.repeat {
            println!("LOOPSCOUT_NS={}", (seconds * 1e9) as u64);
        }
        println!("mode={} rep={rep} seconds={seconds:.6} bytes_in={bytes_in} bytes_out={bytes_out} digest={:016x}",
                 args.mode, fnv1a(&outputs));
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cbench: {e}");
            ExitCode::from(2)
        }
    }
}
