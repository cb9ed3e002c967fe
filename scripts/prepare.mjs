#!/usr/bin/env node
// `prepare`: the build (package.json's `build` script), after installing the build tools if
// they are missing. A git install runs `prepare` in a clone where they may be: npm's
// `install -g git+…` prepares the clone with global settings (so its devDependencies land
// nowhere: "tsc: not found"), and older clients omit devDependencies. Plain JavaScript: it
// runs before anything is compiled.
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {delimiter, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const require = createRequire(join(root, 'package.json'))

const installed = (name) => {
  try {
    require.resolve(`${name}/package.json`)
    return true
  } catch {
    return false
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options})
  if (result.status !== 0) {
    process.stderr.write(`coquille prepare: \`${[command, ...args].join(' ')}\` failed${result.error ? ` (${result.error.message})` : ''}\n`)
    process.exit(result.status || 1)
  }
}

if (!Object.keys(manifest.devDependencies).every(installed)) {
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
  run(npm[0], [...npm.slice(1), 'install', '--include=dev', '--global=false', '--prefix', root, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts'])
}
const path = [join(root, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(delimiter)
run(manifest.scripts.build, [], {shell: true, env: {...process.env, PATH: path}})
