//! Work the coach does not type runs at a lower priority than what they do type.
//!
//! Laying out, drawing and writing documents takes whole cores for a while ("save all" of a
//! client with years of letters takes seconds). On a laptop with two cores that work used to
//! compete on equal terms with an autosave and with the window drawing what the coach types,
//! and an autosave's slowest saves took twice as long while an export ran (`benches/live_path.rs`).
//! Here it runs a step behind: still on every core that is free, but yielding whenever the
//! coach's own work wants one.
//!
//! Only threads that never touch the practice file run here. The start-up check and the
//! backups stay at the app's own priority: the window already starts beside the check, and a
//! lowered check would hold back the report of damage it finds.
//!
//! On Linux the nice value is a thread's own, so the rest of the app keeps its priority. Other
//! systems set it for the whole process, so there the threads are left as they are.

use std::thread::JoinHandle;

/// The nice value of background threads: the usual step for "in the background" (`nice`'s own
/// default). A thread at 10 still gets about a tenth of a core that something else wants, where
/// one at 19 gets almost nothing, and a document beside a busy program would take many times as
/// long.
pub const BACKGROUND_NICE: i32 = 10;

/// Runs `work` on a new thread at background priority; fails only when the system starts no
/// thread.
pub fn spawn<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> std::io::Result<JoinHandle<T>> {
    std::thread::Builder::new().name("tenfold-background".to_owned()).spawn(move || {
        lower_this_thread();
        work()
    })
}

/// Lowers the calling thread to background priority, for good: without a privilege a thread
/// cannot raise its priority again, so only call this on a thread kept for background work.
/// A thread already lower stays where it is.
pub fn lower_this_thread() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{getpriority_process, setpriority_process};
        // `None` is the calling thread: on Linux each thread has its own nice value.
        let current = getpriority_process(None).unwrap_or(0);
        if current < BACKGROUND_NICE {
            // Failing leaves the thread as it was, which is only slower for the coach's own work.
            let _ = setpriority_process(None, BACKGROUND_NICE);
        }
    }
}

/// Makes the threads Typst lays out and compresses on (the process's shared Rayon pool, used
/// by nothing else) background threads. Called before the first document is made; the pool is
/// built here once, and a pool already built is left alone.
pub(crate) fn lower_render_threads() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .thread_name(|n| format!("tenfold-render-{n}"))
            .start_handler(|_| lower_this_thread())
            .build_global();
    });
}
