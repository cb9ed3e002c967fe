#!/usr/bin/env node
// Entry point of the `coquille` command. It runs the bundle (dist/bundle, built by
// scripts/bundle.ts: much faster to start) when it is at least as recent as the compiled
// TypeScript (dist/src), else the compiled modules themselves.
import {statSync} from 'node:fs'

const modified = (path) => statSync(new URL(path, import.meta.url), {throwIfNoEntry: false})?.mtimeMs ?? -1
const bundled = modified('../dist/bundle/coquille.js') >= modified('../dist/src/cli/main.js')
const {main} = await import(bundled ? '../dist/bundle/coquille.js' : '../dist/src/cli/main.js')

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
})
process.exitCode = code
