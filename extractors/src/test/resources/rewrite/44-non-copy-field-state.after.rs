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
    macro_rules! copy_substate { ($s:expr) => { match $s { Substate::None => Substate::None, Substate::Header => Substate::Header, Substate::Bytes => Substate::Bytes, Substate::Done => Substate::Done, } }; }
    let mut substate = copy_substate!(s.substate);
    #[cfg_attr(loop_match, loop_match)]
    loop {
        substate = 'next_state: { match substate {
            Substate::None => {
                if i == input.len() {
                    return Err(i);
                }
                s.substate = Substate::Header; #[cfg_attr(loop_match, const_continue)] break 'next_state Substate::Header;
            }
            Substate::Header => {
                s.count = u32::from(input[i]);
                i += 1;
                if s.count == 0 {
                    s.substate = Substate::Done;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Substate::Done;
                }
                s.substate = Substate::Bytes; #[cfg_attr(loop_match, const_continue)] break 'next_state Substate::Bytes;
            }
            Substate::Bytes => {
                if i == input.len() {
                    return Err(i);
                }
                s.count -= 1;
                i += 1;
                if s.count == 0 {
                    s.substate = Substate::Done; #[cfg_attr(loop_match, const_continue)] break 'next_state Substate::Done;
                }
                copy_substate!(s.substate)
            }
            Substate::Done => {
                s.substate = Substate::None;
                return Ok(s.count);
            }
        } }
    }
}
