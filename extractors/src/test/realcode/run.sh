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
#   CRATES="name@version ..." checks only those crates; EXTRA="..." replaces the extra crates; HARNESS=0 skips 4;
#   JOBS=N checks N crates at a time.
#   MIRRORS=DIR (default /work/.mirror): bare git snapshots of upstream repositories (owner+name/repo) from which
#   test files a crates.io package leaves out are added to both copies (upstream_tests below); RESULTS=FILE
#   (default results.md beside this script) gets the table with the date, commit and load.
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
EXTRA=${EXTRA:-"lzma-rust2@0.25.0 deflate64@0.1.12 yazi@0.2.2 shell-words@1.1.1"}
# a crate both in the manifest and in EXTRA is checked once
crates=$(echo ${CRATES:-"$default $EXTRA"} | tr ' ' '\n' | awk 'NF && !seen[$0]++' | tr '\n' ' ')

rm -rf "$work/fetch" && cargo new -q "$work/fetch"
(cd "$work/fetch" && for c in $crates; do cargo add -q "$c"; done && cargo fetch -q)
reg=$(ls -d ~/.cargo/registry/src/*/ | head -1)
mkdir -p "$work/orig" "$work/rw" "$work/out"
table="$work/table.md"
echo "| crate | findings | rewritten | reverted | left alone (reasons) | tests original / stable / loop_match |" > "$table"
echo "|---|---|---|---|---|---|" >> "$table"
tf=0; tr=0
mirrors=${MIRRORS:-/work/.mirror}
# upstream_tests DIR CRATE: adds the test files the crates.io package of CRATE leaves out, exported from the
# upstream repository (at the commit the package names in .cargo_vcs_info.json), and prints the cargo test
# arguments for the crate. Both copies get the same files; the sources under test are never touched.
# test_flags CRATE: extra RUSTFLAGS of its test builds (all three builds get the same).
test_flags() {
  case $1 in
    # its test-suite runners (src/bin, included by tests/) trip rustc 1.95's deny-by-default
    # dangerous_implicit_autorefs: lints only warn, nothing else changes
    unsafe-libyaml-0.2.11) echo "--cap-lints=warn" ;;
    *) echo "" ;;
  esac
}
upstream_tests() {
  local dir=$1 crate=$2 sha f
  sha=$(sed -n 's/.*"sha1": "\([0-9a-f]*\)".*/\1/p' "$dir/.cargo_vcs_info.json" 2>/dev/null || true)
  case $crate in
    deflate64-0.1.12) # tests/ and test-assets/ are not packaged (and the packaged Cargo.toml says autotests = false)
      git --git-dir="$mirrors/anatawa12+deflate64-rs/repo" archive "$sha" tests test-assets | tar -x -C "$dir"
      sed -i 's/^autotests = false/autotests = true/' "$dir/Cargo.toml"
      echo "--lib --tests" ;;
    unsafe-libyaml-0.2.11) # the test-suite proc macro (tests/data) and the yaml-test-suite data its build script
      # would download (tag data-2020-02-11): exported here, with the downloader dropped (no network in the sandbox)
      git --git-dir="$mirrors/dtolnay+unsafe-libyaml/repo" archive "$sha" tests/data | tar -x -C "$dir"
      mkdir -p "$dir/tests/data/yaml-test-suite"
      git --git-dir="$mirrors/yaml+yaml-test-suite/repo" archive data-2020-02-11 | tar -x -C "$dir/tests/data/yaml-test-suite"
      echo data-2020-02-11 > "$dir/tests/data/yaml-test-suite/COMMIT"
      rm "$dir/tests/data/build.rs"
      sed -i '/^\[build-dependencies\]/,$d' "$dir/tests/data/Cargo.toml"
      printf '\n[dev-dependencies.unsafe-libyaml-test-suite]\npath = "tests/data"\n' >> "$dir/Cargo.toml"
      echo "--lib --tests" ;;
    brotli-decompressor-6.3.0) # testdata/ is not packaged; the package's commit is not in the snapshot, so the
      # brotli test vectors come from upstream master. The lib tests (src/test.rs) include
      # testdata/flushed_then_block_switches.compressed, which no snapshot has: only the integration tests run.
      # (only the files the integration tests include, one by one: the snapshot lacks some blobs of testdata/)
      mkdir -p "$dir/testdata"
      for f in $(grep -ohE 'testdata/[A-Za-z0-9_.-]*[A-Za-z0-9]' "$dir"/tests/*.rs | sort -u); do
        git --git-dir="$mirrors/dropbox+rust-brotli-decompressor/repo" show "HEAD:$f" > "$dir/$f"
      done
      echo "--test bit_reader_streaming --test ffi_default_allocator_failure --test pool_ring_buffer --test serialized_dictionary_cli" ;;
    *) echo "--lib --tests" ;;
  esac
}
sandbox() { # DIR TARGET CMD...: offline, no network, the scratch area (crates, harness) read-only, only TARGET writable
  local dir=$1 target=$2; shift 2
  bwrap --unshare-all --die-with-parent --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp \
    --ro-bind "$work" "$work" --bind "$target" "$target" --chdir "$dir" --setenv CARGO_TARGET_DIR "$target" --setenv CARGO_NET_OFFLINE true \
    "$@"
}
tests() { # DIR TARGET [loop_match]: "passed/failed" of the crate's own test suite ($targs: cargo test arguments)
  local dir=$1 target=$2 lm=${3:-}
  mkdir -p "$target"
  local log="$target.log"
  if [ -n "$lm" ]; then
    sandbox "$dir" "$target" env RUSTC_BOOTSTRAP=1 RUSTFLAGS="--cfg loop_match $tflags" nice cargo test -q --offline $targs > "$log" 2>&1 || true
  elif [ -n "$tflags" ]; then
    sandbox "$dir" "$target" env -u RUSTC_BOOTSTRAP RUSTFLAGS="$tflags" nice cargo test -q --offline $targs > "$log" 2>&1 || true
  else
    sandbox "$dir" "$target" env -u RUSTC_BOOTSTRAP -u RUSTFLAGS nice cargo test -q --offline $targs > "$log" 2>&1 || true
  fi
  if grep -q "^test result" "$log"; then
    awk '/^test result/{for(i=1;i<=NF;i++){if($(i+1)~/^passed/)p+=$i; if($(i+1)~/^failed/)f+=$i}} END{printf "%d/%d", p, f}' "$log"
  else
    echo "no-build($(grep -m1 -E '^error' "$log" | cut -c1-60))"
  fi
}
check_crate() { # NAME@VERSION: rewrites, tests; writes its table row and "findings rewritten" under $work/rows
  local c=$1 d f r v why t
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
  why=$(grep -E ' rust/[a-z-]+ .* (left-alone|reverted)' "$work/out/$d.txt" | sed -E 's/.* (left-alone|reverted) \(([a-z0-9-]+).*/\1:\2/' | sort | uniq -c | awk '{printf "%s%s x%d", (NR>1?", ":""), $2, $1}' || true)
  [ -s "$work/out/$d.err" ] && why="$why $(head -c 150 "$work/out/$d.err" | tr '\n' ' ')"
  t="-"
  if [ "$r" -gt 0 ]; then
    targs=$(upstream_tests "$work/orig/$d" "$d") && upstream_tests "$work/rw/$d" "$d" > /dev/null \
      || { targs="--lib --tests"; echo "$d: upstream test files not added (no mirror in $mirrors?)" >&2; }
    tflags=$(test_flags "$d")
    (cd "$work/orig/$d" && cargo generate-lockfile -q --offline 2>/dev/null || cargo fetch -q) || true
    cp "$work/orig/$d/Cargo.lock" "$work/rw/$d/" 2>/dev/null || true
    (cd "$work/rw/$d" && cargo fetch -q) || true
    echo "== tests $d" >&2
    t="$(tests "$work/orig/$d" "$work/t/$d-orig") / $(tests "$work/rw/$d" "$work/t/$d-stable") / $(tests "$work/rw/$d" "$work/t/$d-lm" lm)"
  fi
  echo "| $d | $f | $r | $v | $why | $t |" > "$work/rows/$d"
  echo "$f $r" > "$work/rows/$d.n"
}
# JOBS crates at a time (default 1); the table keeps the order of $crates
rm -rf "$work/rows" && mkdir -p "$work/rows"
for c in $crates; do
  check_crate "$c" &
  while [ "$(jobs -rp | wc -l)" -ge "${JOBS:-1}" ]; do wait -n || true; done
done
wait || true
for c in $crates; do
  d="${c/@/-}"
  if [ -s "$work/rows/$d" ]; then
    cat "$work/rows/$d" >> "$table"
    read -r f r < "$work/rows/$d.n"
    tf=$((tf + f)); tr=$((tr + r))
  else
    echo "| $d | ? | ? | ? | the check failed on this crate (see $work/out/$d.err) | - |" >> "$table"
  fi
done
echo "" >> "$table"
echo "total: $tr of $tf state-family findings rewritten ($(( tf == 0 ? 0 : 100 * tr / tf ))%)" >> "$table"
cat "$table"
results=${RESULTS:-$here/results.md}
{
  echo "# Real-code rewrite check (generated by run.sh, do not edit by hand)"
  echo ""
  echo "finished $(date -u +%Y-%m-%dT%H:%MZ), loopscout commit $(cd "$repo" && git rev-parse --short HEAD)$(cd "$repo" && git diff --quiet HEAD -- extractors pipeline || echo ' (with uncommitted changes)'), $(rustc --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo ""
  echo "tests: passed/failed of the crate's own suite (from the crate, plus upstream test files where the package leaves them out: see upstream_tests in run.sh), original / rewritten on stable / rewritten with --cfg loop_match; '-' where nothing was rewritten."
  echo ""
  cat "$table"
} > "$results"

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
