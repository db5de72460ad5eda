#!/bin/sh
# `npm start`: builds what is stale, then the built server under plain node, in place of this
# shell (exec), so that npm and node are the only processes left running.
#
# V8 flags, chosen with bench/start-memory.ts (200 invoices validated through the API):
#   --heap-growing-percent=20  after a full collection the heap may grow by 20 % before the
#       next one, instead of up to 300 %: each invoice render (fonts parsed, PDF built) leaves
#       megabytes of garbage, and V8 let the heap reach 200 MB for some 60 MB alive.
#   --max-semi-space-size=2    young generation of 2 MB semi-spaces instead of 16 MB.
# Together 430 MB -> 290 MB resident for the server on the embedded database. And two malloc
# arenas instead of eight per core: the threads that use them (GC helpers, libuv's file
# reads) are few and brief, while each arena keeps the memory it once held.
set -e
cd "$(dirname "$0")/.."
node scripts/build-web-if-stale.mjs
node scripts/build-server-if-stale.mjs
export MALLOC_ARENA_MAX=2
exec node --heap-growing-percent=20 --max-semi-space-size=2 dist/server/cli.js start "$@"
