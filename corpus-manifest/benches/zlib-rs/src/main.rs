//! zlib-rs inflate, the RFC 3720 motivating example: 1 MiB of text-like data compressed once with zlib-rs at
//! level 6 (outside the timed part), then inflated fed in CHUNK-byte pieces (the inflate state machine is
//! re-entered at every chunk; zlib-rs's own loop-match comparison used 16 bytes) and once as a whole buffer.
//! Usage: loopscout-bench-zlib-rs [CHUNK=16] [ITERATIONS=2]
use loopscout_bench::{arg, fnv, run, text, FNV_START};
use zlib_rs::{Deflate, DeflateFlush, Inflate, InflateFlush, Status};

fn compress(data: &[u8]) -> Vec<u8> {
    let mut d = Deflate::new(6, true, 15);
    let mut out = vec![0u8; data.len() + data.len() / 2 + 1024];
    let status = d.compress(data, &mut out, DeflateFlush::Finish).expect("deflate failed");
    assert_eq!(status, Status::StreamEnd, "output buffer too small for deflate");
    out.truncate(d.total_out() as usize);
    out
}

fn inflate(compressed: &[u8], out: &mut [u8], chunk: usize) -> usize {
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
        assert!(inf.total_in() as usize > pos || end > pos, "inflate made no progress at input byte {pos}");
    }
}

fn main() {
    let chunk = arg(0, 16);
    let iterations = arg(1, 2);
    let original = text(1 << 20, 1);
    let compressed = compress(&original);
    let mut out = vec![0u8; original.len()];
    run(iterations, || {
        let n = inflate(&compressed, &mut out, chunk);
        assert_eq!(&out[..n], &original[..], "chunked inflate did not round-trip");
        let whole = inflate(&compressed, &mut out, compressed.len());
        fnv(FNV_START, &out[..whole])
    });
}
