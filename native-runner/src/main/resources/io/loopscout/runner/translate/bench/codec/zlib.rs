//! zlib's streaming API driven in one call each way: deflateInit_/deflate(Z_FINISH)/deflateEnd and
//! inflateInit_/inflate(Z_FINISH)/inflateEnd (inflate with inflate_fast underneath). compress2/uncompress are
//! not used: c2rust 0.22.1's translation of compress.c and uncompr.c does not build (a missing size_t cast).

use std::ffi::{c_char, c_int, c_uint, c_ulong, c_void};

#[repr(C)]
struct ZStream {
    next_in: *const u8,
    avail_in: c_uint,
    total_in: c_ulong,
    next_out: *mut u8,
    avail_out: c_uint,
    total_out: c_ulong,
    msg: *const c_char,
    state: *mut c_void,
    zalloc: Option<unsafe extern "C" fn(*mut c_void, c_uint, c_uint) -> *mut c_void>,
    zfree: Option<unsafe extern "C" fn(*mut c_void, *mut c_void)>,
    opaque: *mut c_void,
    data_type: c_int,
    adler: c_ulong,
    reserved: c_ulong,
}

extern "C" {
    fn deflateInit_(strm: *mut ZStream, level: c_int, version: *const c_char, stream_size: c_int) -> c_int;
    fn deflateBound(strm: *mut ZStream, source_len: c_ulong) -> c_ulong;
    fn deflate(strm: *mut ZStream, flush: c_int) -> c_int;
    fn deflateEnd(strm: *mut ZStream) -> c_int;
    fn inflateInit_(strm: *mut ZStream, version: *const c_char, stream_size: c_int) -> c_int;
    fn inflate(strm: *mut ZStream, flush: c_int) -> c_int;
    fn inflateEnd(strm: *mut ZStream) -> c_int;
}

const Z_OK: c_int = 0;
const Z_STREAM_END: c_int = 1;
const Z_FINISH: c_int = 4;
const Z_NO_FLUSH: c_int = 0;
/// zlib checks only the major version's first character and the struct size.
const VERSION: &[u8] = b"1.3.1\0";

/// zlib's default compression level.
pub const DEFAULT_LEVEL: c_int = 6;

fn stream() -> ZStream {
    ZStream {
        next_in: std::ptr::null(), avail_in: 0, total_in: 0, next_out: std::ptr::null_mut(), avail_out: 0,
        total_out: 0, msg: std::ptr::null(), state: std::ptr::null_mut(), zalloc: None, zfree: None,
        opaque: std::ptr::null_mut(), data_type: 0, adler: 0, reserved: 0,
    }
}

pub fn compress(input: &[u8], level: c_int) -> Result<Vec<u8>, String> {
    let mut s = stream();
    let size = std::mem::size_of::<ZStream>() as c_int;
    let rc = unsafe { deflateInit_(&mut s, level, VERSION.as_ptr().cast(), size) };
    if rc != Z_OK {
        return Err(format!("deflateInit_ returned {rc}"));
    }
    let mut out = vec![0u8; unsafe { deflateBound(&mut s, input.len() as c_ulong) } as usize];
    s.next_in = input.as_ptr();
    s.avail_in = input.len() as c_uint;
    s.next_out = out.as_mut_ptr();
    s.avail_out = out.len() as c_uint;
    let rc = unsafe { deflate(&mut s, Z_FINISH) };
    let written = s.total_out as usize;
    unsafe { deflateEnd(&mut s) };
    if rc != Z_STREAM_END {
        return Err(format!("deflate returned {rc}"));
    }
    out.truncate(written);
    Ok(out)
}

/// Inflates `input` into `out`: in one call, or fed `chunk` input bytes per call (a streaming reader's
/// pattern, where inflate's own state machine runs between the chunks).
pub fn decompress(input: &[u8], out: &mut [u8], chunk: usize) -> Result<usize, String> {
    let mut s = stream();
    let size = std::mem::size_of::<ZStream>() as c_int;
    let rc = unsafe { inflateInit_(&mut s, VERSION.as_ptr().cast(), size) };
    if rc != Z_OK {
        return Err(format!("inflateInit_ returned {rc}"));
    }
    s.next_out = out.as_mut_ptr();
    s.avail_out = out.len() as c_uint;
    let step = if chunk == 0 { input.len().max(1) } else { chunk };
    let mut rc = Z_OK;
    for piece in input.chunks(step) {
        s.next_in = piece.as_ptr();
        s.avail_in = piece.len() as c_uint;
        rc = unsafe { inflate(&mut s, if chunk == 0 { Z_FINISH } else { Z_NO_FLUSH }) };
        if rc != Z_OK {
            break;
        }
    }
    let written = s.total_out as usize;
    unsafe { inflateEnd(&mut s) };
    if rc != Z_STREAM_END {
        return Err(format!("inflate returned {rc}"));
    }
    Ok(written)
}
