//! zlib's one-shot API: compress2 / uncompress (inflateInit, inflate with inflate_fast, inflateEnd).

use std::ffi::{c_int, c_ulong};

extern "C" {
    fn compressBound(source_len: c_ulong) -> c_ulong;
    fn compress2(dest: *mut u8, dest_len: *mut c_ulong, source: *const u8, source_len: c_ulong, level: c_int)
        -> c_int;
    fn uncompress(dest: *mut u8, dest_len: *mut c_ulong, source: *const u8, source_len: c_ulong) -> c_int;
}

const Z_OK: c_int = 0;

/// zlib's default compression level.
pub const DEFAULT_LEVEL: c_int = 6;

pub fn compress(input: &[u8], level: c_int) -> Result<Vec<u8>, String> {
    let mut out = vec![0u8; unsafe { compressBound(input.len() as c_ulong) } as usize];
    let mut out_len = out.len() as c_ulong;
    let rc = unsafe { compress2(out.as_mut_ptr(), &mut out_len, input.as_ptr(), input.len() as c_ulong, level) };
    if rc != Z_OK {
        return Err(format!("compress2 returned {rc}"));
    }
    out.truncate(out_len as usize);
    Ok(out)
}

pub fn decompress(input: &[u8], out: &mut [u8]) -> Result<usize, String> {
    let mut out_len = out.len() as c_ulong;
    let rc = unsafe { uncompress(out.as_mut_ptr(), &mut out_len, input.as_ptr(), input.len() as c_ulong) };
    if rc != Z_OK {
        return Err(format!("uncompress returned {rc}"));
    }
    Ok(out_len as usize)
}
