# Recipes for working on zhibiao. `just --list` shows them.

# The main job: input/ through rules/ into output/.
run:
    cargo run --release

# The test suite.
test:
    cargo test --release

# Formatting, lints and tests.
check:
    cargo fmt --check
    cargo clippy --release --all-targets -- -D warnings
    cargo test --release

# Rewrite the golden tables after a person has checked the changed rows.
bless:
    ZHIBIAO_BLESS=1 cargo test --release --test integration golden::

# Score the dev corpus (with its publication dates) and the peer cases (needs ../shared).
score:
    cargo build --release
    cargo run --release -- extract ../shared/dev-corpus/docs --meta ../shared/dev-corpus/meta.csv --out scores/dev-corpus --format csv
    python3 ../shared/eval/score.py ../shared/dev-corpus scores/dev-corpus/metrics.csv
    python3 ../shared/eval/peer_score.py ../shared/peer-cases "$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/zhibiao"

# Throughput (MB/s on one and all cores, against a RegexSet scan) and peak memory.
bench:
    cargo bench --bench throughput

# cargo-fuzz uses unstable compiler flags, which RUSTC_BOOTSTRAP allows on stable.

# Fuzz one target (numeral, decode, extract, stream) for ten minutes; needs `cargo install cargo-fuzz`.
fuzz target="extract":
    cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run {{target}} -- -max_total_time=600
