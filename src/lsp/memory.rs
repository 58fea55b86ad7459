//! Giving freed memory back to the system.
//!
//! glibc's allocator keeps freed pages of its arenas mapped; after an editor
//! closes hundreds of documents the server would keep their high-water mark
//! for the rest of the session. When the last document closes we ask glibc
//! to return what it can, and we keep glibc from opening an arena per
//! busy thread (analyses run on tokio's blocking pool, which can grow to
//! dozens of threads under a burst of edits; every arena keeps its own
//! fragmented high-water mark). Other allocators and platforms need nothing.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
unsafe extern "C" {
    fn malloc_trim(pad: usize) -> i32;
    fn mallopt(param: i32, value: i32) -> i32;
}

/// glibc's `M_ARENA_MAX`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const M_ARENA_MAX: i32 = -8;

/// At start-up: at most two malloc arenas per core instead of eight.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        // SAFETY: mallopt only sets a glibc tunable; called before the
        // runtime starts its threads.
        unsafe {
            mallopt(M_ARENA_MAX, (2 * cores).min(i32::MAX as usize) as i32);
        }
    }
}

/// Returns free heap memory to the operating system where the allocator
/// supports it (glibc on Linux); a no-op elsewhere.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only walks glibc's own arenas; it takes no
        // pointers from us and is thread-safe.
        unsafe {
            malloc_trim(0);
        }
    }
}
