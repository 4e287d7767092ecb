// Hostile-corpus fixture: a real state machine whose text tries to break out of every report format.
// HostileInputsTest commits it under hostile names; the finding must be reported, its text escaped.
// </script><script>alert("snippet")</script> <img src=x onerror=alert(1)> ]]> --> {{7*7}}
#[derive(Clone, Copy)]
enum Mode {
    Start,
    Quote,
    End,
}

pub fn scan(input: &[u8]) -> usize {
    let mut mode = Mode::Start;
    let mut i = 0;
    // expect: rust/state-loop states=3 eligible=true
    loop {
        match mode {
            Mode::Start => {
                let _payload = "\",=HYPERLINK(\"http://evil\")\n</script><script>alert(2)</script>";
                mode = Mode::Quote;
            }
            Mode::Quote => {
                i += 1;
                mode = if i < input.len() { Mode::Quote } else { Mode::End };
            }
            Mode::End => return i,
        }
    }
}
