//! lz4's block API on independent 64 KiB blocks (the default block size of lz4 frames), each stored as a
//! little-endian u32 length and the block: LZ4_compress_default / LZ4_decompress_safe.

use std::ffi::{c_char, c_int};

extern "C" {
    fn LZ4_compressBound(input_size: c_int) -> c_int;
    fn LZ4_compress_default(src: *const c_char, dst: *mut c_char, src_size: c_int, dst_capacity: c_int) -> c_int;
    fn LZ4_decompress_safe(src: *const c_char, dst: *mut c_char, compressed_size: c_int, dst_capacity: c_int)
        -> c_int;
}

const BLOCK: usize = 64 << 10;

/// LZ4_compress_default has no level; the flag is accepted and ignored.
pub const DEFAULT_LEVEL: c_int = 1;

pub fn compress(input: &[u8], _level: c_int) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len() + input.len() / 64 + 64);
    for block in input.chunks(BLOCK) {
        let bound = unsafe { LZ4_compressBound(block.len() as c_int) } as usize;
        let at = out.len();
        out.resize(at + 4 + bound, 0);
        let n = unsafe {
            LZ4_compress_default(block.as_ptr().cast(), out[at + 4..].as_mut_ptr().cast(), block.len() as c_int,
                                 bound as c_int)
        };
        if n <= 0 {
            return Err(format!("LZ4_compress_default returned {n}"));
        }
        out[at..at + 4].copy_from_slice(&(n as u32).to_le_bytes());
        out.truncate(at + 4 + n as usize);
    }
    Ok(out)
}

/// One call per block whatever `_chunk` says: the API has no streaming form here.
pub fn decompress(input: &[u8], out: &mut [u8], _chunk: usize) -> Result<usize, String> {
    let (mut at, mut written) = (0usize, 0usize);
    while at < input.len() {
        let len = input.get(at..at + 4).ok_or("truncated block length")?;
        let n = u32::from_le_bytes(len.try_into().unwrap()) as usize;
        at += 4;
        let block = input.get(at..at + n).ok_or("truncated block")?;
        let room = (out.len() - written).min(BLOCK);
        let r = unsafe {
            LZ4_decompress_safe(block.as_ptr().cast(), out[written..].as_mut_ptr().cast(), n as c_int, room as c_int)
        };
        if r < 0 {
            return Err(format!("LZ4_decompress_safe returned {r}"));
        }
        written += r as usize;
        at += n;
    }
    Ok(written)
}
