// `while let` binds a new value each round: it cannot become `loop`, the loop is left alone.
#[derive(Clone, Copy)]
enum Quote {
    Outside,
    Inside,
}

pub fn strip_quoted(input: &str) -> String {
    let mut out = String::new();
    let mut chars = input.chars();
    let mut quote = Quote::Outside;
    // expect: rust/state-loop var=quote reason=while-loop
    while let Some(c) = chars.next() {
        match quote {
            Quote::Outside => {
                if c == '"' {
                    quote = Quote::Inside;
                } else {
                    out.push(c);
                }
            }
            Quote::Inside => {
                if c == '"' {
                    quote = Quote::Outside;
                }
            }
        }
    }
    out
}
