#!/bin/sh
# Builds and runs one benchmark driver by hand, outside the sandbox (for writing drivers; loopscout itself builds
# them in the sandbox):  corpus-manifest/benches/try.sh ID CRATE_DIR [ARGS...]
# CRATE_DIR is the project's crate (e.g. from `cargo fetch`: ~/.cargo/registry/src/*/zlib-rs-0.6.8).
set -e
here=$(cd "$(dirname "$0")" && pwd)
id=$1; crate=$(cd "$2" && pwd); shift 2
work=${LOOPSCOUT_TRY_DIR:-/tmp/loopscout-try}/$id
mkdir -p "$work/benches"
rm -rf "$work/benches/$id" "$work/benches/common"
cp -r "$here/$id" "$here/common" "$work/benches/"
sed -i "s|@CRATE@|$crate|g" "$work/benches/$id/Cargo.toml"
cd "$work/benches/$id"
RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$work/target" cargo run --release --quiet -- "$@"
