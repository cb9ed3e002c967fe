/**
 * Configuration as users write it (ESLint-like), resolved to unified plugin entries:
 *
 *     {"extends": "recommended", "rules": {"repeated-words": "off", "french-spacing": ["error", {…}]}}
 *
 * `extends` defaults to `recommended`; `"extends": "none"` starts from no rule. Severities
 * are `off`, `warn`, `error` (also 0, 1, 2 and `false`/`true`); rule ids are those of `rules/`.
 */
import {presets, rules, type RuleSetting, type Severity} from '../rules/index.js'
import type {CoquilleRule} from './rules/kit.js'

export interface CoquilleConfig {
  extends?: string | string[]
  rules?: Record<string, unknown>
  /** Path of the house vocabulary file, relative to the configuration file. */
  vocabulary?: string
}

/** A configuration mistake: reported in one line, exit code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export interface ResolvedRule {
  readonly id: string
  readonly rule: CoquilleRule<any>
  readonly severity: Exclude<Severity, 'off'>
  readonly options: unknown
}

const allowedKeys = new Set(['extends', 'rules', 'vocabulary', 'plugins', 'settings'])

export function resolveConfig(raw: unknown, origin = 'configuration'): ResolvedRule[] {
  if (raw === null || raw === undefined) raw = {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${origin}: expected an object, got ${describe(raw)}`)
  const config = raw as Record<string, unknown>
  for (const key of Object.keys(config)) {
    if (!allowedKeys.has(key)) throw new ConfigError(`${origin}: unknown key \`${key}\` (expected extends, rules, vocabulary)`)
  }
  const settings = new Map<string, RuleSetting>()
  const bases = config['extends'] === undefined ? ['recommended'] : config['extends']
  for (const base of Array.isArray(bases) ? bases : [bases]) {
    if (base === 'none') continue
    if (typeof base !== 'string' || !Object.hasOwn(presets, base)) {
      throw new ConfigError(`${origin}: unknown preset ${describe(base)} in \`extends\` (expected ${Object.keys(presets).join(', ')} or none)`)
    }
    for (const [id, setting] of Object.entries(presets[base]!)) settings.set(id, setting)
  }
  const ruleSettings = config['rules'] ?? {}
  if (typeof ruleSettings !== 'object' || ruleSettings === null || Array.isArray(ruleSettings)) {
    throw new ConfigError(`${origin}: \`rules\` must be an object mapping rule ids to severities`)
  }
  for (const [id, value] of Object.entries(ruleSettings)) {
    if (!Object.hasOwn(rules, id)) throw new ConfigError(`${origin}: unknown rule \`${id}\`${suggest(id)}`)
    settings.set(id, normaliseSetting(value, id, origin))
  }
  const resolved: ResolvedRule[] = []
  for (const [id, setting] of settings) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined]
    if (severity === 'off') continue
    resolved.push({id, rule: rules[id]!, severity, options})
  }
  return resolved
}

function normaliseSetting(value: unknown, id: string, origin: string): RuleSetting {
  const severity = (input: unknown): Severity => {
    if (input === 'off' || input === 0 || input === false) return 'off'
    if (input === 'warn' || input === 'on' || input === 1 || input === true) return 'warn'
    if (input === 'error' || input === 2) return 'error'
    throw new ConfigError(`${origin}: rule \`${id}\`: invalid severity ${describe(input)} (expected "off", "warn" or "error")`)
  }
  if (Array.isArray(value)) {
    if (value.length === 0 || value.length > 2) throw new ConfigError(`${origin}: rule \`${id}\`: expected [severity, options]`)
    return [severity(value[0]), value[1]]
  }
  return severity(value)
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value)
}

function suggest(id: string): string {
  const close = Object.keys(rules).find((known) => known.includes(id) || id.includes(known))
  return close ? ` (did you mean \`${close}\`?)` : ` (known rules: ${Object.keys(rules).join(', ')})`
}
