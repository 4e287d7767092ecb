#!/usr/bin/env bash
# Installs c2rust (pinned) on Debian bookworm with Debian's LLVM 14, without network access to GitHub.
#
# c2rust's own build (c2rust-ast-exporter's CMake) clones TinyCBOR from GitHub; here the exporter library is
# compiled directly against tinycbor-lite (beside this script) and handed to cargo through
# C2RUST_AST_EXPORTER_LIB_DIR, which c2rust-ast-exporter's build.rs supports for prebuilt exporters.
#
# Needs: apt-get install llvm-dev libclang-dev clang (LLVM 14 on bookworm), a C++ compiler, rustc/cargo.
# Usage: install.sh [PREFIX]     (default PREFIX ~/.cache/loopscout/c2rust; c2rust lands in PREFIX/bin)
set -euo pipefail

C2RUST_VERSION=0.22.1
LLVM_CONFIG=${LLVM_CONFIG:-llvm-config-14}
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${1:-$HOME/.cache/loopscout/c2rust}
BUILD=$PREFIX/build
mkdir -p "$BUILD" "$PREFIX/bin"

command -v "$LLVM_CONFIG" >/dev/null || { echo "install.sh: $LLVM_CONFIG not found (apt-get install llvm-dev libclang-dev clang)" >&2; exit 1; }
LLVM_VERSION=$("$LLVM_CONFIG" --version)
LLVM_MAJOR=${LLVM_VERSION%%.*}
LLVM_PREFIX=$("$LLVM_CONFIG" --prefix)

# 1. tinycbor-lite: our encoder with TinyCBOR's API, checked against RFC 8949's examples first.
TINYCBOR=$BUILD/tinycbor
mkdir -p "$TINYCBOR/lib" "$TINYCBOR/include"
cc -O2 -Wall -I"$HERE/tinycbor-lite/include" -o "$BUILD/test_cbor" "$HERE/tinycbor-lite/test_cbor.c" \
    "$HERE/tinycbor-lite/cborencoder_lite.c"
"$BUILD/test_cbor"
cc -O2 -fPIC -I"$HERE/tinycbor-lite/include" -c "$HERE/tinycbor-lite/cborencoder_lite.c" -o "$BUILD/cborencoder_lite.o"
rm -f "$TINYCBOR/lib/libtinycbor.a"
ar rcs "$TINYCBOR/lib/libtinycbor.a" "$BUILD/cborencoder_lite.o"
cp -r "$HERE/tinycbor-lite/include/." "$TINYCBOR/include/"

# 2. The exporter's C++ sources, from crates.io (the same crate `cargo install` uses).
FETCH=$BUILD/fetch
mkdir -p "$FETCH/src"
printf '[package]\nname = "fetch-c2rust-ast-exporter"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nc2rust-ast-exporter = "=%s"\n' \
    "$C2RUST_VERSION" > "$FETCH/Cargo.toml"
: > "$FETCH/src/lib.rs"
(cd "$FETCH" && cargo fetch -q)
EXPORTER_SRC=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/c2rust-ast-exporter-"$C2RUST_VERSION"/src | head -n 1)

# Debian keeps clang's resource dir (stddef.h, ...) under lib/clang/<full version>, while the exporter looks
# in <CLANG_BIN_PATH>/../lib/clang/<major>: point it at a shim dir whose link fixes the name.
SHIM=$PREFIX/llvm-shim
mkdir -p "$SHIM/bin" "$SHIM/lib/clang"
RESOURCE_DIR=$(ls -d "$LLVM_PREFIX"/lib/clang/"$LLVM_MAJOR"* | head -n 1)
ln -sfn "$RESOURCE_DIR" "$SHIM/lib/clang/$LLVM_MAJOR"

# 3. libclangAstExporter.a, as the crate's CMakeLists would build it (RelWithDebInfo ~ -O2).
EXPORTER=$BUILD/exporter
mkdir -p "$EXPORTER"
for f in AstExporter FloatingLexer ExportResult; do
    c++ -O2 -fPIC -std=c++17 -fno-rtti $("$LLVM_CONFIG" --cppflags) -I"$TINYCBOR/include" \
        -DCLANG_BIN_PATH="\"$SHIM/bin\"" -DCLANG_VERSION_STRING="\"$LLVM_VERSION\"" -DCLANG_LIBDIR_SUFFIX="\"\"" \
        -c "$EXPORTER_SRC/$f.cpp" -o "$EXPORTER/$f.o" &
done
wait
rm -f "$EXPORTER/libclangAstExporter.a"
ar rcs "$EXPORTER/libclangAstExporter.a" "$EXPORTER"/*.o

# 4. c2rust itself, pinned and locked, linking the prebuilt exporter and Debian's libclang.
C2RUST_AST_EXPORTER_LIB_DIR=$EXPORTER TINYCBOR_DIR=$TINYCBOR LLVM_CONFIG_PATH=$(command -v "$LLVM_CONFIG") \
    cargo install c2rust --version "$C2RUST_VERSION" --locked --root "$PREFIX"
"$PREFIX/bin/c2rust" --version
