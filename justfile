# Recipes for working on zhibiao. `just --list` shows them.

# The main job: input/ through rules/ into output/.
run:
    cargo run --release

# The test suite.
test:
    cargo test

# Formatting, lints and tests.
check:
    cargo fmt --check
    cargo clippy --all-targets -- -D warnings
    cargo test

# Rewrite the golden tables after a person has checked the changed rows.
bless:
    ZHIBIAO_BLESS=1 cargo test --test integration golden::

# Score the dev corpus and the peer cases (needs ../shared).
score:
    cargo build --release
    ./target/release/zhibiao extract ../shared/dev-corpus/docs --out target/dev-corpus
    python3 ../shared/eval/score.py ../shared/dev-corpus target/dev-corpus/metrics.csv
    python3 ../shared/eval/peer_score.py ../shared/peer-cases ./target/release/zhibiao

# Throughput (MB/s on one and all cores, against a RegexSet scan) and peak memory.
bench:
    cargo bench --bench throughput

# Fuzz one target (numeral, decode, extract) for ten minutes; needs `cargo install cargo-fuzz`.
# cargo-fuzz uses unstable compiler flags, which RUSTC_BOOTSTRAP allows on stable.
fuzz target="extract":
    cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run {{target}} -- -max_total_time=600
