//! The Muster server: configuration, telemetry, the HTTP stack and the command line. The binary
//! (`main.rs`) and the integration tests both build on this.

/// mimalloc instead of the system allocator: server-side rendering allocates many small
/// strings on every worker thread, where glibc's arenas contend (measured with the month-page
/// benchmark, see the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod cli;
pub mod config;
pub mod startup;
pub mod telemetry;
