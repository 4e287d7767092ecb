// Two current_block loops in c2rust's shapes (hand-written for loopscout's tests).

/// Counts runs of equal bytes. The loop body is one `match current_block`: the rewriter must turn it into
/// the #[loop_match] form (expect: rewritten).
pub unsafe fn count_runs(mut p: *const u8, n: usize) -> usize {
    let mut runs: usize = 0;
    let mut i: usize = 0;
    let mut prev: u8 = 0;
    let mut current_block: u64 = 5235537862154438448;
    'c_10: loop {
        match current_block {
            5235537862154438448 => {
                if i == n {
                    break 'c_10;
                }
                prev = *p.offset(i as isize);
                runs = runs.wrapping_add(1);
                i = i.wrapping_add(1);
                current_block = 2656621999919645428;
                continue 'c_10;
            }
            2656621999919645428 => {
                if i == n {
                    break 'c_10;
                }
                if *p.offset(i as isize) != prev {
                    current_block = 5235537862154438448;
                } else {
                    i = i.wrapping_add(1);
                    current_block = 2656621999919645428;
                }
            }
            _ => break 'c_10,
        }
    }
    runs
}

/// Sums bytes, with a statement after the match that every arm falls into, as c2rust emits for shared tails
/// (BZ2_decompress has this shape): not the #[loop_match] form (expect: left alone, statements around the match).
pub unsafe fn sum_with_tail(mut p: *const u8, n: usize) -> u32 {
    let mut sum: u32 = 0;
    let mut i: usize = 0;
    let mut current_block: u64 = 13117423076242014721;
    'c_20: loop {
        if i >= n {
            break 'c_20;
        }
        match current_block {
            13117423076242014721 => {
                sum = sum.wrapping_add(*p.offset(i as isize) as u32);
                current_block = 16368336330394982322;
            }
            16368336330394982322 => {
                sum = sum.wrapping_mul(3);
                current_block = 13117423076242014721;
            }
            _ => break 'c_20,
        }
        i = i.wrapping_add(1);
    }
    sum
}
