// Round-trip harness (run by run.sh): zlib-rs inflate fed in small chunks, libbz2-rs-sys streaming compress and decompress in
// small chunks, on seeded data (plus corrupted streams). Prints one digest line per case; the lines of the
// original and the rewritten crates must be identical.
use std::hash::{Hash, Hasher};
use std::collections::hash_map::DefaultHasher;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 { self.0 ^= self.0 << 13; self.0 ^= self.0 >> 7; self.0 ^= self.0 << 17; self.0 }
    fn below(&mut self, n: u64) -> u64 { self.next() % n }
}

fn data(r: &mut Rng) -> Vec<u8> {
    let len = r.below(30000) as usize;
    let mut v = Vec::with_capacity(len);
    while v.len() < len {
        match r.below(3) {
            0 => { let b = r.below(256) as u8; let n = r.below(200); for _ in 0..n { v.push(b); } }
            1 => { for _ in 0..r.below(100) { v.push(b"the quick brown fox "[r.below(20) as usize]); } }
            _ => { for _ in 0..r.below(50) { v.push(r.below(256) as u8); } }
        }
    }
    v.truncate(len);
    v
}

fn digest<T: Hash>(t: &T) -> u64 { let mut h = DefaultHasher::new(); t.hash(&mut h); h.finish() }

fn zlib_case(r: &mut Rng, input: &[u8]) -> String {
    let mut buf = vec![0u8; zlib_rs::compress_bound(input.len())];
    let mut cfg = zlib_rs::DeflateConfig::default();
    cfg.level = r.below(10) as i32;
    let (c, rc) = zlib_rs::compress_slice(&mut buf, input, cfg);
    let mut comp = c.to_vec();
    if r.below(4) == 0 && !comp.is_empty() { let i = r.below(comp.len() as u64) as usize; comp[i] ^= 1 << r.below(8); }
    let mut inf = zlib_rs::Inflate::new(true, 15);
    let mut out = Vec::new();
    let mut pos = 0;
    let chunk = 1 + r.below(64) as usize;
    let mut last = String::new();
    for _ in 0..200000 {
        let end = (pos + chunk).min(comp.len());
        let mut ob = [0u8; 97];
        let before_in = inf.total_in();
        let before_out = inf.total_out();
        let res = inf.decompress(&comp[pos..end], &mut ob, zlib_rs::InflateFlush::NoFlush);
        let used = (inf.total_in() - before_in) as usize;
        let made = (inf.total_out() - before_out) as usize;
        out.extend_from_slice(&ob[..made]);
        pos += used;
        last = format!("{:?}", res);
        match res { Ok(zlib_rs::Status::StreamEnd) | Err(_) => break, _ => {} }
        if used == 0 && made == 0 && pos >= comp.len() { break; }
    }
    format!("zlib {:?} {} ok={} {} {:x}", rc, comp.len(), out == input, last, digest(&out))
}

unsafe fn bz_case(r: &mut Rng, input: &[u8]) -> String {
    use libbz2_rs_sys::*;
    let mut s: bz_stream = std::mem::zeroed();
    let block = 1 + r.below(9) as i32;
    assert_eq!(BZ2_bzCompressInit(&mut s, block, 0, 0), 0);
    let mut comp = Vec::new();
    let chunk = 1 + r.below(500) as usize;
    let mut codes = Vec::new();
    let base = input.as_ptr();
    let mut pending = 0;
    loop {
        let action;
        if pending == 0 {
            let pos = s.next_in.is_null().then_some(0).unwrap_or_else(|| (s.next_in as usize) - (base as usize));
            let end = (pos + chunk).min(input.len());
            s.next_in = input[pos..].as_ptr().cast();
            s.avail_in = (end - pos) as u32;
            action = if end == input.len() { 2 } else if r.below(8) == 0 { 1 } else { 0 };
        } else {
            action = pending;
        }
        let mut ob = [0u8; 211];
        s.next_out = ob.as_mut_ptr().cast();
        s.avail_out = ob.len() as u32;
        let rc = BZ2_bzCompress(&mut s, action);
        codes.push(rc);
        comp.extend_from_slice(&ob[..ob.len() - s.avail_out as usize]);
        if rc == 4 || rc < 0 { break; }
        pending = match (action, rc) { (1, 2) => 1, (2, 3) => 2, _ => 0 };
    }
    BZ2_bzCompressEnd(&mut s);
    if r.below(4) == 0 && !comp.is_empty() { let i = r.below(comp.len() as u64) as usize; comp[i] ^= 1 << r.below(8); }
    let mut d: bz_stream = std::mem::zeroed();
    assert_eq!(BZ2_bzDecompressInit(&mut d, 0, (r.below(2)) as i32), 0);
    let mut out = Vec::new();
    let mut pos = 0;
    let chunk = 1 + r.below(64) as usize;
    let mut last = 0;
    for _ in 0..1000000 {
        let end = (pos + chunk).min(comp.len());
        d.next_in = comp[pos..].as_ptr().cast();
        d.avail_in = (end - pos) as u32;
        let mut ob = [0u8; 173];
        d.next_out = ob.as_mut_ptr().cast();
        d.avail_out = ob.len() as u32;
        last = BZ2_bzDecompress(&mut d);
        pos = end - d.avail_in as usize;
        let made = ob.len() - d.avail_out as usize;
        out.extend_from_slice(&ob[..made]);
        if last != 0 { break; }
        if made == 0 && pos >= comp.len() { break; }
    }
    BZ2_bzDecompressEnd(&mut d);
    format!("bz2 {:x} {} ok={} {} {:x}", digest(&codes), comp.len(), out == input, last, digest(&out))
}

fn main() {
    let cases: usize = std::env::args().nth(1).map_or(200, |a| a.parse().unwrap());
    let mut r = Rng(0x2545F4914F6CDD1D);
    for i in 0..cases {
        let input = data(&mut r);
        println!("{} {}", i, zlib_case(&mut r, &input));
        println!("{} {}", i, unsafe { bz_case(&mut r, &input) });
    }
}
