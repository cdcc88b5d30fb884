//! Property tests' settings: the same cases every run (so CI is repeatable), unless the
//! environment asks for others: `PROPTEST_CASES` for more cases, `PROPTEST_RNG_SEED` for
//! another seed (proptest reads both).

use proptest::test_runner::{Config, RngSeed};

/// Whether the environment names a seed of its own.
pub fn seed_from_env() -> bool {
    std::env::var_os("PROPTEST_RNG_SEED").is_some()
}

/// `cases` cases from the fixed `seed`, each as the environment overrides it; no failure
/// files written.
pub fn config(cases: u32, seed: u64) -> Config {
    let from_env = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            from_env.cases
        } else {
            cases
        },
        rng_seed: if seed_from_env() {
            from_env.rng_seed
        } else {
            RngSeed::Fixed(seed)
        },
        failure_persistence: None,
        ..from_env
    }
}
