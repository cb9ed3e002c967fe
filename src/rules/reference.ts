/** The rule reference (docs/rules.md) and README rule table, rendered from the rule files. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {presets, rules} from '../../rules/index.js'
import {packageRoot} from '../package-root.js'
import {parseRuleDocumentation} from './docs.js'

function ruleSource(id: string): string {
  // Rule sources ship in the package (rules/*.ts) so the docs never drift from the code.
  return readFileSync(join(packageRoot, 'rules', `${id}.ts`), 'utf8')
}

function presetsOf(id: string): string {
  return Object.entries(presets)
    .filter(([, settings]) => settings[id] !== undefined && settings[id] !== 'off')
    .map(([name, settings]) => `${name} (${Array.isArray(settings[id]) ? settings[id]![0] : settings[id]})`)
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
      return `${documentation.description.replace(/^## /, `## `)}\n\nPresets: ${presetsOf(rule.meta.id) || 'none'}.\n\n### Examples\n\n${examples}`
    })
  return `# Rules\n\nGenerated from the rule files by \`npm run docs\`; do not edit by hand.\n\nMessage format in examples: \`line:column-line:column "actual" → "expected" [safe|suggestion]: reason\`.\n\n${sections.join('\n\n')}\n`
}
