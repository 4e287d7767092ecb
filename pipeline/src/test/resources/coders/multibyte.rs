// Coder fixture: a Rust file whose text holds 2-, 3- and 4-byte UTF-8 characters (é, ☃, 𝄞 as a surrogate pair)
// and a NUL-free but non-ASCII identifier; the file text must come back from the coder unchanged.
enum État { Début, Fin }

fn tokenize(input: &str) -> usize {
    let mut état = État::Début;
    let mut n = 0;
    loop {
        match état {
            État::Début => { n += "☃𝄞".len(); état = État::Fin; }
            État::Fin => break,
        }
    }
    n
}
