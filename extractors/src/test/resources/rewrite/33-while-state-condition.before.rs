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
    while job != Job::Done {
        match job {
            Job::Fetch => {
                if i == items.len() {
                    job = Job::Done;
                } else {
                    current = items[i];
                    i += 1;
                    job = Job::Work;
                }
            }
            Job::Work => {
                total += current;
                job = Job::Fetch;
            }
            Job::Done => {}
        }
    }
    total
}
