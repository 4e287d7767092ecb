// `?` and `return` in arms leave the loop as they are; nothing to change for a local state.
#[derive(Clone, Copy)]
enum Field {
    Key,
    Value,
}

pub fn parse_pairs(line: &str) -> Result<Vec<(u32, u32)>, std::num::ParseIntError> {
    let mut out = Vec::new();
    let mut field = Field::Key;
    let mut parts = line.split(',');
    let mut key = 0;
    // expect: rust/state-loop var=field
    loop {
        match field {
            Field::Key => {
                let Some(k) = parts.next() else { return Ok(out) };
                key = k.trim().parse()?;
                field = Field::Value;
            }
            Field::Value => {
                let v: u32 = match parts.next() {
                    Some(v) => v.trim().parse()?,
                    None => return Ok(out),
                };
                out.push((key, v));
                field = Field::Key;
            }
        }
    }
}
