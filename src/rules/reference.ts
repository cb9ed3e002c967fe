/** The rule reference (docs/rules.md) and README rule table, rendered from the rule files. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {presets, rules} from '../../rules/index.js'
import {packageRoot} from '../package-root.js'
import {parseRuleDocumentation} from './docs.js'
import {optionsJsonSchema, optionsMarkdown} from './options.js'

function ruleSource(id: string): string {
  // Rule sources ship in the package (rules/*.ts) so the docs never drift from the code.
  return readFileSync(join(packageRoot, 'rules', `${id}.ts`), 'utf8')
}

function presetsOf(id: string, withOptions = false): string {
  return Object.entries(presets)
    .filter(([, settings]) => settings[id] !== undefined && settings[id] !== 'off')
    .map(([name, settings]) => {
      const setting = settings[id]!
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined]
      return `${name} (${severity}${withOptions && options !== undefined ? ` \`${JSON.stringify(options)}\`` : ''})`
    })
    .join(', ')
}

export function renderReadmeRuleTable(): string {
  const rows = Object.values(rules)
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map((rule) => `| [\`${rule.meta.id}\`](docs/rules.md#${rule.meta.id}) | ${rule.meta.summary} | ${rule.meta.fix} | ${presetsOf(rule.meta.id) || '—'} |`)
  return ['| Rule | Checks | Fix | Presets |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

export function renderRuleReference(): string {
  const sections = Object.values(rules)
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map((rule) => {
      const documentation = parseRuleDocumentation(ruleSource(rule.meta.id))
      const examples = documentation.examples
        .map((example) => `**${example.name}**${example.label ? ` (${example.label})` : ''}${example.config ? ` with options \`${JSON.stringify(example.config)}\`` : ''}\n\n\`\`\`${example.label === 'output' ? 'text' : example.name.split('.').pop()}\n${example.text}\n\`\`\``)
        .join('\n\n')
      return `${documentation.description.replace(/^## /, `## `)}\n\nPresets: ${presetsOf(rule.meta.id, true) || 'none'}.\n\n${optionsMarkdown(rule.meta.options)}\n\n### Examples\n\n${examples}`
    })
  return `# Rules\n\nGenerated from the rule files by \`npm run docs\`; do not edit by hand.\n\nMessage format in examples: \`line:column-line:column "actual" → "expected" [safe|suggestion]: reason\`.\n\n${sections.join('\n\n')}\n`
}

/** Where the JSON Schema of `.coquillerc.json` is committed (and shipped), from the package root. */
export const configSchemaPath = ['schema', 'coquillerc.schema.json'] as const

/**
 * The JSON Schema (draft-07) of `.coquillerc.json`, from the presets and the rules' option
 * schemas: editors complete and check rule ids, severities and options with it.
 */
export function renderConfigSchema(): string {
  const presetNames = [...Object.keys(presets), 'none']
  const severity = {$ref: '#/definitions/severity'}
  const ruleSettings = Object.fromEntries(
    Object.values(rules)
      .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
      .map((rule) => [
        rule.meta.id,
        {
          description: `${rule.meta.summary} (docs/rules.md#${rule.meta.id})`,
          oneOf: [severity, {type: 'array', items: [severity, optionsJsonSchema(rule.meta.options)], minItems: 1, maxItems: 2}],
        },
      ]),
  )
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Configuration de coquille (.coquillerc.json)',
    description: 'Généré depuis les fichiers des règles par npm run docs ; ne pas modifier à la main.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: {type: 'string'},
      extends: {
        description: 'Preset de départ (recommended par défaut).',
        oneOf: [{enum: presetNames}, {type: 'array', items: {enum: presetNames}}],
      },
      rules: {
        description: 'Sévérité ("off", "warn", "error") ou [sévérité, options] par règle ; une sévérité seule garde les options du preset.',
        type: 'object',
        additionalProperties: false,
        properties: ruleSettings,
      },
      vocabulary: {description: 'Chemin du vocabulaire maison, relatif à ce fichier (.coquille-vocabulary.txt par défaut).', type: 'string'},
    },
    definitions: {severity: {enum: ['off', 'warn', 'error', 0, 1, 2]}},
  }
  return JSON.stringify(schema, null, 2) + '\n'
}
