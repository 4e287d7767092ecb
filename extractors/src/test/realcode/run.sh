#!/bin/bash
# Real-code check of the rewriter (README "Benchmarks and checks"). For the Rust crates of the default manifest
# plus crates with state machines used nowhere else in the project (EXTRA), fetched from crates.io with cargo:
#  1. `./loopscout rewrite` (sandboxed verification builds) rewrites a copy of each crate in place;
#  2. a table per crate: state-family findings (state-loop, field-state-loop, c2rust-current-block), rewritten,
#     reverted, left alone with the reasons; the total share rewritten (target >= 80%);
#  3. every crate with a rewritten loop runs its own test suite in the sandbox (bwrap, no network, source
#     read-only), original and rewritten on stable and rewritten with --cfg loop_match;
#  4. the round-trip harness (harness.rs: chunked inflate, streaming bzip2, corrupted streams) runs against the
#     original and the rewritten zlib-rs and libbz2-rs-sys and every output line is compared.
# Usage: extractors/src/test/realcode/run.sh [WORKDIR]   (crate sources are never written into the repository)
#   CRATES="name@version ..." checks only those crates; EXTRA="..." replaces the extra crates; HARNESS=0 skips 4.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
work=${1:-$(mktemp -d /tmp/loopscout-realcode.XXXX)}
mkdir -p "$work"
manifest="$repo/corpus-manifest/default.yaml"
# name@version of every Rust crate in the default manifest
default=$(awk '/^  - id:/{rust=0} /language: rust/{rust=1} rust && /source: \{ crate:/{
  gsub(/[{},"]/, ""); for (i=1;i<=NF;i++) { if ($i=="crate:") c=$(i+1); if ($i=="version:") v=$(i+1) }
  print c "@" v; rust=0 }' "$manifest")
EXTRA=${EXTRA:-"lzma-rust2@0.25.0 deflate64@0.1.12 unsafe-libyaml@0.2.11 yazi@0.2.2"}
crates=${CRATES:-"$default $EXTRA"}

rm -rf "$work/fetch" && cargo new -q "$work/fetch"
(cd "$work/fetch" && for c in $crates; do cargo add -q "$c"; done && cargo fetch -q)
reg=$(ls -d ~/.cargo/registry/src/*/ | head -1)
mkdir -p "$work/orig" "$work/rw" "$work/out"
table="$work/table.md"
echo "| crate | findings | rewritten | reverted | left alone (reasons) | tests original / stable / loop_match |" > "$table"
echo "|---|---|---|---|---|---|" >> "$table"
tf=0; tr=0
sandbox() { # DIR TARGET CMD...: offline, no network, the scratch area (crates, harness) read-only, only TARGET writable
  local dir=$1 target=$2; shift 2
  bwrap --unshare-all --die-with-parent --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp \
    --ro-bind "$work" "$work" --bind "$target" "$target" --chdir "$dir" --setenv CARGO_TARGET_DIR "$target" --setenv CARGO_NET_OFFLINE true \
    "$@"
}
tests() { # DIR TARGET [loop_match]: "passed/failed" of the crate's own test suite
  local dir=$1 target=$2 lm=${3:-}
  mkdir -p "$target"
  local log="$target.log"
  if [ -n "$lm" ]; then
    sandbox "$dir" "$target" env RUSTC_BOOTSTRAP=1 RUSTFLAGS="--cfg loop_match" nice cargo test -q --offline --lib --tests > "$log" 2>&1 || true
  else
    sandbox "$dir" "$target" env -u RUSTC_BOOTSTRAP -u RUSTFLAGS nice cargo test -q --offline --lib --tests > "$log" 2>&1 || true
  fi
  if grep -q "^test result" "$log"; then
    awk '/^test result/{for(i=1;i<=NF;i++){if($(i+1)~/^passed/)p+=$i; if($(i+1)~/^failed/)f+=$i}} END{printf "%d/%d", p, f}' "$log"
  else
    echo "no-build($(grep -m1 -E '^error' "$log" | cut -c1-60))"
  fi
}
for c in $crates; do
  d="${c/@/-}"
  rm -rf "$work/orig/$d" "$work/rw/$d"
  cp -r "$reg/$d" "$work/orig/$d"; cp -r "$reg/$d" "$work/rw/$d"; chmod -R u+w "$work/orig/$d" "$work/rw/$d"
  echo "== rewrite $d" >&2
  (cd "$repo" && ./loopscout rewrite "$work/rw/$d" --patch "$work/$d.diff" > "$work/out/$d.txt" 2> "$work/out/$d.err") || true
  # --patch verifies and writes the diff without touching the crate: apply it to the rewritten copy
  [ -s "$work/$d.diff" ] && (cd "$work/rw/$d" && patch -s -p1 -i "$work/$d.diff")
  f=$(grep -cE ' rust/(state-loop|field-state-loop|c2rust-current-block) ' "$work/out/$d.txt" || true)
  r=$(grep -E ' rust/(state-loop|field-state-loop|c2rust-current-block) ' "$work/out/$d.txt" | grep -c ' rewritten' || true)
  v=$(grep -E ' rust/(state-loop|field-state-loop|c2rust-current-block) ' "$work/out/$d.txt" | grep -c ' reverted' || true)
  why=$(grep -E ' rust/[a-z-]+ .* (left-alone|reverted)' "$work/out/$d.txt" | sed -E 's/.* (left-alone|reverted) \(([a-z0-9-]+).*/\1:\2/' | sort | uniq -c | awk '{printf "%s%s x%d", (NR>1?", ":""), $2, $1}')
  [ -s "$work/out/$d.err" ] && why="$why $(head -c 150 "$work/out/$d.err" | tr '\n' ' ')"
  t="-"
  if [ "$r" -gt 0 ]; then
    (cd "$work/orig/$d" && cargo generate-lockfile -q --offline 2>/dev/null || cargo fetch -q) || true
    cp "$work/orig/$d/Cargo.lock" "$work/rw/$d/" 2>/dev/null || true
    (cd "$work/rw/$d" && cargo fetch -q) || true
    echo "== tests $d" >&2
    t="$(tests "$work/orig/$d" "$work/t/$d-orig") / $(tests "$work/rw/$d" "$work/t/$d-stable") / $(tests "$work/rw/$d" "$work/t/$d-lm" lm)"
  fi
  echo "| $d | $f | $r | $v | $why | $t |" >> "$table"
  tf=$((tf + f)); tr=$((tr + r))
done
echo "" >> "$table"
echo "total: $tr of $tf state-family findings rewritten ($(( tf == 0 ? 0 : 100 * tr / tf ))%)" >> "$table"
cat "$table"

if [ "${HARNESS:-1}" = 1 ]; then
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
    (cd "$work/h-$side" && cargo fetch -q)
  done
  mkdir -p "$work/th-orig" "$work/th-rw" "$work/th-lm"
  sandbox "$work/h-orig" "$work/th-orig" env -u RUSTC_BOOTSTRAP -u RUSTFLAGS nice cargo build -q --offline --release 2>/dev/null
  sandbox "$work/h-rw" "$work/th-rw" env -u RUSTC_BOOTSTRAP -u RUSTFLAGS nice cargo build -q --offline --release 2>/dev/null
  sandbox "$work/h-rw" "$work/th-lm" env RUSTC_BOOTSTRAP=1 RUSTFLAGS="--cfg loop_match" nice cargo build -q --offline --release 2>/dev/null
  sandbox "$work" "$work/th-orig" "$work/th-orig/release/harness" 300 > "$work/h-orig.txt"
  sandbox "$work" "$work/th-rw" "$work/th-rw/release/harness" 300 > "$work/h-rw.txt"
  sandbox "$work" "$work/th-lm" "$work/th-lm/release/harness" 300 > "$work/h-lm.txt"
  echo "== harness: $(wc -l < "$work/h-orig.txt") cases, $(grep -c ok=true "$work/h-orig.txt") round trips ok (the rest are corrupted streams)"
  cmp "$work/h-orig.txt" "$work/h-rw.txt" && echo "rewritten (stable) output identical to original"
  cmp "$work/h-orig.txt" "$work/h-lm.txt" && echo "rewritten (loop_match) output identical to original"
fi
