#!/usr/bin/env node
// Entry point of `coquille-language-server --stdio`. It runs the bundle (dist/bundle, built
// by scripts/bundle.ts) when it is at least as recent as the compiled TypeScript (dist/src),
// else the compiled modules themselves.
import {statSync} from 'node:fs'

const modified = (path) => statSync(new URL(path, import.meta.url), {throwIfNoEntry: false})?.mtimeMs ?? -1
const bundled = modified('../dist/bundle/coquille-language-server.js') >= modified('../dist/src/server/server.js')
const {main} = await import(bundled ? '../dist/bundle/coquille-language-server.js' : '../dist/src/server/server.js')

await main()
