#!/usr/bin/env node
// `prepare`: the build (package.json's `build` script), after installing the build tools if
// they are missing. A git install runs `prepare` in a clone where they may be: npm's
// `install -g git+…` prepares the clone with global settings (so its devDependencies land
// nowhere: "tsc: not found"), and older clients omit devDependencies. Plain JavaScript: it
// runs before anything is compiled.
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const installed = (name) => existsSync(join(root, 'node_modules', name, 'package.json'))

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options})
  if (result.status !== 0) {
    process.stderr.write(`coquille prepare: \`${[command, ...args].join(' ')}\` failed${result.error ? ` (${result.error.message})` : ''}\n`)
    process.exit(result.status || 1)
  }
}

if (!Object.keys(manifest.devDependencies).every(installed)) {
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
  // A project install in this folder, whatever the outer install was (global, with its own prefix or script approvals).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|location|prefix|allow_scripts|omit|production)$/i.test(key)))
  run(npm[0], [...npm.slice(1), 'install', '--include=dev', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts'], {env})
}
const path = [join(root, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(delimiter)
run(manifest.scripts.build, [], {shell: true, env: {...process.env, PATH: path}})
