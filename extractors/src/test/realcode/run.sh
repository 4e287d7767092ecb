#!/bin/bash
# Real-code check of the rewriter: rewrites the crates.io releases of zlib-rs, libbz2-rs-sys and miniz_oxide in
# place (in a scratch dir), runs each crate's own tests on stable and with --cfg loop_match, then runs a
# round-trip harness (harness.rs: chunked inflate, streaming bzip2 compress/decompress, corrupted streams)
# against the original and the rewritten crates and compares every output line.
# Usage: extractors/src/test/realcode/run.sh [WORKDIR]   (after: mvn -q -pl extractors -am test-compile)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
work=${1:-$(mktemp -d /tmp/loopscout-realcode.XXXX)}
mkdir -p "$work"
cp_jars=$(find ~/.m2/repository/io/github/bonede -name '*.jar' | tr '\n' ':')
CP="$cp_jars$repo/extractors/target/classes:$repo/extractors/target/test-classes:$repo/corpus-manifest/target/classes"
crates="zlib-rs@0.6.8 libbz2-rs-sys@0.2.6 miniz_oxide@0.9.1"

rm -rf "$work/fetch" && cargo new -q "$work/fetch"
(cd "$work/fetch" && cargo add -q $crates && cargo fetch -q)
reg=$(ls -d ~/.cargo/registry/src/*/ | head -1)
mkdir -p "$work/orig" "$work/rw"
for c in $crates; do
  d="${c/@/-}"
  rm -rf "$work/orig/$d" "$work/rw/$d"
  cp -r "$reg/$d" "$work/orig/$d"; cp -r "$reg/$d" "$work/rw/$d"
  echo "== rewrite $d"
  java -cp "$CP" io.loopscout.extract.rewrite.RewriteCrateTool "$work/rw/$d" IN_PLACE "$work/$d.diff"
done
for d in zlib-rs-0.6.8 libbz2-rs-sys-0.2.6; do
  (cd "$work/rw/$d" && cargo fetch -q
   echo "== cargo test $d (stable)"
   env -u RUSTC_BOOTSTRAP -u RUSTFLAGS CARGO_TARGET_DIR="$work/t-$d-stable" nice cargo test -q --offline 2>&1 | grep -E "^test result" || true
   echo "== cargo test $d (loop_match)"
   RUSTC_BOOTSTRAP=1 RUSTFLAGS="--cfg loop_match" CARGO_TARGET_DIR="$work/t-$d-lm" nice cargo test -q --offline 2>&1 | grep -E "^test result" || true)
done
for side in orig rw; do
  mkdir -p "$work/h-$side/src" && cp "$here/harness.rs" "$work/h-$side/src/main.rs"
  cat > "$work/h-$side/Cargo.toml" <<TOML
[package]
name = "harness"
version = "0.1.0"
edition = "2021"

[dependencies]
zlib-rs = { path = "../$side/zlib-rs-0.6.8" }
libbz2-rs-sys = { path = "../$side/libbz2-rs-sys-0.2.6" }

[profile.release]
debug-assertions = true
TOML
done
(cd "$work/h-orig" && env -u RUSTC_BOOTSTRAP -u RUSTFLAGS CARGO_TARGET_DIR="$work/th-orig" nice cargo build -q --release 2>/dev/null)
(cd "$work/h-rw" && env -u RUSTC_BOOTSTRAP -u RUSTFLAGS CARGO_TARGET_DIR="$work/th-rw" nice cargo build -q --release 2>/dev/null)
(cd "$work/h-rw" && RUSTC_BOOTSTRAP=1 RUSTFLAGS="--cfg loop_match" CARGO_TARGET_DIR="$work/th-lm" nice cargo build -q --release 2>/dev/null)
"$work/th-orig/release/harness" 300 > "$work/h-orig.txt"
"$work/th-rw/release/harness" 300 > "$work/h-rw.txt"
"$work/th-lm/release/harness" 300 > "$work/h-lm.txt"
echo "== harness: $(wc -l < "$work/h-orig.txt") cases, $(grep -c ok=true "$work/h-orig.txt") round trips ok (the rest are corrupted streams)"
cmp "$work/h-orig.txt" "$work/h-rw.txt" && echo "rewritten (stable) output identical to original"
cmp "$work/h-orig.txt" "$work/h-lm.txt" && echo "rewritten (loop_match) output identical to original"
