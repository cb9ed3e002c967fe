#!/usr/bin/env node
// Entry point of the `coquille` command (compiled TypeScript lives in dist/).
import {main} from '../dist/src/cli/main.js'

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
})
process.exitCode = code
