//! The layer rule, held: reads every file under `src/` at test time and fails, naming file:line,
//! on a `crate::…` or `super::…` path that reaches a module its layer may not use, and on an
//! import cycle between files inside one top-level module (`src/store/`, `src/app/`, …).

#[path = "layers/scan.rs"]
mod scan;

use scan::{Use, module_of, uses};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module and what it may name (`crate::X`), lowest layer first. A module may
/// always name itself. `cli` and `main.rs` may name anything; `lib.rs` only declares modules.
#[rustfmt::skip]
const LAYERS: &[(&str, &[&str])] = &[
    // base: nothing of ours (i18n formats through sanitize)
    ("sanitize", &[]),
    ("clock",    &[]),
    ("term",     &[]),
    ("i18n",     &["sanitize"]),
    ("domain",   &[                                                            "i18n", "sanitize", "clock", "term"]),
    ("store",    &[                                                  "domain", "i18n", "sanitize", "clock", "term"]),
    // synthetic campaigns for benches and tests; nothing below may use them
    ("synth",    &[                                         "store", "domain", "i18n", "sanitize", "clock", "term"]),
    ("sync",     &[                                         "store", "domain", "i18n", "sanitize", "clock", "term"]),
    ("report",   &[                                         "store", "domain", "i18n", "sanitize", "clock", "term"]),
    ("app",      &[                       "report", "sync", "store", "domain", "i18n", "sanitize", "clock", "term"]),
    ("ui",       &[                "app", "report",         "store", "domain", "i18n", "sanitize", "clock", "term"]),
    ("config",   &[          "ui", "app",                   "store",           "i18n", "sanitize", "clock", "term"]),
    ("shell",    &["config", "ui", "app",           "sync", "store", "domain", "i18n", "sanitize", "clock", "term"]),
];

/// Top-level modules that may name anything.
const ANYTHING: &[&str] = &["cli", "main"];

/// Names at the crate root that belong to a module: `crate::tr!` is i18n's macro.
const ROOT_NAMES: &[(&str, &str)] = &[("tr", "i18n")];

/// Modules that only draw or decide: the TOML crates are the store's (and config's).
const NO_TOML: &[&str] = &["ui"];

/// Where file-level import cycles are not allowed.
const NO_CYCLES: &[&str] = &[
    "store", "domain", "app", "ui", "shell", "cli", "report", "sync", "config", "term",
];

/// One source file: where it is, its module path, the paths it names.
struct File {
    shown: String,
    module: Vec<String>,
    uses: Vec<Use>,
}

fn read_src() -> std::io::Result<Vec<File>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&src).map_err(std::io::Error::other)?;
                let relative = relative.to_string_lossy().replace('\\', "/");
                let text = std::fs::read_to_string(&path)?;
                let module = module_of(&relative);
                let uses = uses(&module, &text);
                files.push(File {
                    shown: format!("src/{relative}"),
                    module,
                    uses,
                });
            }
        }
    }
    files.sort_by(|a, b| a.shown.cmp(&b.shown));
    Ok(files)
}

/// The wrong-way paths in one file, as `file:line: …` lines.
fn layer_breaks(shown: &str, module: &[String], found: &[Use]) -> Vec<String> {
    let Some(top) = module.first() else {
        return Vec::new();
    };
    if ANYTHING.contains(&top.as_str()) {
        return Vec::new();
    }
    let Some((_, allowed)) = LAYERS.iter().find(|(name, _)| name == top) else {
        return vec![format!(
            "{shown}: module `{top}` is not in the LAYERS table"
        )];
    };
    let mut breaks = Vec::new();
    for u in found {
        let Some(first) = u.path.first() else {
            continue;
        };
        let target = ROOT_NAMES
            .iter()
            .find(|(name, _)| name == first)
            .map_or(first.as_str(), |(_, owner)| owner);
        if target != top && !allowed.contains(&target) {
            breaks.push(format!(
                "{shown}:{}: `{top}` may not use `crate::{}`",
                u.line,
                u.path.join("::")
            ));
        }
    }
    breaks
}

/// For each module, the modules it names, each with the first place it does.
type Edges = BTreeMap<Vec<String>, BTreeMap<Vec<String>, (String, usize)>>;

/// File-level cycles among `files` inside the top-level module `top`, each as the files in it
/// and the lines that make its edges. Test code is left out: a test may reach across files.
fn cycles(top: &str, files: &[File]) -> Vec<String> {
    let inside: Vec<&File> = files
        .iter()
        .filter(|f| f.module.first().is_some_and(|t| t == top))
        .collect();
    let modules: BTreeSet<Vec<String>> = inside.iter().map(|f| f.module.clone()).collect();
    let mut edges: Edges = BTreeMap::new();
    for File {
        shown,
        module,
        uses,
    } in inside
    {
        let out = edges.entry(module.clone()).or_default();
        for u in uses.iter().filter(|u| !u.test) {
            let target = (1..=u.path.len())
                .rev()
                .map(|n| u.path[..n].to_vec())
                .find(|p| modules.contains(p));
            if let Some(target) = target.filter(|t| t != module) {
                out.entry(target).or_insert((shown.clone(), u.line));
            }
        }
    }
    let nodes: Vec<Vec<String>> = modules.into_iter().collect();
    let reach = |from: &Vec<String>| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(n) = stack.pop() {
            for next in edges.get(&n).into_iter().flat_map(BTreeMap::keys) {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&Vec<String>, BTreeSet<Vec<String>>> =
        nodes.iter().map(|n| (n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(n) || !reached[n].contains(n) {
            continue;
        }
        let group: Vec<&Vec<String>> = nodes
            .iter()
            .filter(|m| reached[n].contains(*m) && reached[*m].contains(n))
            .collect();
        let mut lines = vec![format!(
            "cycle of {} files: {}",
            group.len(),
            group
                .iter()
                .map(|m| m.join("::"))
                .collect::<Vec<_>>()
                .join(", ")
        )];
        for from in &group {
            for (to, (shown, line)) in edges.get(*from).into_iter().flatten() {
                if group.contains(&to) {
                    lines.push(format!(
                        "  {shown}:{line}: {} → {}",
                        from.join("::"),
                        to.join("::")
                    ));
                }
            }
            done.insert((*from).clone());
        }
        out.push(lines.join("\n"));
    }
    out
}

#[test]
fn every_import_points_down_the_layers() {
    let breaks: Vec<String> = read_src()
        .expect("read src/")
        .iter()
        .flat_map(|f| layer_breaks(&f.shown, &f.module, &f.uses))
        .collect();
    assert!(
        breaks.is_empty(),
        "imports against the layer rule:\n{}",
        breaks.join("\n")
    );
}

#[test]
fn no_import_cycles_between_files_of_a_module() {
    let files = read_src().expect("read src/");
    let found: Vec<String> = NO_CYCLES
        .iter()
        .flat_map(|top| cycles(top, &files))
        .collect();
    assert!(
        found.is_empty(),
        "import cycles between files:\n{}",
        found.join("\n")
    );
}

#[test]
fn ui_parses_no_toml() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in read_src().expect("read src/") {
        if !file
            .module
            .first()
            .is_some_and(|t| NO_TOML.contains(&t.as_str()))
        {
            continue;
        }
        let path = src.join(file.shown.trim_start_matches("src/"));
        let text = scan::blank(&std::fs::read_to_string(path).expect("read source"));
        for (n, line) in text.lines().enumerate() {
            if line.contains("toml_edit") || line.contains("toml_parser") {
                found.push(format!("{}:{}: {}", file.shown, n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "TOML parsed outside the store:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_table_names_every_top_level_module() {
    let tops: BTreeSet<String> = read_src()
        .expect("read src/")
        .iter()
        .filter_map(|f| f.module.first().cloned())
        .collect();
    for top in tops {
        let known = LAYERS.iter().any(|(n, _)| *n == top) || ANYTHING.contains(&top.as_str());
        assert!(known, "src/{top}: add it to LAYERS in tests/layers.rs");
    }
}

// The checker itself can fail: a forbidden import and a cycle, on small strings.

fn m(path: &str) -> Vec<String> {
    module_of(path)
}

#[test]
fn a_wrong_way_import_is_named_with_its_line() {
    let text = "//! crate::cli in a comment is fine\nuse crate::domain::Task;\nuse crate::{i18n::Text,\n    cli::names::resolve};\nconst S: &str = \"crate::app\";\n";
    let module = m("report/filter.rs");
    let breaks = layer_breaks("src/report/filter.rs", &module, &uses(&module, text));
    assert_eq!(
        breaks,
        vec!["src/report/filter.rs:4: `report` may not use `crate::cli::names::resolve`"]
    );
}

#[test]
fn super_paths_resolve_from_the_file_and_its_inline_modules() {
    let text = "use super::super::synth;\n#[cfg(all(test, unix))]\nmod tests {\n    use super::*;\n    fn f() { crate::tr!(\"a\", \"b\"); }\n}\n";
    let module = m("store/save/gz.rs");
    let found = uses(&module, text);
    let paths: Vec<String> = found
        .iter()
        .map(|u| format!("{}:{}", u.line, u.path.join("::")))
        .collect();
    assert_eq!(paths, vec!["1:store::synth", "4:store::save::gz", "5:tr"]);
    let test: Vec<bool> = found.iter().map(|u| u.test).collect();
    assert_eq!(test, vec![false, true, true], "inside the cfg(test) module");
    let up = "use super::super::super::synth::campaign_toml;\n";
    let breaks = layer_breaks("src/store/save/gz.rs", &module, &uses(&module, up));
    assert_eq!(
        breaks,
        vec!["src/store/save/gz.rs:1: `store` may not use `crate::synth::campaign_toml`"]
    );
    assert!(layer_breaks("src/store/save/gz.rs", &module, &found).is_empty());
}

#[test]
fn a_cycle_between_two_files_is_found() {
    let file = |path: &str, text: &str| {
        let module = m(path);
        let uses = uses(&module, text);
        File {
            shown: format!("src/{path}"),
            module,
            uses,
        }
    };
    let files = vec![
        file("store/a.rs", "use crate::store::b::B;\n"),
        file("store/b.rs", "\nuse super::{a::A, c};\n"),
        file("store/c.rs", "use crate::store::a;\n"),
        file("store/d.rs", "use crate::store::a;\n"),
    ];
    let found = cycles("store", &files);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("cycle of 3 files: store::a, store::b, store::c"),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains("src/store/b.rs:2: store::b → store::a"),
        "{}",
        found[0]
    );
    assert!(cycles("store", &files[1..2]).is_empty());
}
