#!/usr/bin/env node
// Builds the .vsix: the client bundled with esbuild (dist/extension.js, vscode-languageclient
// inside), coquille's language server as the `coquille` package runs it (server/: its esbuild
// bundle and the data it reads: word lists, tables, the rule reference), then `vsce package`.
// Run from the repository root after `npm run build`: `npm run vsix` (see README.md here).
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'))
const coquille = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

const serverBundle = join(root, 'dist', 'bundle', 'coquille-language-server.js')
if (!existsSync(serverBundle)) {
  process.stderr.write('build-vsix: no dist/bundle/coquille-language-server.js: run `npm run build` at the repository root first\n')
  process.exit(1)
}

await build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
})

// The server folder is a minimal coquille package: bin/ runs dist/bundle/ (no dist/src:
// the bundle is always the one used), which finds its data from the package root.
const server = join(here, 'server')
rmSync(server, {recursive: true, force: true})
mkdirSync(server)
writeFileSync(join(server, 'package.json'), JSON.stringify({name: 'coquille', version: coquille.version, type: 'module', license: coquille.license}, null, 2) + '\n')
for (const path of ['bin/coquille-language-server.js', 'dist/bundle', 'dist/data', 'src/lexicon/data', 'docs/rules.md']) {
  cpSync(join(root, path), join(server, path), {recursive: true})
}

const vsce = join(here, 'node_modules', '.bin', 'vsce')
if (!existsSync(vsce)) {
  process.stderr.write('build-vsix: vsce is not installed: `npm ci --prefix editors/vscode` first\n')
  process.exit(1)
}
const output = `coquille-vscode-${manifest.version}.vsix`
const result = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', output], {cwd: here, stdio: 'inherit'})
process.exit(result.status ?? 1)
