//! A lexer state machine over a deterministic pseudo-random input, timed by its own harness.
//! Usage: lexer-fixture ROUNDS [SLOWDOWN_PERCENT]. Prints a checksum and `LOOPSCOUT_NS=<workload nanoseconds>`.
//! DELIBERATE: built with `--cfg loop_match` (variant B) it lexes SLOWDOWN_PERCENT (default 10) percent more
//! rounds: a known, deterministic slowdown (10% for `bench.sh regressed`, 2% for the calibration's small one).

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Ident,
    Number,
    Space,
    Punct,
}

/// Counts tokens per kind with a plain `loop` + `match` state machine.
fn lex(input: &[u8], counts: &mut [u64; 5]) {
    let mut state = State::Start;
    let mut i = 0;
    loop {
        if i == input.len() {
            break;
        }
        let c = input[i];
        state = match state {
            State::Start => {
                if c.is_ascii_alphabetic() {
                    counts[0] += 1;
                    State::Ident
                } else if c.is_ascii_digit() {
                    counts[1] += 1;
                    State::Number
                } else if c == b' ' {
                    counts[2] += 1;
                    State::Space
                } else {
                    counts[3] += 1;
                    State::Punct
                }
            }
            State::Ident => {
                i += 1;
                if c.is_ascii_alphanumeric() { State::Ident } else { State::Start }
            }
            State::Number => {
                i += 1;
                if c.is_ascii_digit() { State::Number } else { State::Start }
            }
            State::Space => {
                i += 1;
                if c == b' ' { State::Space } else { State::Start }
            }
            State::Punct => {
                i += 1;
                counts[4] += u64::from(c);
                State::Start
            }
        };
    }
}

fn input(len: usize) -> Vec<u8> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789     ;(){}+-*/";
    let mut x: u64 = 0x9E3779B97F4A7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ALPHABET[(x % ALPHABET.len() as u64) as usize]
        })
        .collect()
}

fn main() {
    let rounds: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).expect("usage: lexer-fixture ROUNDS");
    let percent: u64 = std::env::args().nth(2).map_or(10, |a| a.parse().expect("SLOWDOWN_PERCENT is a number"));
    let rounds = if cfg!(loop_match) { rounds + rounds * percent / 100 } else { rounds };
    let data = input(1 << 16);
    let mut counts = [0u64; 5];
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        lex(std::hint::black_box(&data), &mut counts);
    }
    let ns = start.elapsed().as_nanos();
    println!("tokens={:?}", counts);
    println!("LOOPSCOUT_NS={ns}");
}
