/**
 * Configuration as users write it (ESLint-like), resolved to unified plugin entries:
 *
 *     {"extends": "recommended", "rules": {"repeated-words": "off", "french-spacing": ["error", {…}]}}
 *
 * `extends` defaults to `recommended`; `"extends": "none"` starts from no rule. Severities
 * are `off`, `warn`, `error` (also 0, 1, 2 and `false`/`true`); rule ids are those of `rules/`.
 * Errors are French sentences, one line each (the command exits with 2).
 */
import {presets, rules, type RuleSetting, type Severity} from '../rules/index.js'
import type {CoquilleRule} from './rules/kit.js'
import {closest, optionsProblem} from './rules/options.js'
import {ConfigError} from './config-error.js'

export interface CoquilleConfig {
  extends?: string | string[]
  rules?: Record<string, unknown>
  /** Path of the house vocabulary file, relative to the configuration file. */
  vocabulary?: string
}

export {ConfigError}

export interface ResolvedRule {
  readonly id: string
  readonly rule: CoquilleRule<any>
  readonly severity: Exclude<Severity, 'off'>
  readonly options: unknown
}

const allowedKeys = ['$schema', 'extends', 'rules', 'vocabulary', 'plugins', 'settings']

/**
 * Settings merge as in ESLint: a rule's setting replaces the preset's, but a severity alone
 * (`"error"`, `["error"]`) keeps the options the preset gives that rule; `[severity, options]`
 * replaces them whole. Every rule's options are checked against its schema (`meta.options`).
 */
export function resolveConfig(raw: unknown, origin = 'configuration'): ResolvedRule[] {
  if (raw === null || raw === undefined) raw = {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${origin} : un objet est attendu, reçu ${describe(raw)}`)
  const config = raw as Record<string, unknown>
  for (const key of Object.keys(config)) {
    if (!allowedKeys.includes(key)) throw new ConfigError(`${origin} : clé inconnue « ${key} »${suggest(key, allowedKeys.slice(0, 4))}`)
  }
  const settings = new Map<string, RuleSetting>()
  const bases = config['extends'] === undefined ? ['recommended'] : config['extends']
  for (const base of Array.isArray(bases) ? bases : [bases]) {
    if (base === 'none') continue
    if (typeof base !== 'string' || !Object.hasOwn(presets, base)) {
      throw new ConfigError(`${origin} : preset inconnu ${describe(base)} dans « extends »${suggest(String(base), [...Object.keys(presets), 'none'])}`)
    }
    for (const [id, setting] of Object.entries(presets[base]!)) settings.set(id, setting)
  }
  const ruleSettings = config['rules'] ?? {}
  if (typeof ruleSettings !== 'object' || ruleSettings === null || Array.isArray(ruleSettings)) {
    throw new ConfigError(`${origin} : « rules » doit être un objet qui associe un id de règle à une sévérité`)
  }
  for (const [id, value] of Object.entries(ruleSettings)) {
    if (!Object.hasOwn(rules, id)) throw new ConfigError(`${origin} : règle inconnue « ${id} »${suggest(id, Object.keys(rules))}`)
    const setting = normaliseSetting(value, id, origin)
    const inherited = settings.get(id)
    // A severity alone keeps the inherited options.
    if (!Array.isArray(setting) && Array.isArray(inherited) && inherited[1] !== undefined) settings.set(id, [setting, inherited[1]])
    else settings.set(id, setting)
  }
  const resolved: ResolvedRule[] = []
  for (const [id, setting] of settings) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined]
    if (severity === 'off') continue
    const rule = rules[id]!
    const problem = optionsProblem(rule.meta.options, options)
    if (problem !== undefined) throw new ConfigError(`${origin} : règle « ${id} » : ${problem}`)
    resolved.push({id, rule, severity, options})
  }
  return resolved
}

function normaliseSetting(value: unknown, id: string, origin: string): RuleSetting {
  const severity = (input: unknown): Severity => {
    if (input === 'off' || input === 0 || input === false) return 'off'
    if (input === 'warn' || input === 'on' || input === 1 || input === true) return 'warn'
    if (input === 'error' || input === 2) return 'error'
    throw new ConfigError(`${origin} : règle « ${id} » : sévérité ${describe(input)} non permise (valeurs permises : "off", "warn", "error")`)
  }
  if (Array.isArray(value)) {
    if (value.length === 0 || value.length > 2) throw new ConfigError(`${origin} : règle « ${id} » : [sévérité, options] attendu, reçu ${describe(value)}`)
    // `["error"]` is a severity alone, like `"error"`.
    return value.length === 1 ? severity(value[0]) : [severity(value[0]), value[1]]
  }
  return severity(value)
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value))
}

function suggest(word: string, known: readonly string[]): string {
  const close = closest(word, known)
  return close ? ` (vouliez-vous dire « ${close} » ?)` : ` (valeurs permises : ${known.join(', ')})`
}
