// A closure inside an arm that does not touch the state is fine, and its own loop's break stays.
#[derive(Clone, Copy)]
enum St {
    Scan,
    Emit,
}

pub fn first_vowels(words: &[&str]) -> String {
    let mut out = String::new();
    let mut st = St::Scan;
    let mut w = 0;
    // expect: rust/state-loop var=st
    loop {
        match st {
            St::Scan => {
                if w == words.len() {
                    return out;
                }
                st = St::Emit;
            }
            St::Emit => {
                let first = |s: &str| {
                    let mut found = None;
                    for c in s.chars() {
                        if "aeiou".contains(c) {
                            found = Some(c);
                            break;
                        }
                    }
                    found
                };
                if let Some(c) = first(words[w]) {
                    out.push(c);
                }
                w += 1;
                st = St::Scan;
            }
        }
    }
}
