//! Helpers shared by the integration tests.

/// The text of the seed article whose file name starts with `prefix` ("000", "001", ...).
pub fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let name = names
        .iter()
        .find(|n| n.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    std::fs::read_to_string(format!("{dir}/{name}")).unwrap()
}

/// Compares `got` with the golden file `tests/golden/<name>`; with
/// `UPDATE_GOLDEN=1` in the environment, rewrites the file instead.
pub fn check_golden(name: &str, got: &str) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        got, want,
        "golden file {path} differs (UPDATE_GOLDEN=1 to rewrite)"
    );
}
