//! miniz_oxide inflate (the decompressor behind flate2's default backend): 1 MiB of text-like data compressed
//! once with miniz_oxide at level 6 (outside the timed part), then inflated through the streaming API fed in
//! CHUNK-byte pieces (the core's state loop is re-entered at every chunk) and once as a whole buffer.
//! Usage: loopscout-bench-miniz_oxide [CHUNK=16] [ITERATIONS=2]
use loopscout_bench::{arg, fnv, run, text, FNV_START};
use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZFlush, MZStatus};

fn inflate_chunked(compressed: &[u8], out: &mut [u8], chunk: usize) -> usize {
    let mut state = InflateState::new_boxed(DataFormat::Zlib);
    let (mut pos, mut written) = (0, 0);
    loop {
        let end = (pos + chunk).min(compressed.len());
        let flush = if end == compressed.len() { MZFlush::Finish } else { MZFlush::None };
        let r = inflate(&mut state, &compressed[pos..end], &mut out[written..], flush);
        pos += r.bytes_consumed;
        written += r.bytes_written;
        match r.status {
            Ok(MZStatus::StreamEnd) => return written,
            Ok(_) => {}
            Err(e) => panic!("inflate failed at input byte {pos}: {e:?}"),
        }
    }
}

fn main() {
    let chunk = arg(0, 16);
    let iterations = arg(1, 2);
    let original = text(1 << 20, 2);
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&original, 6);
    let mut out = vec![0u8; original.len()];
    run(iterations, || {
        let n = inflate_chunked(&compressed, &mut out, chunk);
        assert_eq!(&out[..n], &original[..], "chunked inflate did not round-trip");
        let whole = miniz_oxide::inflate::decompress_to_vec_zlib(&compressed).expect("inflate failed");
        assert_eq!(whole.len(), original.len());
        fnv(fnv(FNV_START, &out[..n]), &whole)
    });
}
