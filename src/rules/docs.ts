/**
 * Reads a rule file's header comment: its documentation and its `@example` blocks
 * (remark-lint's convention). The test suite runs the examples; the docs generator
 * prints the documentation.
 *
 *     @example
 *       {"name": "not-ok.txt", "label": "input", "config": {…}}
 *
 *       text of the example, indented by two spaces
 */
export interface RuleExample {
  /** File name; its extension gives the format (`.txt`, `.md`, `.html`). */
  readonly name: string
  /** `input` and `output` (messages) and `fixed` (text after safe fixes) share a name; ok examples have none. */
  readonly label: 'input' | 'output' | 'fixed' | undefined
  /** Rule options for this example. */
  readonly config: unknown
  readonly text: string
}

export interface RuleDocumentation {
  /** Markdown of the header, without the examples. */
  readonly description: string
  readonly examples: RuleExample[]
}

export function parseRuleDocumentation(source: string): RuleDocumentation {
  const open = source.indexOf('/**')
  const close = open < 0 ? -1 : source.indexOf('*/', open + 3)
  if (close < 0) return {description: '', examples: []}
  const lines = source.slice(open + 3, close).split('\n').map((line) => line.replace(/^\s*\* ?/, ''))
  const description: string[] = []
  const examples: RuleExample[] = []
  let index = 0
  while (index < lines.length && !lines[index]!.startsWith('@example')) description.push(lines[index++]!)
  while (index < lines.length) {
    // lines[index] is "@example"
    index++
    const metaLine = (lines[index++] ?? '').trim()
    const meta = JSON.parse(metaLine) as {name: string; label?: RuleExample['label']; config?: unknown}
    const body: string[] = []
    if ((lines[index] ?? '').trim() === '') index++
    while (index < lines.length && !lines[index]!.startsWith('@example')) {
      const line = lines[index++]!
      body.push(line.startsWith('  ') ? line.slice(2) : line.trimStart())
    }
    while (body.length > 0 && body.at(-1)!.trim() === '') body.pop()
    examples.push({name: meta.name, label: meta.label, config: meta.config, text: body.join('\n')})
  }
  return {description: description.join('\n').trim(), examples}
}
