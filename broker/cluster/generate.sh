#!/bin/sh
# Regenerates the static controller-log codec from controller.proto, with the same pbjs flags as `npm run proto` plus
# `-r rafter_controller`: a root of its own, so this code and the other generated codecs (all `package rafter…`) do
# not overwrite each other's namespace in protobufjs's shared roots. Run from the repository root.
set -eu
out="${1:-broker/cluster/generated}"
pbjs -t static-module -w commonjs -r rafter_controller --force-number --no-verify --no-convert --no-delimited --no-typeurl --no-service \
  -o "$out/controller.js" broker/cluster/controller.proto
pbts --no-comments -o "$out/controller.d.ts" "$out/controller.js"
