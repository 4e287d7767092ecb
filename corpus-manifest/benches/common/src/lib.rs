//! What every loopscout benchmark driver shares: a seeded generator for deterministic input, an FNV-1a checksum
//! of the workload's output, and [`run`], which times only the workload and prints the two harness lines the
//! native runner reads: `LOOPSCOUT_CHECKSUM=<hex>` (variants A and B must agree) and `LOOPSCOUT_NS=<ns>`.
//! The workload runs inside [`loopscout_workload`], an unmangled function callgrind counts alone
//! (`--toggle-collect=loopscout_workload`), so input generation never dilutes the instruction counts.

use std::time::Instant;

/// xorshift64*: fast, seeded, the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    /// A value in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// A skewed index in `0..n`: low indices far more often, like word frequencies in text.
    pub fn skewed(&mut self, n: usize) -> usize {
        let r = self.below(1000) as usize;
        (r * r / 1000 * n / 1000).min(n - 1)
    }
}

const WORDS: &[&str] = &[
    "the", "state", "machine", "of", "a", "decoder", "reads", "bytes", "and", "jumps", "to", "next", "arm",
    "loop", "match", "inflate", "window", "length", "distance", "literal", "code", "table", "bits", "header",
    "checksum", "block", "stored", "fixed", "dynamic", "huffman", "tree", "symbol", "copy", "output",
];

/// A word from a small English-like vocabulary.
pub fn word(rng: &mut Rng) -> &'static str {
    WORDS[rng.skewed(WORDS.len())]
}

/// `len` bytes of text-like data (skewed words, spaces, newlines, numbers): compressible like prose.
pub fn text(len: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(len + 16);
    while out.len() < len {
        let x = rng.next_u64();
        out.extend_from_slice(word(&mut rng).as_bytes());
        out.push(if x % 17 == 0 { b'\n' } else { b' ' });
        if x % 97 == 0 {
            out.extend_from_slice((x % 100_000).to_string().as_bytes());
            out.push(b' ');
        }
    }
    out.truncate(len);
    out
}

/// FNV-1a over `bytes`, continuing from `acc` (start with [`FNV_START`]).
pub fn fnv(mut acc: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        acc ^= b as u64;
        acc = acc.wrapping_mul(0x100000001b3);
    }
    acc
}

/// The FNV-1a offset basis.
pub const FNV_START: u64 = 0xcbf29ce484222325;

/// Mixes a number into a checksum.
pub fn mix(acc: u64, value: u64) -> u64 {
    fnv(acc, &value.to_le_bytes())
}

/// The positional argument `i` (0-based) as a number, or `default` when absent; exits with a message when not a
/// number.
pub fn arg(i: usize, default: usize) -> usize {
    match std::env::args().nth(i + 1) {
        None => default,
        Some(a) => a.parse().unwrap_or_else(|_| {
            eprintln!("argument {} must be a whole number, got {a:?}", i + 1);
            std::process::exit(2)
        }),
    }
}

/// The timed region: everything callgrind counts for a driver happens inside this call.
#[no_mangle]
#[inline(never)]
pub fn loopscout_workload(work: &mut dyn FnMut() -> u64) -> u64 {
    work()
}

/// The environment variable that, set to a whole number, replaces the iterations of [`run`]: the native runner's
/// callgrind run counts one iteration (each does the same work, so the instruction ratios are those of the timed
/// runs) instead of the N of the timed runs, N times less of valgrind's time.
pub const ITERATIONS_ENV: &str = "LOOPSCOUT_ITERATIONS";

/// Runs `work` `iterations` times (or [`ITERATIONS_ENV`] times when set) inside [`loopscout_workload`] and prints
/// the checksum of all results and the elapsed nanoseconds of that region only.
pub fn run(iterations: usize, mut work: impl FnMut() -> u64) {
    let iterations = std::env::var(ITERATIONS_ENV).ok().and_then(|v| v.parse().ok()).unwrap_or(iterations);
    let mut all = || {
        let mut sum = FNV_START;
        for _ in 0..iterations {
            sum = mix(sum, std::hint::black_box(work()));
        }
        sum
    };
    let start = Instant::now();
    let checksum = loopscout_workload(&mut all);
    let ns = start.elapsed().as_nanos();
    println!("LOOPSCOUT_CHECKSUM={checksum:016x}");
    println!("LOOPSCOUT_NS={ns}");
}
