/**
 * Inline configuration comments in Markdown and HTML, for every rule:
 *
 *     <!-- coquille-disable rule-a rule-b -->   (no id: every rule)
 *     <!-- coquille-enable rule-a -->
 *     <!-- coquille-disable-next-line rule-a -- the reason -->
 *
 * unified-message-control does the bookkeeping (ranges, unknown ids reported). Our comments
 * live in the document index, not in the nlcst tree, so it is given a small tree of the
 * comments, each `disable-next-line` followed by a node spanning the next line (what its
 * `ignore` verb applies to).
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {Node} from 'unist'
import {messageControl} from 'unified-message-control'
import {rules} from '../rules/index.js'
import type {DocumentIndex} from './parse/document.js'

const directive = /^coquille-(disable-next-line|disable|enable)\b([^]*)$/u

interface ControlNode extends Node {
  type: 'comment' | 'line' | 'rest'
  value?: string
}

function controlTree(index: DocumentIndex): Node {
  const children: ControlNode[] = []
  const point = (offset: number) => index.toPoint(offset)
  for (const comment of index.comments) {
    if (!directive.test(comment.value)) continue
    children.push({type: 'comment', value: comment.value, position: {start: point(comment.start), end: point(comment.end)}})
    if (comment.value.startsWith('coquille-disable-next-line')) {
      const line = index.toPoint(comment.end).line // 1-based line of the comment's end
      const start = index.lineStarts[line] ?? index.source.length
      const end = index.lineStarts[line + 1] ?? index.source.length
      children.push({type: 'line', position: {start: point(start), end: point(end)}})
    }
  }
  const last = children.at(-1)?.position?.end.offset ?? 0
  // Every offset up to the end is covered by a node: message control drops messages in "gaps".
  children.push({type: 'rest', position: {start: point(last), end: point(index.source.length)}})
  return {type: 'root', children, position: {start: point(0), end: point(index.source.length)}} as Node
}

export const coquilleMessageControl: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const index = file.data.coquille
    if (!index || index.comments.length === 0) return
    messageControl(controlTree(index) as never, {
      file,
      name: 'coquille',
      source: 'coquille',
      known: Object.keys(rules),
      test: 'comment',
      marker(node) {
        const match = directive.exec(String((node as ControlNode).value ?? ''))
        if (!match) return null
        const verb = match[1] === 'disable-next-line' ? 'ignore' : match[1]!
        const ids = match[2]!.split(/\s--\s|\s--$/u)[0]!.trim()
        return {name: 'coquille', attributes: `${verb} ${ids}`.trim(), parameters: {}, node: node as never}
      },
    })
    for (const message of file.messages) {
      if (message.source === 'unified-message-control') {
        message.source = 'coquille'
        message.ruleId = 'inline-config'
        message.reason = message.reason.replace(/^Cannot (\w+) `'([^']+)'`, it’s not known$/u, 'Commentaire coquille-$1 : règle inconnue « $2 ».')
        // The stylish report prints `message`, not `reason`.
        message.message = message.reason
      }
    }
  }
}
