// A field state whose fieldless enum is not Copy (brotli-decompressor's decoder states): `let mut x = s.f;`
// would move out of the borrowed struct (E0507). Every copy of the field goes through one exhaustive identity
// match, which builds on stable unchanged and which LLVM turns into a load.
pub enum Substate {
    None,
    Header,
    Bytes,
    Done,
}

pub struct Decoder {
    pub substate: Substate,
    pub count: u32,
}

pub fn decode_header(s: &mut Decoder, input: &[u8]) -> Result<u32, usize> {
    let mut i = 0;
    // expect: rust/field-state-loop var=s.substate copy=identity-match
    loop {
        match s.substate {
            Substate::None => {
                if i == input.len() {
                    return Err(i);
                }
                s.substate = Substate::Header;
            }
            Substate::Header => {
                s.count = u32::from(input[i]);
                i += 1;
                if s.count == 0 {
                    s.substate = Substate::Done;
                    continue;
                }
                s.substate = Substate::Bytes;
            }
            Substate::Bytes => {
                if i == input.len() {
                    return Err(i);
                }
                s.count -= 1;
                i += 1;
                if s.count == 0 {
                    s.substate = Substate::Done;
                }
            }
            Substate::Done => {
                s.substate = Substate::None;
                return Ok(s.count);
            }
        }
    }
}
