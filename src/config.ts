/**
 * Configuration as users write it (ESLint-like), resolved to unified plugin entries:
 *
 *     {"extends": "recommended", "rules": {"repeated-words": "off", "french-spacing": ["error", {…}]}}
 *
 * `extends` defaults to `recommended`; `"extends": "none"` starts from no rule. Severities
 * are `off`, `warn`, `error` (also 0, 1, 2 and `false`/`true`); rule ids are those of `rules/`.
 */
import {presets, rules, type RuleSetting, type Severity} from '../rules/index.js'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {coquilleParse as coquilleParse} from './parse/index.js'
import type {CoquilleRule} from './rules/kit.js'
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

const allowedKeys = new Set(['extends', 'rules', 'vocabulary', 'plugins', 'settings'])

export function resolveConfig(raw: unknown, origin = 'configuration'): ResolvedRule[] {
  if (raw === null || raw === undefined) raw = {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${origin}: expected an object, got ${describe(raw)}`)
  const config = raw as Record<string, unknown>
  for (const key of Object.keys(config)) {
    if (!allowedKeys.has(key)) throw new ConfigError(`${origin}: unknown key \`${key}\` (expected extends, rules, vocabulary)`)
  }
  const settings = new Map<string, RuleSetting>()
  // A preset's own options are right (the tests run every preset); checking them would
  // lint a probe article per rule at every start.
  const presetSettings = new Set<RuleSetting>()
  const bases = config['extends'] === undefined ? ['recommended'] : config['extends']
  for (const base of Array.isArray(bases) ? bases : [bases]) {
    if (base === 'none') continue
    if (typeof base !== 'string' || !Object.hasOwn(presets, base)) {
      throw new ConfigError(`${origin}: unknown preset ${describe(base)} in \`extends\` (expected ${Object.keys(presets).join(', ')} or none)`)
    }
    for (const [id, setting] of Object.entries(presets[base]!)) {
      settings.set(id, setting)
      presetSettings.add(setting)
    }
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
    if (options !== undefined && !presetSettings.has(setting)) checkOptions(id, options, origin)
    resolved.push({id, rule: rules[id]!, severity, options})
  }
  return resolved
}

/** A short article with what rules look at, for `checkOptions`. */
const probe = 'Titre\n\nLe ministre a dit « bonjour » et “au revoir” le 3 mai à 20h30, à Paris.\n'
/** Options already checked, per rule (a configuration is resolved again on every edit in an editor). */
const checkedOptions = new Map<string, string | undefined>()

/**
 * Rules read their options when they run, and a rule that throws becomes a finding with a
 * stack trace on every article. Run the rule once on a probe article instead: an option it
 * rejects is a configuration error, said once, in one line.
 */
function checkOptions(id: string, options: unknown, origin: string): void {
  let key: string | undefined
  try {
    key = `${id}\u0000${JSON.stringify(options)}`
  } catch {
    key = undefined
  }
  let problem = key === undefined ? undefined : checkedOptions.get(key)
  if (key === undefined || !checkedOptions.has(key)) {
    const file = new VFile({value: probe})
    const processor = unified().use(coquilleParse, {format: 'txt'}).use(rules[id]!, ['error', options] as never)
    processor.runSync(processor.parse(file), file)
    const failure = file.messages.find((message) => message.cause instanceof Error)
    problem = failure ? (failure.cause as Error).message.split('\n')[0] : undefined
    if (key !== undefined) checkedOptions.set(key, problem)
  }
  if (problem !== undefined) throw new ConfigError(`${origin}: rule \`${id}\`: invalid options: ${problem}`)
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
