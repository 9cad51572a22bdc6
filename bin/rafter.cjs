#!/usr/bin/env node
// The `rafter` command: the CLI runs from TypeScript source through tsx, so a clone needs no build.
require('tsx/cjs');
require('../tools/cli.ts');
