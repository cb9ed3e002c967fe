#!/usr/bin/env node
// Entry point of the `coquille` command (compiled TypeScript lives in dist/).
import {main} from '../dist/src/cli/main.js'

// A reader that goes away (`coquille --fix-dry-run a.md | head`) ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

try {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  })
} catch (error) {
  // main never throws by design; if it does, one line (the trace with COQUILLE_DEBUG=1).
  process.stderr.write(`coquille: internal error: ${String(error?.message ?? error).split('\n')[0]} (please report it; COQUILLE_DEBUG=1 shows the trace)\n`)
  if (process.env.COQUILLE_DEBUG) process.stderr.write(`${error?.stack ?? error}\n`)
  process.exitCode = 2
}
