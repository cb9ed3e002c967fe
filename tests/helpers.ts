/** Shared test helpers. */
import {spawnSync} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {VFile} from 'vfile'
import {detectFormat} from '../src/parse/index.js'
import {createProcessor, lintFile} from '../src/processor.js'
import type {RuleExample} from '../src/rules/docs.js'
import type {CoquilleMessage} from '../src/rules/kit.js'

type Placed = CoquilleMessage & {place: {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}}

export function lintExample(id: string, example: RuleExample): Placed[] {
  const format = detectFormat(example.name)
  const processor = createProcessor({format, config: {extends: 'none', rules: {[id]: ['error', example.config]}}})
  return lintFile(new VFile({value: example.text, path: example.name}), processor) as Placed[]
}

/** `1:13-1:18 "le le" → "le" [safe]: reason`, or `1:13-1:18: reason` without a fix. */
export function formatExampleMessage(message: Placed): string {
  const {start, end} = message.place
  const range = `${start.line}:${start.column}-${end.line}:${end.column}`
  if (!message.expected || message.expected.length === 0) return `${range}: ${message.reason}`
  const fixes = message.expected.map((value) => JSON.stringify(value)).join(' | ')
  return `${range} ${JSON.stringify(message.actual)} → ${fixes} [${message.fix}]: ${message.reason}`
}

export async function fixExample(id: string, example: RuleExample): Promise<string> {
  const {fixText} = await import('../src/pipeline/fix-text.js')
  const format = detectFormat(example.name)
  const result = fixText(example.text, {format, config: {extends: 'none', rules: {[id]: ['error', example.config]}}})
  return result.output
}

/** Compact dump of a tree: {P [S W(mot) _ P(.)]} with "\n" for white space between paragraphs. */
export function dumpTree(root: import('nlcst').Root): string {
  const dumpNode = (node: import('nlcst').RootContent | import('nlcst').SentenceContent): string => {
    switch (node.type) {
      case 'ParagraphNode':
        return '{P ' + node.children.map(dumpNode).join(' ') + '}'
      case 'SentenceNode':
        return '[S ' + node.children.map(dumpNode).join(' ') + ']'
      case 'WordNode':
        return `W(${node.children.map((child) => ('value' in child ? child.value : '')).join('')})`
      case 'WhiteSpaceNode':
        return /[\n\r]/.test(node.value) ? JSON.stringify(node.value) : '_'
      case 'PunctuationNode':
        return `P(${node.value})`
      case 'SymbolNode':
        return `S(${node.value})`
      case 'SourceNode':
        return `C(${node.value})`
      default:
        return '?'
    }
  }
  return root.children.map(dumpNode).join(' ')
}

/** The command's `main` from a module (a bundle, dist/src/cli/main.js) in a process of its own, as bin/coquille.js runs it. */
export function runCommandModule(module: string, args: readonly string[], cwd: string, input = ''): {code: number; stdout: string; stderr: string} {
  const driver = `const {main} = await import(${JSON.stringify(pathToFileURL(module).href)})
process.exitCode = await main(process.argv.slice(1), {cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr})`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', driver, '--', ...args], {cwd, encoding: 'utf8', input, timeout: 60_000})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}
