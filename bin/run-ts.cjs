#!/usr/bin/env node
// Runs a TypeScript entry point from source: `node bin/run-ts.cjs file.ts args…`. One way to run, no build step.
require('tsx/cjs');
const path = require('node:path');
const entry = path.resolve(process.argv[2]);
process.argv.splice(1, 2, entry);
require(entry);
