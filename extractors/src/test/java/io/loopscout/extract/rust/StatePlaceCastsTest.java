package io.loopscout.extract.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The text judge of casts of a state place, which the prefilter asks before any tree is copied. */
class StatePlaceCastsTest {

    @Test
    void integerCastsOfAPlaceAreLookedThrough() {
        assertEquals("p_state", StatePlace.withoutIntegerCasts("p_state as ::core::ffi::c_uint"));
        assertEquals("(*h).substate", StatePlace.withoutIntegerCasts("(*h).substate as c_uint"));
        assertEquals("(*h).st", StatePlace.withoutIntegerCasts("((*h).st as ::core::ffi::c_uint) as i32"));
        assertEquals("self.mode", StatePlace.withoutIntegerCasts("self.mode as\n    libc :: c_int as u8"));
    }

    @Test
    void otherCastsStay() {
        // an alias is not known to be an integer
        assertEquals("st as state", StatePlace.withoutIntegerCasts("st as state"));
        // what stands under the casts is judged a place or not as any scrutinee: an index or a sum is none
        assertFalse(StatePlace.isPlace(StatePlace.withoutIntegerCasts("code[pc] as usize")));
        assertFalse(StatePlace.isPlace(StatePlace.withoutIntegerCasts("(a) + (b) as u8").replaceAll("\\s+", "")));
    }

    @Test
    void integerTypes() {
        assertTrue(StatePlace.isIntegerType("u8"));
        assertTrue(StatePlace.isIntegerType("::core::ffi::c_uint"));
        assertTrue(StatePlace.isIntegerType("std::os::raw::c_longlong"));
        assertFalse(StatePlace.isIntegerType("state"));
        assertFalse(StatePlace.isIntegerType("f64"));
        assertFalse(StatePlace.isIntegerType("char"));
    }
}
