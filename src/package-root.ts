/** The folder holding coquille's package.json, from source (tests) or from dist/. */
import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(folder, 'package.json'))) return folder
    const parent = dirname(folder)
    if (parent === folder) throw new Error('coquille: cannot find its package.json')
    folder = parent
  }
}

export const packageRoot = findPackageRoot()
