//! Times zlib-rs inflate with the compressed input fed in small chunks, the case where the inflate state
//! machine is re-entered most often (zlib-rs's own loop-match comparison used 16-byte chunks).
//! Usage: zlib-driver CHUNK_BYTES ITERATIONS. The input is deterministic text-like data (not silesia), compressed
//! once with zlib-rs at level 6 outside the timed part. Prints a checksum and `LOOPSCOUT_NS=` for the inflate
//! loop only.
use zlib_rs::{Deflate, DeflateFlush, Inflate, InflateFlush, Status};

const WORDS: &[&str] = &[
    "the", "state", "machine", "of", "a", "decoder", "reads", "bytes", "and", "jumps", "to", "next", "arm",
    "loop", "match", "inflate", "window", "length", "distance", "literal", "code", "table", "bits", "header",
    "checksum", "block", "stored", "fixed", "dynamic", "huffman", "tree", "symbol", "copy", "output",
];

fn text(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let mut out = Vec::with_capacity(len + 16);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // skewed word choice: low indices far more often, like natural text
        let r = (x % 1000) as usize;
        let w = WORDS[(r * r / 1000 * WORDS.len() / 1000).min(WORDS.len() - 1)];
        out.extend_from_slice(w.as_bytes());
        out.push(if x % 17 == 0 { b'\n' } else { b' ' });
        if x % 97 == 0 {
            out.extend_from_slice(format!("{} ", x % 100_000).as_bytes());
        }
    }
    out.truncate(len);
    out
}

fn compress(data: &[u8]) -> Vec<u8> {
    let mut d = Deflate::new(6, true, 15);
    let mut out = vec![0u8; data.len() + data.len() / 2 + 1024];
    let status = d.compress(data, &mut out, DeflateFlush::Finish).expect("deflate failed");
    assert_eq!(status, Status::StreamEnd, "output buffer too small for deflate");
    out.truncate(d.total_out() as usize);
    out
}

fn inflate_chunked(compressed: &[u8], out: &mut [u8], chunk: usize) -> usize {
    let mut inf = Inflate::new(true, 15);
    loop {
        let pos = inf.total_in() as usize;
        let end = (pos + chunk).min(compressed.len());
        let written = inf.total_out() as usize;
        match inf.decompress(&compressed[pos..end], &mut out[written..], InflateFlush::NoFlush) {
            Ok(Status::StreamEnd) => return inf.total_out() as usize,
            Ok(_) => {}
            Err(e) => panic!("inflate failed: {e:?}"),
        }
        if pos == end && inf.total_in() as usize == pos {
            panic!("inflate made no progress at input byte {pos}");
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let chunk: usize = args.next().and_then(|a| a.parse().ok()).expect("usage: zlib-driver CHUNK ITERATIONS");
    let iterations: usize = args.next().and_then(|a| a.parse().ok()).expect("usage: zlib-driver CHUNK ITERATIONS");
    let original = text(1 << 20);
    let compressed = compress(&original);
    let mut out = vec![0u8; original.len()];
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..iterations {
        total += inflate_chunked(std::hint::black_box(&compressed), &mut out, chunk);
    }
    let ns = start.elapsed().as_nanos();
    assert_eq!(out, original, "inflate did not round-trip");
    println!("compressed={} inflated={} checksum={:08x}", compressed.len(), total, zlib_rs::crc32(0, &out));
    println!("LOOPSCOUT_NS={ns}");
}
