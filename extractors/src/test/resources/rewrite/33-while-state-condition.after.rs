// The common `while state != Done` form: the condition reads the state, which is fine (it does not change it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Job {
    Fetch,
    Work,
    Done,
}

pub fn process(items: &[u32]) -> u32 {
    let mut job = Job::Fetch;
    let mut i = 0;
    let mut total = 0;
    let mut current = 0;
    // expect: rust/state-loop var=job
    #[cfg_attr(loop_match, loop_match)]
    'state_loop: loop {
        job = 'next_state: { match job {
            Job::Fetch => { if !(job != Job::Done) { break 'state_loop; }
                if i == items.len() {
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Job::Done;
                } else {
                    current = items[i];
                    i += 1;
                    #[cfg_attr(loop_match, const_continue)] break 'next_state Job::Work;
                }
            }
            Job::Work => { if !(job != Job::Done) { break 'state_loop; }
                total += current;
                #[cfg_attr(loop_match, const_continue)] break 'next_state Job::Fetch;
            }
            Job::Done => { if !(job != Job::Done) { break 'state_loop; } job }
        } }
    }
    total
}
