/**
 * Configuration discovery for entry points that do not go through unified-engine (the
 * language server, the library): the same files as the CLI, nearest first — `.coquillerc`,
 * `.coquillerc.json`, `.coquillerc.yml`, `.coquillerc.yaml`, then a `coquille` field in
 * `package.json` — from the article's folder upwards. Parsed files are cached by path and
 * modification time, so an edited configuration is picked up on the next lint.
 */
import {statSync} from 'node:fs'
import {readSettingsFile} from './input.js'
import {dirname, join, resolve} from 'node:path'
import {ConfigError, type CoquilleConfig} from './config.js'
import {lazy} from './lazy.js'

const yaml = lazy('yaml', () => import('yaml'))
const parseYaml = (text: string): unknown => yaml().parse(text)

export const configFileNames = ['.coquillerc', '.coquillerc.json', '.coquillerc.yml', '.coquillerc.yaml'] as const

export interface FoundConfig {
  readonly path: string | undefined
  readonly config: CoquilleConfig
}

const cache = new Map<string, {mtimeMs: number; value: CoquilleConfig | undefined}>()

function modificationTime(path: string): number | undefined {
  try {
    // Anything but a folder is a configuration file to read (a pipe is refused then, not skipped).
    const stats = statSync(path)
    return stats.isDirectory() ? undefined : stats.mtimeMs
  } catch {
    return undefined
  }
}

function readConfigFile(path: string, mtimeMs: number): CoquilleConfig | undefined {
  const cached = cache.get(path)
  if (cached && cached.mtimeMs === mtimeMs) return cached.value
  let text: string
  try {
    text = readSettingsFile(path)
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  let value: CoquilleConfig | undefined
  try {
    if (path.endsWith('package.json')) {
      value = (JSON.parse(text) as {coquille?: CoquilleConfig}).coquille
    } else if (path.endsWith('.yml') || path.endsWith('.yaml')) {
      value = (parseYaml(text) ?? {}) as CoquilleConfig
    } else {
      // `.coquillerc` is JSON or YAML, as unified-engine reads it; YAML is a superset of JSON.
      value = (path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as CoquilleConfig
    }
  } catch (error) {
    throw new ConfigError(`${path} : illisible : ${(error as Error).message.split('\n')[0]}`)
  }
  cache.set(path, {mtimeMs, value})
  return value
}

/** The configuration that applies to a file at `filePath` (recommended when none is found). */
export function findConfig(filePath: string): FoundConfig {
  let folder = dirname(resolve(filePath))
  for (;;) {
    for (const name of configFileNames) {
      const path = join(folder, name)
      const mtimeMs = modificationTime(path)
      if (mtimeMs !== undefined) return {path, config: readConfigFile(path, mtimeMs) ?? {}}
    }
    const manifest = join(folder, 'package.json')
    const mtimeMs = modificationTime(manifest)
    if (mtimeMs !== undefined) {
      const config = readConfigFile(manifest, mtimeMs)
      if (config) return {path: manifest, config}
    }
    const parent = dirname(folder)
    if (parent === folder) return {path: undefined, config: {}}
    folder = parent
  }
}
