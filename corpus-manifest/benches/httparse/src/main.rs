//! httparse (hyper's HTTP/1 parser): 2,000 generated requests and responses (methods, paths, 3–14 headers of
//! varied lengths, like httparse's own benches with real browser requests), each parsed whole, plus chunked-body
//! size lines. Usage: loopscout-bench-httparse [MESSAGES=2000] [ITERATIONS=20]
use loopscout_bench::{arg, mix, run, word, Rng, FNV_START};

const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];
const HEADERS: &[&str] = &[
    "Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Connection", "Cookie", "Referer",
    "Cache-Control", "Content-Type", "Content-Length", "X-Requested-With", "Upgrade-Insecure-Requests", "DNT",
];

fn message(rng: &mut Rng, response: bool) -> Vec<u8> {
    let mut m = Vec::new();
    if response {
        m.extend_from_slice(format!("HTTP/1.1 {} OK\r\n", 200 + rng.below(300)).as_bytes());
    } else {
        let method = METHODS[rng.skewed(METHODS.len())];
        m.extend_from_slice(format!("{method} /").as_bytes());
        for _ in 0..1 + rng.below(4) {
            m.extend_from_slice(format!("{}/", word(rng)).as_bytes());
        }
        m.extend_from_slice(format!("?q={}&page={} HTTP/1.1\r\n", word(rng), rng.below(100)).as_bytes());
    }
    for _ in 0..3 + rng.below(12) {
        let name = HEADERS[rng.below(HEADERS.len() as u64) as usize];
        m.extend_from_slice(format!("{name}: ").as_bytes());
        for i in 0..1 + rng.below(12) {
            if i > 0 {
                m.extend_from_slice(if rng.below(3) == 0 { b"; " } else { b"," });
            }
            m.extend_from_slice(word(rng).as_bytes());
        }
        m.extend_from_slice(b"\r\n");
    }
    m.extend_from_slice(b"\r\n");
    m
}

fn main() {
    let count = arg(0, 2000);
    let iterations = arg(1, 20);
    let mut rng = Rng::new(5);
    let messages: Vec<(bool, Vec<u8>)> = (0..count).map(|i| (i % 4 == 3, message(&mut rng, i % 4 == 3))).collect();
    let chunks: Vec<Vec<u8>> = (0..count).map(|_| format!("{:x};ext=1\r\n", rng.below(1 << 20)).into_bytes()).collect();
    run(iterations, || {
        let mut sum = FNV_START;
        let mut headers = [httparse::EMPTY_HEADER; 32];
        for (response, m) in &messages {
            let n = if *response {
                let mut r = httparse::Response::new(&mut headers);
                let n = r.parse(m).expect("bad response").unwrap();
                sum = mix(sum, r.code.unwrap() as u64 + r.headers.len() as u64);
                n
            } else {
                let mut r = httparse::Request::new(&mut headers);
                let n = r.parse(m).expect("bad request").unwrap();
                sum = mix(sum, r.path.unwrap().len() as u64 + r.headers.iter().map(|h| h.value.len() as u64).sum::<u64>());
                n
            };
            sum = mix(sum, n as u64);
        }
        for c in &chunks {
            let (n, size) = httparse::parse_chunk_size(c).expect("bad chunk size").unwrap();
            sum = mix(sum, n as u64 ^ size);
        }
        sum
    });
}
