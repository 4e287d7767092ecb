//! libbzip2's one-shot API: BZ2_bzBuffToBuffCompress / BZ2_bzBuffToBuffDecompress.

use std::ffi::{c_char, c_int, c_uint};

extern "C" {
    fn BZ2_bzBuffToBuffCompress(dest: *mut c_char, dest_len: *mut c_uint, source: *mut c_char, source_len: c_uint,
                                block_size_100k: c_int, verbosity: c_int, work_factor: c_int) -> c_int;
    fn BZ2_bzBuffToBuffDecompress(dest: *mut c_char, dest_len: *mut c_uint, source: *mut c_char,
                                  source_len: c_uint, small: c_int, verbosity: c_int) -> c_int;
}

/// libbzip2 built with BZ_NO_STDIO calls this on an internal assertion failure; the C library and its c2rust
/// translation need the program to provide it (libbz2-rs-sys does not).
#[cfg(feature = "provide-internal-error")]
#[no_mangle]
pub extern "C" fn bz_internal_error(code: c_int) {
    eprintln!("bz_internal_error {code}");
    std::process::abort();
}

const BZ_OK: c_int = 0;

/// The block size in 100 kB units (bzip2's command-line default).
pub const DEFAULT_LEVEL: c_int = 9;

pub fn compress(input: &[u8], level: c_int) -> Result<Vec<u8>, String> {
    // bzip2's documented worst case: 1% larger plus 600 bytes.
    let mut out = vec![0u8; input.len() + input.len() / 100 + 601];
    let mut out_len = out.len() as c_uint;
    let rc = unsafe {
        BZ2_bzBuffToBuffCompress(out.as_mut_ptr().cast(), &mut out_len, input.as_ptr() as *mut c_char,
                                 input.len() as c_uint, level, 0, 0)
    };
    if rc != BZ_OK {
        return Err(format!("BZ2_bzBuffToBuffCompress returned {rc}"));
    }
    out.truncate(out_len as usize);
    Ok(out)
}

/// One call per block whatever `_chunk` says: the API has no streaming form here.
pub fn decompress(input: &[u8], out: &mut [u8], _chunk: usize) -> Result<usize, String> {
    let mut out_len = out.len() as c_uint;
    let rc = unsafe {
        BZ2_bzBuffToBuffDecompress(out.as_mut_ptr().cast(), &mut out_len, input.as_ptr() as *mut c_char,
                                   input.len() as c_uint, 0, 0)
    };
    if rc != BZ_OK {
        return Err(format!("BZ2_bzBuffToBuffDecompress returned {rc}"));
    }
    Ok(out_len as usize)
}
