package io.loopscout.extract.rewrite.flatten;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CurrentBlockRenumberingTest {

    @Test
    void hashConstantsBecomeDenseU8InOrderOfFirstUse() {
        String before = """
                unsafe fn f(mut x: i32) -> i32 {
                    let mut current_block: u64;
                    if x > 0 { current_block = 17216689592068449318; } else { current_block = 2473556513754201174; }
                    'c_1: loop {
                        match current_block {
                            2473556513754201174 => { x -= 1; current_block = 17216689592068449318; }
                            17216689592068449318 | 9000 => { if x > 9 { break 'c_1; } x += 2; current_block = 2473556513754201174; }
                            _ => {}
                        }
                    }
                    x
                }
                """;
        String after = """
                unsafe fn f(mut x: i32) -> i32 {
                    let mut current_block: u8;
                    if x > 0 { current_block = 0; } else { current_block = 1; }
                    'c_1: loop {
                        match current_block {
                            1 => { x -= 1; current_block = 0; }
                            0 | 2 => { if x > 9 { break 'c_1; } x += 2; current_block = 1; }
                            _ => {}
                        }
                    }
                    x
                }
                """;
        CurrentBlockRenumbering.Result r = CurrentBlockRenumbering.renumber(before);
        assertEquals(after, r.text());
        assertEquals(1, r.functions());
        assertEquals(3, r.constants());
        assertEquals(after, CurrentBlockRenumbering.renumber(after).text(), "renumbering dense values is a no-op");
    }

    @Test
    void aFunctionThatReadsCurrentBlockOtherwiseIsLeftAlone() {
        String text = """
                fn g() -> u64 {
                    let mut current_block: u64 = 77;
                    match current_block { 77 => current_block = 88, _ => {} }
                    current_block
                }
                """;
        assertEquals(text, CurrentBlockRenumbering.renumber(text).text());
    }
}
