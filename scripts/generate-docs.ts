/**
 * Writes docs/rules.md (the rule reference), schema/coquillerc.schema.json and the rule
 * table of README.md from the rule files' own documentation and option schemas. Run: npm run docs. A test checks both are up to date.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../src/package-root.js'
import {configSchemaPath, renderConfigSchema, renderReadmeRuleTable, renderRuleReference} from '../src/rules/reference.js'

const referencePath = join(packageRoot, 'docs', 'rules.md')
writeFileSync(referencePath, renderRuleReference())
const readmePath = join(packageRoot, 'README.md')
const readme = readFileSync(readmePath, 'utf8')
writeFileSync(readmePath, replaceRuleTable(readme, renderReadmeRuleTable()))
const schemaPath = join(packageRoot, ...configSchemaPath)
mkdirSync(join(schemaPath, '..'), {recursive: true})
writeFileSync(schemaPath, renderConfigSchema())
console.log(`wrote ${referencePath}, ${schemaPath} and the rule table of ${readmePath}`)

function replaceRuleTable(text: string, table: string): string {
  const start = '<!-- rules:start -->'
  const end = '<!-- rules:end -->'
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < 0) throw new Error('README.md lacks the rules:start / rules:end markers')
  return text.slice(0, from + start.length) + '\n' + table + '\n' + text.slice(to)
}
