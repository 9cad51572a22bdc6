#!/bin/sh
# Regenerates the static peer-protocol codec from peer.proto, with the same pbjs flags as `npm run proto` plus
# `-r rafter_peer`: a root of its own, so this code and client/protocol's (both `package rafter…`) do not overwrite
# each other's namespace in protobufjs's shared roots. Run from the repository root.
set -eu
out="${1:-broker/replication/generated}"
pbjs -t static-module -w commonjs -r rafter_peer --force-number --no-verify --no-convert --no-delimited --no-typeurl --no-service \
  -o "$out/peer.js" broker/replication/peer.proto
pbts --no-comments -o "$out/peer.d.ts" "$out/peer.js"
