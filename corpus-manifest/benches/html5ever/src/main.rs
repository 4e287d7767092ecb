//! html5ever's tokenizer (the HTML5 tokenizer state machine of Servo, used by scraper, ammonia, ...): a
//! generated 512 KiB page (doctype, nested tags with quoted and unquoted attributes, named and numeric
//! character references, comments, scripts, raw text) tokenized the way html5ever's own criterion bench does,
//! fed to the tokenizer in CHUNK-char buffers. Usage: loopscout-bench-html5ever [CHUNK=1024] [ITERATIONS=3]
use html5ever::tendril::{StrTendril, Tendril};
use html5ever::tokenizer::{BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::TokenizerResult;
use loopscout_bench::{arg, fnv, mix, run, word, Rng, FNV_START};
use std::cell::Cell;

struct Sink(Cell<u64>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let s = self.0.get();
        self.0.set(match &token {
            Token::TagToken(t) => {
                let mut s = fnv(mix(s, t.kind as u64), t.name.as_bytes());
                for a in &t.attrs {
                    s = fnv(fnv(s, a.name.local.as_bytes()), a.value.as_bytes());
                }
                s
            }
            Token::CharacterTokens(c) => fnv(s, c.as_bytes()),
            Token::CommentToken(c) => mix(s, c.len() as u64),
            Token::DoctypeToken(_) => mix(s, 7),
            Token::NullCharacterToken => mix(s, 0),
            Token::EOFToken => mix(s, 1),
            Token::ParseError(_) => mix(s, 2),
        });
        TokenSinkResult::Continue
    }
}

fn page(len: usize) -> String {
    let mut rng = Rng::new(8);
    let mut p = String::from("<!DOCTYPE html>\n<html lang=en><head><title>loopscout &amp; friends</title></head><body>\n");
    while p.len() < len {
        match rng.below(10) {
            0 => p += &format!("<div class=\"{} {}\" id={} data-n='{}'>", word(&mut rng), word(&mut rng),
                word(&mut rng), rng.below(1000)),
            1 => p += "</div>\n",
            2 => p += &format!("<!-- {} -- {} -->", word(&mut rng), word(&mut rng)),
            3 => p += &format!("<script>if (a < b && c > {}) {{ x = \"</div>\"; }}</script>\n", rng.below(99)),
            4 => p += &format!("<a href=\"/{}?q={}&amp;p={}\">{}</a> ", word(&mut rng), word(&mut rng),
                rng.below(50), word(&mut rng)),
            5 => p += &format!("&lt;{}&gt; &#x{:x}; &#{}; &nbsp;&copy ", word(&mut rng), 0x41 + rng.below(26),
                0x61 + rng.below(26)),
            6 => p += &format!("<img src={}.png alt=\"{}\"><br/>", word(&mut rng), word(&mut rng)),
            _ => {
                p += "<p>";
                for _ in 0..5 + rng.below(20) {
                    p += word(&mut rng);
                    p += " ";
                }
                p += "</p>\n";
            }
        }
    }
    p + "</body></html>\n"
}

fn main() {
    let chunk = arg(0, 1024);
    let iterations = arg(1, 3);
    let text = page(1 << 19);
    let chars: Vec<char> = text.chars().collect();
    let pieces: Vec<StrTendril> = chars.chunks(chunk).map(|c| Tendril::from(c.iter().collect::<String>())).collect();
    run(iterations, || {
        let queue = BufferQueue::default();
        for p in &pieces {
            queue.push_back(p.clone());
        }
        let tok = Tokenizer::new(Sink(Cell::new(FNV_START)), Default::default());
        while tok.feed(&queue) != TokenizerResult::Done {}
        tok.end();
        tok.sink.0.get()
    });
}
