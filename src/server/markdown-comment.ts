/**
 * Where a "disable on this line" comment may go in Markdown: a comment line interrupts a
 * paragraph, ends a list or a table and closes YAML front matter. The only proof that it
 * does not is to parse the document again with it, with coquille's own Markdown parser,
 * and find the same blocks with the same text.
 */
import type {Nodes} from 'mdast'
import {markdownTree} from '../parse/index.js'

/** Block structure and text of a Markdown document, one comment (the inserted one) left out. */
export function markdownShape(source: string, ignoredComment?: string): string {
  const parts: string[] = []
  const walk = (node: Nodes, depth: number): void => {
    if (node.type === 'html' && node.value.trim() === ignoredComment) return
    const attributes = node as {value?: unknown; depth?: unknown; ordered?: unknown; start?: unknown; spread?: unknown; lang?: unknown}
    parts.push(JSON.stringify([depth, node.type, attributes.value, attributes.depth, attributes.ordered, attributes.start, attributes.spread, attributes.lang]))
    if ('children' in node) for (const child of node.children) walk(child, depth + 1)
  }
  walk(markdownTree(source), 0)
  return parts.join('\n')
}

/**
 * Whether inserting `commentLine` (one HTML comment and its line break) at `offset`, the
 * start of a line, leaves the Markdown document's structure and text unchanged. `before`
 * is the document's own {@link markdownShape}, when known.
 */
export function commentKeepsStructure(source: string, offset: number, commentLine: string, before?: string): boolean {
  try {
    const edited = source.slice(0, offset) + commentLine + source.slice(offset)
    return markdownShape(edited, commentLine.trim()) === (before ?? markdownShape(source))
  } catch {
    return false // A document the parser refuses gets no comment either.
  }
}
