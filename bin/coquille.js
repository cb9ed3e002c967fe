#!/usr/bin/env node
// Entry point of the `coquille` command. It runs the bundle (dist/bundle, built by
// scripts/bundle.ts: much faster to start) when it is at least as recent as the compiled
// TypeScript (dist/src), else the compiled modules themselves. With a V8 code cache made by
// this Node at build time, the bundle is compiled from it (src/cli/code-cache.ts).
import {statSync} from 'node:fs'

const modified = (path) => statSync(new URL(path, import.meta.url), {throwIfNoEntry: false})?.mtimeMs ?? -1
const bundled = modified('../dist/bundle/coquille.js') >= modified('../dist/src/cli/main.js')
const cached = bundled ? (await import('../dist/src/cli/code-cache.js')).commandFromCodeCache() : undefined
const {main} = cached ?? (await import(bundled ? '../dist/bundle/coquille.js' : '../dist/src/cli/main.js'))

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
