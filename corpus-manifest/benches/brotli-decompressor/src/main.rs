//! brotli-decompressor (the decoder of the `brotli` crate, used by reqwest, actix, ...): 1 MiB of text-like data
//! compressed once with the brotli encoder at quality 9, window 2^22 (outside the timed part), then decoded
//! through BrotliDecompressStream fed in CHUNK-byte pieces (its state loops are re-entered at every chunk) and
//! once as a whole buffer. Usage: loopscout-bench-brotli-decompressor [CHUNK=16] [ITERATIONS=2]
use brotli_decompressor::{BrotliDecompressStream, BrotliResult, BrotliState, StandardAlloc};
use loopscout_bench::{arg, fnv, run, text, FNV_START};
use std::io::Write;

fn compress(data: &[u8]) -> Vec<u8> {
    let mut w = brotli::CompressorWriter::new(Vec::new(), 4096, 9, 22);
    w.write_all(data).expect("brotli compress failed");
    w.into_inner()
}

fn decode(compressed: &[u8], out: &mut [u8], chunk: usize) -> usize {
    let mut state = BrotliState::new(StandardAlloc::default(), StandardAlloc::default(), StandardAlloc::default());
    let (mut pos, mut out_pos, mut total) = (0usize, 0usize, 0usize);
    loop {
        let end = (pos + chunk).min(compressed.len());
        let mut avail_in = end - pos;
        let mut in_off = pos;
        let mut avail_out = out.len() - out_pos;
        let r = BrotliDecompressStream(&mut avail_in, &mut in_off, &compressed[..end], &mut avail_out, &mut out_pos,
            out, &mut total, &mut state);
        pos = in_off;
        match r {
            BrotliResult::ResultSuccess => return out_pos,
            BrotliResult::NeedsMoreInput => assert!(end < compressed.len(), "brotli stream truncated"),
            BrotliResult::NeedsMoreOutput => panic!("output buffer too small"),
            BrotliResult::ResultFailure => panic!("brotli decode failed at input byte {pos}"),
        }
    }
}

fn main() {
    let chunk = arg(0, 16);
    let iterations = arg(1, 2);
    let original = text(1 << 20, 3);
    let compressed = compress(&original);
    let mut out = vec![0u8; original.len()];
    run(iterations, || {
        let n = decode(&compressed, &mut out, chunk);
        assert_eq!(&out[..n], &original[..], "chunked decode did not round-trip");
        let whole = decode(&compressed, &mut out, compressed.len());
        fnv(FNV_START, &out[..whole])
    });
}
