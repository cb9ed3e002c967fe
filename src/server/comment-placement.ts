/**
 * Where a "disable on this line" comment may go. In Markdown a comment line interrupts a
 * paragraph, ends a list or a table and closes YAML front matter; in HTML it becomes text
 * inside `<pre>`, `<textarea>` or `<title>` and breaks a tag written over several lines. The
 * only proof that it does none of this is to parse the document again with it, with
 * coquille's own parsers, and find the same blocks with the same text.
 */
import type {Nodes as HtmlNodes} from 'hast'
import type {Nodes as MarkdownNodes} from 'mdast'
import type {Format} from '../parse/document.js'
import {htmlTree, markdownTree} from '../parse/index.js'

function markdownShape(source: string, ignoredComment?: string): string {
  const parts: string[] = []
  const walk = (node: MarkdownNodes, depth: number): void => {
    if (node.type === 'html' && node.value.trim() === ignoredComment) return
    const attributes = node as {value?: unknown; depth?: unknown; ordered?: unknown; start?: unknown; spread?: unknown; lang?: unknown}
    parts.push(JSON.stringify([depth, node.type, attributes.value, attributes.depth, attributes.ordered, attributes.start, attributes.spread, attributes.lang]))
    if ('children' in node) for (const child of node.children) walk(child, depth + 1)
  }
  walk(markdownTree(source), 0)
  return parts.join('\n')
}

/** Elements whose text is kept as written (elsewhere, runs of white space read as one space). */
const verbatimElements = new Set(['pre', 'textarea', 'title', 'script', 'style'])

function htmlShape(source: string, ignoredComment?: string): string {
  const parts: string[] = []
  let text = ''
  const flushText = (): void => {
    if (text !== '') parts.push(JSON.stringify(text))
    text = ''
  }
  const walk = (node: HtmlNodes, verbatim: boolean): void => {
    if (node.type === 'comment' && `<!--${node.value}-->` === ignoredComment) return
    if (node.type === 'text') {
      // Text on both sides of the removed comment joins up again.
      text += verbatim ? node.value : node.value.replace(/\s+/g, ' ')
      if (!verbatim) text = text.replace(/ {2,}/g, ' ')
      return
    }
    flushText()
    if (node.type === 'element') {
      parts.push(`<${node.tagName} ${JSON.stringify(node.properties)}>`)
      for (const child of node.children) walk(child, verbatim || verbatimElements.has(node.tagName))
      flushText()
      parts.push(`</${node.tagName}>`)
    } else if ('children' in node) {
      for (const child of node.children) walk(child, verbatim)
      flushText()
    } else {
      parts.push(JSON.stringify([node.type, 'value' in node ? node.value : undefined]))
    }
  }
  walk(htmlTree(source), false)
  flushText()
  return parts.join('\n')
}

/** Block structure and text of a document, one comment (the inserted one) left out. */
export function documentShape(format: Format, source: string, ignoredComment?: string): string {
  return format === 'html' ? htmlShape(source, ignoredComment) : markdownShape(source, ignoredComment)
}

/**
 * Whether inserting `commentLine` (one HTML comment and its line break) at `offset`, the
 * start of a line, leaves the Markdown or HTML document's structure and text unchanged.
 * `before` is the document's own {@link documentShape}, when known.
 */
export function commentKeepsStructure(format: Format, source: string, offset: number, commentLine: string, before?: string): boolean {
  try {
    const edited = source.slice(0, offset) + commentLine + source.slice(offset)
    return documentShape(format, edited, commentLine.trim()) === (before ?? documentShape(format, source))
  } catch {
    return false // A document the parser refuses gets no comment either.
  }
}
