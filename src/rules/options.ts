/**
 * Rule option schemas: each rule declares its options in its `meta` (a small subset of
 * JSON Schema: booleans and strings from a list). The same declaration checks a
 * configuration (one line in French, exit code 2), writes the options section of
 * docs/rules.md and the JSON Schema of `.coquillerc.json` for editors.
 */
import {editDistance} from './edit-distance.js'

export interface BooleanOption {
  readonly type: 'boolean'
  readonly default: boolean
  /** One sentence, in French (shown by editors and in docs/rules.md). */
  readonly description: string
}

export interface ChoiceOption {
  readonly type: 'string'
  /** The values allowed. */
  readonly enum: readonly string[]
  readonly default: string
  readonly description: string
}

export type OptionSchema = BooleanOption | ChoiceOption

/** A rule's options by name; a rule without the field takes none. */
export type OptionsSchema = Readonly<Record<string, OptionSchema>>

/**
 * What is wrong with `options` for a rule with this schema, in one French sentence, or
 * undefined when they are fine. Absent options (and `{}`) are always fine.
 */
export function optionsProblem(schema: OptionsSchema | undefined, options: unknown): string | undefined {
  if (options === undefined) return undefined
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return schema ? `les options sont un objet ({"nom": valeur}), reçu ${show(options)}` : `cette règle n’a pas d’options, reçu ${show(options)}`
  }
  for (const [name, value] of Object.entries(options)) {
    const option = schema && Object.hasOwn(schema, name) ? schema[name]! : undefined
    if (!option) {
      if (!schema) return `cette règle n’a pas d’options, reçu « ${name} »`
      const known = Object.keys(schema)
      const close = closest(name, known)
      return `option inconnue « ${name} » (${close ? `vouliez-vous dire « ${close} » ?` : `options : ${known.join(', ')}`})`
    }
    if (option.type === 'boolean' && typeof value !== 'boolean') return `option « ${name} » : true ou false, reçu ${show(value)}`
    if (option.type === 'string' && !option.enum.includes(value as string)) {
      return `option « ${name} » : valeur ${show(value)} non permise (valeurs permises : ${option.enum.map(show).join(', ')})`
    }
  }
  return undefined
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value))
}

/**
 * The candidate closest to a misspelt `word`: the same but for case, or at most two edits
 * away (one for short words), else undefined.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const allowed = word.length <= 4 ? 1 : 2
  return bestDistance <= allowed ? best : undefined
}

/** The JSON Schema of one rule's options object (draft-07). */
export function optionsJsonSchema(schema: OptionsSchema | undefined): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries(schema ?? {}).map(([name, option]) => [
      name,
      option.type === 'boolean'
        ? {type: 'boolean', default: option.default, description: option.description}
        : {type: 'string', enum: [...option.enum], default: option.default, description: option.description},
    ]),
  )
  return {type: 'object', properties, additionalProperties: false}
}

/** Markdown list of a rule's options, for docs/rules.md. */
export function optionsMarkdown(schema: OptionsSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'Options: none.'
  const items = Object.entries(schema).map(([name, option]) => {
    const values = option.type === 'boolean' ? '`true` or `false`' : option.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ')
    return `- \`${name}\` (${values}; default \`${JSON.stringify(option.default)}\`): ${option.description}`
  })
  return ['Options:', '', ...items].join('\n')
}
