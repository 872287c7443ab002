//! The Muster server: configuration, telemetry, the HTTP stack and the command line. The binary
//! (`main.rs`) and the integration tests both build on this.

pub mod cli;
pub mod config;
pub mod startup;
pub mod telemetry;
