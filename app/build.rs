//! Embeds every `locales/<lang>/<area>.ftl` file so that adding a file needs no code change.

use std::{env, fmt::Write as _, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<PathBuf> = fs::read_dir(&root)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    langs.retain(|p| p.is_dir());
    langs.sort();
    let mut out = String::from("/// (locale, [(area, source)]) for every shipped Fluent file.\n");
    out.push_str("pub static SOURCES: &[(&str, &[(&str, &str)])] = &[\n");
    for lang in &langs {
        let code = lang
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let mut files: Vec<PathBuf> = fs::read_dir(lang)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "ftl"));
        files.sort();
        let _ = writeln!(out, "    ({code:?}, &[");
        for file in &files {
            println!("cargo:rerun-if-changed={}", file.display());
            let area = file
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let path = file.canonicalize().unwrap_or_else(|_| file.clone());
            let _ = writeln!(
                out,
                "        ({area:?}, include_str!({:?})),",
                path.display().to_string()
            );
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("locales.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
