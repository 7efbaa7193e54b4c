#!/bin/sh
# Runs every fuzz target one after another with the libFuzzer flags given, e.g.
#   Fuzz/run.sh -max_total_time=60
# FUZZ_TARGETS="fuzz-rtp fuzz-sdp" picks some. Each target reads the committed seeds in
# Fuzz/Seeds/<name>/ and keeps what it learns in .build-fuzz/corpus/<name>/; a crash, leak
# or failed invariant is saved under .build-fuzz/artifacts/ and fails the run.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build-fuzz/release"
targets=${FUZZ_TARGETS:-$(cd "$bin" && for f in fuzz-*; do [ -f "$f" ] && [ -x "$f" ] && echo "$f"; done)}
[ -n "$targets" ] || { echo "no fuzz targets in $bin: run make fuzz-build" >&2; exit 1; }
mkdir -p "$root/.build-fuzz/artifacts"
# Swift's own crash backtracer would run inside AddressSanitizer and be slow; libFuzzer and
# ASan print the stack, and the Swift runtime still prints the failed invariant's message.
export SWIFT_BACKTRACE=enable=no
# Leaks in the system libraries the targets cannot avoid (see the file).
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
failed=""
for target in $targets; do
    name=${target#fuzz-}
    corpus="$root/.build-fuzz/corpus/$name"
    seeds="$root/Fuzz/Seeds/$name"
    [ -d "$seeds" ] || seeds=""
    mkdir -p "$corpus"
    echo "== $target"
    if ! "$bin/$target" "$@" -print_final_stats=1 -artifact_prefix="$root/.build-fuzz/artifacts/$name-" \
        "$corpus" $seeds 2>"$root/.build-fuzz/$name.log"; then
        failed="$failed $target"
        grep -E "ERROR|invariant failed|Fatal error|Test unit written" "$root/.build-fuzz/$name.log" >&2
        echo "$target FAILED; full output in .build-fuzz/$name.log" >&2
    fi
    grep -E "^(stat::number_of_executed_units|Done)" "$root/.build-fuzz/$name.log"
done
[ -z "$failed" ] || { echo "fuzz failures:$failed" >&2; exit 1; }
