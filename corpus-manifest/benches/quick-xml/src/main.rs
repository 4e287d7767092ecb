//! quick-xml (the XML reader behind calamine, serde-xml, ...): a generated 1 MiB document with a DOCTYPE whose
//! internal subset declares elements, attributes and entities (the DTD parser is a state machine), comments,
//! processing instructions, CDATA, attributes and nested elements; read event by event through a BufRead of
//! CHUNK bytes (the parsers resume across buffer refills) and from a whole slice.
//! Usage: loopscout-bench-quick-xml [CHUNK=64] [ITERATIONS=4]
use loopscout_bench::{arg, fnv, mix, run, word, Rng, FNV_START};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::BufReader;

fn document(len: usize) -> String {
    let mut rng = Rng::new(7);
    let mut d = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE catalog [\n");
    for i in 0..200 {
        let w = word(&mut rng);
        d += &format!("  <!ELEMENT {w}{i} (#PCDATA|item)*>\n  <!ATTLIST {w}{i} id ID #REQUIRED kind CDATA \"x>y\">\n");
        d += &format!("  <!ENTITY e{i} \"{} &amp; '{}'\">\n  <!-- declaration {i} > with [brackets] -->\n", word(&mut rng), word(&mut rng));
        d += &format!("  <?pi-{i} data=\"{}\"?>\n", word(&mut rng));
    }
    d += "]>\n<catalog>\n";
    let mut depth = 0;
    while d.len() < len {
        match rng.below(8) {
            0 if depth < 6 => {
                d += &format!("<section name=\"{}\" n='{}'>", word(&mut rng), rng.below(1000));
                depth += 1;
            }
            1 if depth > 0 => {
                d += "</section>\n";
                depth -= 1;
            }
            2 => d += &format!("<![CDATA[{} <not> & {}]]>", word(&mut rng), word(&mut rng)),
            3 => d += &format!("<!-- {} -- {} -->", word(&mut rng), word(&mut rng)),
            4 => d += &format!("<empty a=\"{}\" b=\"{}\"/>", word(&mut rng), rng.below(100)),
            _ => d += &format!("<item id=\"i{}\">{} &amp; {} &lt;{}&gt;</item>\n", rng.below(1 << 20),
                word(&mut rng), word(&mut rng), word(&mut rng)),
        }
    }
    for _ in 0..depth {
        d += "</section>";
    }
    d + "</catalog>\n"
}

fn fold(sum: u64, event: &Event) -> u64 {
    match event {
        Event::Start(e) | Event::Empty(e) => {
            let mut s = fnv(sum, e.name().into_inner().as_bytes());
            for a in e.attributes() {
                let a = a.expect("bad attribute");
                s = fnv(fnv(s, a.key.into_inner().as_bytes()), a.value.as_ref().as_ref());
            }
            s
        }
        Event::End(e) => fnv(sum, e.name().into_inner().as_bytes()),
        Event::Text(t) => mix(sum, t.len() as u64),
        Event::CData(t) => fnv(sum, t[..].as_bytes()),
        Event::Comment(t) => mix(sum, t.len() as u64),
        Event::DocType(t) => fnv(sum, t[..].as_bytes()),
        Event::PI(t) => mix(sum, t.len() as u64),
        Event::Decl(_) => mix(sum, 1),
        Event::GeneralRef(r) => fnv(sum, r[..].as_bytes()),
        Event::Eof => sum,
    }
}

fn main() {
    let chunk = arg(0, 64);
    let iterations = arg(1, 4);
    let doc = document(1 << 20);
    run(iterations, || {
        let mut small = Reader::from_reader(BufReader::with_capacity(chunk, doc.as_bytes()));
        let mut buf = Vec::new();
        let mut sum = FNV_START;
        loop {
            buf.clear();
            let e = small.read_event_into(&mut buf).expect("bad XML");
            sum = fold(sum, &e);
            if matches!(e, Event::Eof) {
                break;
            }
        }
        let mut whole = Reader::from_str(&doc);
        let mut sum2 = FNV_START;
        loop {
            let e = whole.read_event().expect("bad XML");
            sum2 = fold(sum2, &e);
            if matches!(e, Event::Eof) {
                break;
            }
        }
        assert_eq!(sum, sum2, "chunked and whole reads differ");
        sum
    });
}
