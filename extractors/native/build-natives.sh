#!/usr/bin/env bash
# Builds optimised (-O2) tree-sitter JNI libraries: the core with io.github.bonede's JNI glue (jni/, vendored) and
# loopscout's one-call parse (direct_parse.c) and tree_dump.c (a subtree in one JNI call,
# io.loopscout.extract.parse.TreeDump), and the Rust and C grammars, from the C sources that the crates.io crates of
# the pinned versions ship (cargo fetch).
# The io.github.bonede jars bundle the same code compiled without optimisation (2-3x slower parses).
#
# usage: build-natives.sh OUT_DIR TREE_SITTER_VERSION RUST_GRAMMAR_VERSION C_GRAMMAR_VERSION [JAVA_HOME] [skip]
#
# Writes OUT_DIR/lib/<arch>-linux-gnu-tree-sitter{,-rust,-c}.so, the names bonede's NativeUtils looks up on the
# classpath, so when OUT_DIR is ahead of the bonede jars ours are loaded; and always
# OUT_DIR/io/loopscout/extract/parse/tree-sitter-natives.properties saying what was built (or why not), which
# TreeSitterLibraries reads. Builds are cached in ~/.cache/loopscout/tree-sitter-natives/, keyed by everything that
# goes into them. Never fails the build: without a compiler, cargo or JNI headers it warns and leaves the bundled
# libraries in charge. Env: CC (default cc), CFLAGS_OPT (default -O2).
set -uo pipefail

out=${1:?OUT_DIR}
ts_version=${2:?TREE_SITTER_VERSION}
rust_version=${3:?RUST_GRAMMAR_VERSION}
c_version=${4:?C_GRAMMAR_VERSION}
java_home=${5:-${JAVA_HOME:-}}
skip=${6:-false}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cc=${CC:-cc}
opt=${CFLAGS_OPT:--O2}

marker_dir="$out/io/loopscout/extract/parse"
marker="$marker_dir/tree-sitter-natives.properties"
mkdir -p "$out/lib" "$marker_dir"
# A previous build's libraries must not outlive a failed or skipped one.
rm -f "$out"/lib/*-linux-gnu-tree-sitter.so "$out"/lib/*-linux-gnu-tree-sitter-rust.so \
  "$out"/lib/*-linux-gnu-tree-sitter-c.so "$marker"

# Falls back to the bundled libraries: records why and warns in the build log.
bundled() {
  printf 'built=false\nreason=%s\n' "$1" > "$marker"
  echo "loopscout: WARNING: tree-sitter will use the unoptimised libraries bundled in the io.github.bonede jars" \
    "(parsing 2-3x slower): $1" >&2
  exit 0
}

[ "$skip" = true ] && bundled "skipped on request (-Dloopscout.bundled-natives=true)"
[ "$(uname -s)" = Linux ] || bundled "optimised libraries are built on Linux only (this is $(uname -s))"
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) bundled "no bundled library to replace on $(uname -m)" ;;
esac
[ "$(cat "$here/jni/BONEDE_VERSION")" = "$ts_version" ] \
  || bundled "the vendored JNI glue is io.github.bonede:tree-sitter $(cat "$here/jni/BONEDE_VERSION"), the build uses $ts_version"
command -v "$cc" > /dev/null 2>&1 || bundled "no C compiler ($cc) on PATH; install gcc or clang and rebuild"
command -v cargo > /dev/null 2>&1 || bundled "no cargo on PATH (it fetches the C sources from crates.io)"
if [ -z "$java_home" ] || [ ! -f "$java_home/include/jni.h" ]; then
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")" 2> /dev/null || true)
fi
[ -f "$java_home/include/jni.h" ] || bundled "no JNI headers (jni.h) under JAVA_HOME=$java_home; a JDK is needed"

flags=(-shared -fPIC -std=gnu11 "$opt" -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE -w)
# Calls between a -fPIC library's own exported functions go through the PLT and are never inlined (they could be
# interposed): +5% instructions per parse under callgrind against the same code linked statically. This flag lets
# the compiler bind them directly, as in a native program (gcc >= 5, clang >= 11; skipped where not accepted).
if "$cc" -fno-semantic-interposition -x c -c -o /dev/null /dev/null > /dev/null 2>&1; then
  flags+=(-fno-semantic-interposition)
fi
cc_id=$("$cc" --version 2> /dev/null | head -1)
key=$( {
  echo "$ts_version $rust_version $c_version $arch $cc_id ${flags[*]}"
  cat "$0" "$here"/jni/* "$here/tree_dump.c" "$here/direct_parse.c"
} | sha256sum | cut -c1-16)
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/loopscout/tree-sitter-natives"
cache="$cache_root/$key"

if [ ! -f "$cache/done" ]; then
  echo "loopscout: building optimised tree-sitter libraries ($cc $opt; tree-sitter $ts_version," \
    "tree-sitter-rust $rust_version, tree-sitter-c $c_version; once, cached in $cache)" >&2
  mkdir -p "$cache_root"
  work=$(mktemp -d "$cache_root/build.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  # A scratch crate whose only purpose is to make cargo fetch the three source crates (crates.io).
  mkdir -p "$work/crate/src"
  : > "$work/crate/src/lib.rs"
  cat > "$work/crate/Cargo.toml" << EOF
[package]
name = "loopscout-tree-sitter-sources"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
tree-sitter = "=$ts_version"
tree-sitter-rust = "=$rust_version"
tree-sitter-c = "=$c_version"
EOF
  (cd "$work/crate" && cargo fetch -q) > "$work/cargo.log" 2>&1 \
    || (cd "$work/crate" && cargo fetch -q --offline) >> "$work/cargo.log" 2>&1 \
    || bundled "cargo fetch of the tree-sitter crates failed: $(tail -1 "$work/cargo.log")"
  metadata=$(cd "$work/crate" && cargo metadata -q --offline --format-version 1 2> "$work/cargo.log") \
    || bundled "cargo metadata failed: $(tail -1 "$work/cargo.log")"
  # The source folder of one package of the fetched set (cargo metadata's manifest_path, without jq).
  src_of() {
    local m
    m=$(printf '%s' "$metadata" | grep -o "\"manifest_path\":\"[^\"]*/$1-$2/Cargo.toml\"" | head -1 | cut -d'"' -f4)
    [ -n "$m" ] && dirname "$m"
  }
  core=$(src_of tree-sitter "$ts_version") || bundled "cargo did not fetch tree-sitter $ts_version"
  rust=$(src_of tree-sitter-rust "$rust_version") || bundled "cargo did not fetch tree-sitter-rust $rust_version"
  c=$(src_of tree-sitter-c "$c_version") || bundled "cargo did not fetch tree-sitter-c $c_version"
  jni=(-I"$java_home/include" -I"$java_home/include/linux")
  mkdir -p "$work/lib"
  build() {
    local name=$1
    shift
    "$cc" "${flags[@]}" "${jni[@]}" -o "$work/lib/$arch-linux-gnu-$name.so" "$@" > "$work/cc.log" 2>&1 \
      || bundled "$cc failed on $name: $(grep -m1 -i error "$work/cc.log")"
  }
  build tree-sitter -I"$core/include" -I"$core/src" "$here/jni/org_treesitter_TSParser.c" "$here/jni/ConvertUTF.c" \
    "$here/tree_dump.c" "$here/direct_parse.c" "$core/src/lib.c"
  build tree-sitter-rust -I"$rust/src" "$here/jni/org_treesitter_TreeSitterRust.c" "$rust/src/parser.c" \
    "$rust/src/scanner.c"
  build tree-sitter-c -I"$c/src" "$here/jni/org_treesitter_TreeSitterC.c" "$c/src/parser.c"
  {
    echo "built=true"
    echo "compiler=$cc_id"
    echo "flags=${flags[*]}"
    echo "tree-sitter=$ts_version"
    echo "tree-sitter-rust=$rust_version"
    echo "tree-sitter-c=$c_version"
    for f in "$work"/lib/*.so; do
      echo "sha256.$(basename "$f")=$(sha256sum "$f" | cut -d' ' -f1)"
    done
  } > "$work/tree-sitter-natives.properties"
  # Where the sources are, for the native comparison program of extractors/bench.
  printf 'CC="%s"\nCORE="%s"\nRUST="%s"\nC="%s"\nFLAGS="%s"\n' "$cc" "$core" "$rust" "$c" \
    "$opt -std=gnu11 -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE -w" > "$work/sources.env"
  touch "$work/done"
  # Another build may have finished the same key meanwhile: then keep that one.
  mv -T "$work" "$cache" 2> /dev/null || rm -rf "$work"
  trap - EXIT
fi

cp "$cache"/lib/*.so "$out/lib/"
cp "$cache/tree-sitter-natives.properties" "$marker"
echo "sources=$cache/sources.env" >> "$marker"
echo "loopscout: tree-sitter libraries: optimised ($cc_id, $opt), from $cache" >&2
