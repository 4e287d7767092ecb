//! csv-core (the DFA-driven reader under the csv crate): 1 MiB of generated CSV (quoted fields, escaped quotes,
//! embedded commas and newlines, numbers) read record by record, fed in CHUNK-byte pieces (the reader's state
//! machine resumes mid-field) and as a whole buffer, then written back with the Writer.
//! Usage: loopscout-bench-csv-core [CHUNK=64] [ITERATIONS=4]
use csv_core::{ReadRecordResult, Reader, WriteResult, Writer};
use loopscout_bench::{arg, fnv, mix, run, word, Rng, FNV_START};

fn csv(len: usize) -> Vec<u8> {
    let mut rng = Rng::new(6);
    let mut out = Vec::with_capacity(len + 256);
    while out.len() < len {
        for col in 0..6 {
            if col > 0 {
                out.push(b',');
            }
            match rng.below(5) {
                0 => out.extend_from_slice(rng.below(1_000_000).to_string().as_bytes()),
                1 => {
                    out.push(b'"');
                    out.extend_from_slice(format!("{}, \"\"{}\"\"\n{}", word(&mut rng), word(&mut rng), word(&mut rng)).as_bytes());
                    out.push(b'"');
                }
                _ => {
                    for i in 0..1 + rng.below(4) {
                        if i > 0 {
                            out.push(b' ');
                        }
                        out.extend_from_slice(word(&mut rng).as_bytes());
                    }
                }
            }
        }
        out.extend_from_slice(if rng.below(4) == 0 { b"\r\n" } else { b"\n" });
    }
    out
}

/// Reads every record; returns (records, checksum of the fields).
fn read(data: &[u8], chunk: usize) -> (u64, u64) {
    let mut rdr = Reader::new();
    let mut out = vec![0u8; 4096];
    let mut ends = [0usize; 64];
    let (mut pos, mut records, mut sum, mut outlen, mut nends) = (0, 0u64, FNV_START, 0, 0);
    loop {
        let end = (pos + chunk).min(data.len());
        let (res, nin, nout, nend) = rdr.read_record(&data[pos..end], &mut out[outlen..], &mut ends[nends..]);
        pos += nin;
        outlen += nout;
        nends += nend;
        match res {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => panic!("record too large"),
            ReadRecordResult::Record => {
                records += 1;
                sum = mix(fnv(sum, &out[..outlen]), nends as u64);
                outlen = 0;
                nends = 0;
            }
            ReadRecordResult::End => return (records, sum),
        }
    }
}

/// Writes `fields` records of the reader's output back as CSV; returns the bytes written.
fn write(data: &[u8], out: &mut Vec<u8>) -> usize {
    let mut w = Writer::new();
    out.clear();
    let mut buf = [0u8; 4096];
    for field in data.split(|&b| b == b'\n').take(20_000) {
        let mut input = field;
        loop {
            let (res, nin, nout) = w.field(input, &mut buf);
            out.extend_from_slice(&buf[..nout]);
            input = &input[nin..];
            if res == WriteResult::InputEmpty {
                break;
            }
        }
        let (_, nout) = w.delimiter(&mut buf);
        out.extend_from_slice(&buf[..nout]);
    }
    out.len()
}

fn main() {
    let chunk = arg(0, 64);
    let iterations = arg(1, 4);
    let data = csv(1 << 20);
    let mut written = Vec::new();
    run(iterations, || {
        let (records, small) = read(&data, chunk);
        let (whole_records, whole) = read(&data, data.len());
        assert_eq!((records, small), (whole_records, whole), "chunked and whole reads differ");
        mix(mix(whole, records), write(&data, &mut written) as u64)
    });
}
