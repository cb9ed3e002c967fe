/** Shared test helpers. */
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
