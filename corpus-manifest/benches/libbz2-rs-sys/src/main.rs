//! libbz2-rs-sys decompression (bzip2 in Rust, ported from a c2rust translation; its decompress function is a
//! big state machine re-entered whenever input runs out): 256 KiB of text-like data compressed once with
//! libbz2-rs-sys at block size 9 (outside the timed part), then decompressed through the C API (bz_stream) fed
//! in CHUNK-byte pieces and once as a whole buffer. Usage: loopscout-bench-libbz2-rs-sys [CHUNK=16] [ITERATIONS=1]
use libbz2_rs_sys::{bz_stream, BZ2_bzBuffToBuffCompress, BZ2_bzDecompress, BZ2_bzDecompressEnd,
    BZ2_bzDecompressInit, BZ_OK, BZ_STREAM_END};
use loopscout_bench::{arg, fnv, run, text, FNV_START};
use std::ffi::{c_char, c_uint};

fn compress(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; data.len() + data.len() / 100 + 600];
    let mut len = out.len() as c_uint;
    let rc = unsafe {
        BZ2_bzBuffToBuffCompress(out.as_mut_ptr() as *mut c_char, &mut len, data.as_ptr() as *mut c_char,
            data.len() as c_uint, 9, 0, 30)
    };
    assert_eq!(rc, BZ_OK, "compress failed");
    out.truncate(len as usize);
    out
}

fn decompress(compressed: &[u8], out: &mut [u8], chunk: usize) -> usize {
    unsafe {
        let mut s: bz_stream = std::mem::zeroed();
        assert_eq!(BZ2_bzDecompressInit(&mut s, 0, 0), BZ_OK);
        s.next_out = out.as_mut_ptr() as *mut c_char;
        s.avail_out = out.len() as c_uint;
        let mut pos = 0;
        loop {
            let end = (pos + chunk).min(compressed.len());
            s.next_in = compressed[pos..].as_ptr() as *const c_char;
            s.avail_in = (end - pos) as c_uint;
            let rc = BZ2_bzDecompress(&mut s);
            pos = end - s.avail_in as usize;
            if rc == BZ_STREAM_END {
                break;
            }
            assert_eq!(rc, BZ_OK, "decompress failed at input byte {pos}");
            assert!(end < compressed.len() || s.avail_in > 0, "bzip2 stream truncated");
        }
        let n = s.total_out_lo32 as usize;
        BZ2_bzDecompressEnd(&mut s);
        n
    }
}

fn main() {
    let chunk = arg(0, 16);
    let iterations = arg(1, 1);
    let original = text(1 << 18, 4);
    let compressed = compress(&original);
    let mut out = vec![0u8; original.len()];
    run(iterations, || {
        let n = decompress(&compressed, &mut out, chunk);
        assert_eq!(&out[..n], &original[..], "chunked decompress did not round-trip");
        let whole = decompress(&compressed, &mut out, compressed.len());
        fnv(FNV_START, &out[..whole])
    });
}
