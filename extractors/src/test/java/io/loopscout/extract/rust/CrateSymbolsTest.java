package io.loopscout.extract.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** state_type resolves against the crate's declarations when the extractor is given them, else is unknown. */
class CrateSymbolsTest {

    private static final SourceFile STATE_RS = new SourceFile("c", "1", "src/state.rs", Language.RUST, """
            pub enum Mode { Head, Body, Done }
            pub enum Token { Word(String), End }
            pub struct Decoder { pub mode: Mode, pub tok: Token }
            """);
    private static final SourceFile DECODE_RS = new SourceFile("c", "1", "src/decode.rs", Language.RUST, """
            use crate::state::*;
            fn run(d: &mut Decoder) {
                loop {
                    match d.mode {
                        Mode::Head => d.mode = Mode::Body,
                        Mode::Body => d.mode = Mode::Done,
                        Mode::Done => return,
                    }
                }
            }
            fn tokens(d: &mut Decoder) {
                let mut t = Token::End;
                loop {
                    match t {
                        Token::End => t = Token::Word(String::new()),
                        Token::Word(w) if w.is_empty() => t = Token::End,
                        Token::Word(_) => return,
                    }
                }
                loop {
                    match d.tok {
                        Token::End => d.tok = Token::End,
                        _ => break,
                    }
                }
            }
            """);

    @Test
    void unknownWithinOneFile() {
        var findings = new RustExtractor().extract(DECODE_RS).findings();
        assertEquals("unknown", findings.get(0).stateType());
        assertEquals("unknown", findings.get(1).stateType());
        // an unknown type does not refuse a loop (the compile decides); the planner's reason is the guard
        assertEquals("match-guards", findings.get(1).reason());
        assertEquals(null, findings.get(0).reason());
    }

    @Test
    void resolvedAcrossTheCrate() {
        RustSymbols crate = new RustSymbols().addAll(RustExtractor.symbolsOf(STATE_RS))
                .addAll(RustExtractor.symbolsOf(DECODE_RS));
        var findings = new RustExtractor(crate, Duration.ofSeconds(10)).extract(DECODE_RS).findings();
        assertEquals(3, findings.size());
        Finding field = findings.get(0);
        assertEquals("d.mode", field.stateVariable());
        assertEquals("enum", field.stateType());
        assertEquals("enum-with-fields", findings.get(1).stateType());
        assertEquals("state-type-has-fields", findings.get(1).reason());
        assertEquals("enum-with-fields", findings.get(2).stateType());
    }

    /** smoltcp's examples/httpclient.rs: a fieldless State of its own, and src/socket/dns.rs's State with fields. */
    private static final SourceFile DNS_RS = new SourceFile("c", "1", "src/dns.rs", Language.RUST, """
            pub enum State { Pending(u16), Completed, Failure }
            """);
    private static final SourceFile CLIENT_RS = new SourceFile("c", "1", "examples/client.rs", Language.RUST, """
            fn main() {
                enum State { Connect, Request, Response }
                let mut state = State::Connect;
                loop {
                    state = match state {
                        State::Connect => State::Request,
                        State::Request => State::Response,
                        State::Response => break,
                    };
                }
            }
            """);

    @Test
    void aFilesOwnEnumShadowsTheCratesNamesake() {
        RustSymbols crate = new RustSymbols().addAll(RustExtractor.symbolsOf(DNS_RS))
                .addAll(RustExtractor.symbolsOf(CLIENT_RS));
        var findings = new RustExtractor(crate, Duration.ofSeconds(10)).extract(CLIENT_RS).findings();
        assertEquals(1, findings.size());
        assertEquals("enum", findings.get(0).stateType());
        assertEquals(null, findings.get(0).reason());
    }
}
