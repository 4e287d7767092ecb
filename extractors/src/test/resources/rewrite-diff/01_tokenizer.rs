// A tokenizer: identifiers, numbers, punctuation, spaces. Local enum state, break/continue, return.
pub const ALPHABET: &[u8] = b"ab1 2+_(x9";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Lex {
    Start,
    Ident,
    Number,
    Punct,
}

pub fn run(input: &[u8]) -> String {
    let mut out = String::new();
    let mut lex = Lex::Start;
    let mut i = 0;
    let mut start = 0;
    // expect: rust/state-loop var=lex
    loop {
        match lex {
            Lex::Start => {
                if i >= input.len() {
                    break;
                }
                start = i;
                let c = input[i];
                if c.is_ascii_alphabetic() || c == b'_' {
                    lex = Lex::Ident;
                } else if c.is_ascii_digit() {
                    lex = Lex::Number;
                } else if c == b' ' {
                    i += 1;
                    continue;
                } else {
                    lex = Lex::Punct;
                }
            }
            Lex::Ident => {
                i += 1;
                if i < input.len() && (input[i].is_ascii_alphanumeric() || input[i] == b'_') {
                    continue;
                }
                out.push_str(&format!("I{} ", i - start));
                lex = Lex::Start;
            }
            Lex::Number => {
                i += 1;
                while i < input.len() && input[i].is_ascii_digit() {
                    i += 1;
                }
                out.push_str(&format!("N{} ", i - start));
                lex = Lex::Start;
            }
            Lex::Punct => {
                out.push(input[i] as char);
                i += 1;
                lex = Lex::Start;
            }
        }
    }
    out
}
