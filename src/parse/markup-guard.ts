/**
 * The markup oracle of the fix engine. Before a pass of edits is kept, the Markdown or HTML
 * is parsed again: every piece of markup of the text before (element with its attributes,
 * comment, link or image with its target, code, reference definition, front matter with its
 * keys…) must be found, identical and in the same order, after — unless an edit deleted it
 * whole. An edit that cuts into one (half a link, an opening tag without its closing one),
 * or a pass after which the skeleton differs (a colon that breaks the YAML, a merged
 * paragraph, a URL with a space), is dropped; so is an edit that cuts a character reference.
 */
import type {Nodes as HastNodes} from 'hast'
import type {Nodes as MdastNodes} from 'mdast'
import type {Format} from './document.js'
import {htmlTree, markdownTree, yamlLibrary} from './formats.js'
import {characterReferenceAt} from './source-map.js'
import type {FixableMessage} from '../fix/apply.js'

/** One piece of markup: where it is in the source, and what it is, text aside. */
export interface MarkupAtom {
  readonly start: number
  readonly end: number
  readonly signature: string
}

/** The markup of `source` in document order; empty for plain text. */
export function markupAtoms(source: string, format: Format): MarkupAtom[] {
  const atoms: MarkupAtom[] = []
  if (format === 'md') collectMarkdown(markdownTree(source), source, atoms)
  else if (format === 'html') collectHtml(htmlTree(source), atoms)
  return atoms
}

/** Prose fields of YAML front matter (the Markdown front-end lints them); the rest is data. */
const proseKeys = new Set(['title', 'description'])
/** Fields of mdast nodes that are not markup. */
const ignoredFields = new Set(['type', 'children', 'position', 'data'])

function collectMarkdown(node: MdastNodes, source: string, atoms: MarkupAtom[]): void {
  if (node.type !== 'root' && node.type !== 'text') {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) {
      let signature = node.type === 'yaml' ? yamlSignature(node.value) : `${node.type}${JSON.stringify(fieldsOf(node))}`
      // A link whose text a fix deleted (`[](https://…)`) has lost what it was.
      if (node.type === 'link' || node.type === 'linkReference') signature += hasContent(node) ? '+' : '∅'
      // `[text](url)`, `<url>` or a bare URL (GFM's autolink literal): "[x](https://a.fr)"
      // cut to "](https://a.fr)" still holds a link to the same target.
      if (node.type === 'link') signature += source[start]
      atoms.push({start, end, signature})
    }
  }
  if ('children' in node) for (const child of node.children) collectMarkdown(child, source, atoms)
}

function hasContent(node: MdastNodes): boolean {
  if (node.type === 'text') return node.value.trim() !== ''
  return 'children' in node ? node.children.some(hasContent) : true
}

function fieldsOf(node: object): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) if (!ignoredFields.has(key)) fields[key] = value
  return fields
}

/** Valid YAML keeps its keys and data (prose values may change); invalid YAML may not change at all. */
function yamlSignature(text: string): string {
  const {parseDocument} = yamlLibrary()
  try {
    const document = parseDocument(text)
    if (document.errors.length > 0) return `yaml!${text}`
    const data: unknown = document.toJS()
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const record = data as Record<string, unknown>
      for (const key of proseKeys) if (typeof record[key] === 'string') record[key] = '<prose>'
    }
    return `yaml${JSON.stringify(data)}`
  } catch {
    return `yaml!${text}`
  }
}

/** Elements whose text is not prose: it is part of their signature. */
const literalElements = new Set(['script', 'style', 'pre', 'code', 'kbd', 'samp', 'var', 'textarea', 'svg', 'math', 'template', 'noscript'])

function collectHtml(node: HastNodes, atoms: MarkupAtom[]): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  let signature: string | undefined
  if (node.type === 'element') {
    signature = `<${node.tagName}${JSON.stringify(node.properties)}`
    if (literalElements.has(node.tagName)) signature += JSON.stringify(textOf(node))
    // An anchor whose text a fix deleted (`<a href="…"></a>`) has lost what it was.
    else if (node.tagName === 'a') signature += textOf(node).trim() === '' && !node.children.some((child) => child.type === 'element') ? '∅' : '+'
  } else if (node.type === 'comment') {
    signature = `<!--${node.value}`
  } else if (node.type === 'doctype') {
    signature = '<!doctype'
  }
  if (signature !== undefined && start !== undefined && end !== undefined) atoms.push({start, end, signature})
  if ('children' in node && !(node.type === 'element' && literalElements.has(node.tagName))) {
    for (const child of node.children) collectHtml(child, atoms)
  }
  if (node.type === 'element' && node.tagName === 'template' && node.content) collectHtml(node.content, atoms)
}

function textOf(node: HastNodes): string {
  if (node.type === 'text' || node.type === 'comment') return node.value
  if ('children' in node) return node.children.map(textOf).join('')
  return ''
}

/**
 * Whether `after` (= `before` with `edits` applied) keeps the markup of `before`: the atoms
 * no edit deleted whole are all there, identical, in order, and nothing was added. An edit
 * that overlaps an atom without holding it whole (or being inside it) fails at once.
 */
export function keepsMarkup(before: readonly MarkupAtom[], edits: readonly FixableMessage[], after: readonly MarkupAtom[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start)
  const kept: string[] = []
  for (const atom of before) {
    let deleted = false
    for (const edit of sorted) {
      if (edit.start >= atom.end) break
      const overlaps = edit.start === edit.end ? atom.start < edit.start : edit.end > atom.start
      if (!overlaps) continue
      const inside = edit.start >= atom.start && edit.end <= atom.end
      const covers = edit.start <= atom.start && edit.end >= atom.end
      if (covers && edit.expected[0] === '' ) deleted = true
      else if (!inside && !covers) return false
    }
    if (!deleted) kept.push(atom.signature)
  }
  if (kept.length !== after.length) return false
  return kept.every((signature, at) => signature === after[at]!.signature)
}

/**
 * Source ranges of the character references of `source`, as the HTML standard reads them
 * (`&nbsp ` and `&#160 ` without semicolon, `&notit;` is `&not` then `it;`).
 */
export function characterReferences(source: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = []
  for (let at = source.indexOf('&'); at !== -1; at = source.indexOf('&', at + 1)) {
    const reference = characterReferenceAt(source, at)
    if (reference) spans.push([at, at + reference.length])
  }
  return spans
}

/** Whether an edit starts, ends or inserts strictly inside a character reference (« &laq|uo; »). */
export function cutsReference(references: ReadonlyArray<readonly [number, number]>, edits: readonly FixableMessage[]): boolean {
  if (references.length === 0) return false
  const inside = (offset: number): boolean => {
    let low = 0
    let high = references.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (references[middle]![1] <= offset) low = middle + 1
      else high = middle
    }
    const reference = references[low]
    return reference !== undefined && reference[0] < offset && offset < reference[1]
  }
  return edits.some((edit) => inside(edit.start) || inside(edit.end))
}

/** A guard for the fix loop over `format` (undefined for plain text, which has no markup). */
export function markupGuard(format: Format): ((before: string, edits: readonly FixableMessage[], after: string) => boolean) | undefined {
  if (format === 'txt') return undefined
  let lastSource: string | undefined
  let lastAtoms: MarkupAtom[] = []
  let lastReferences: Array<readonly [number, number]> = []
  const atomsOf = (source: string): MarkupAtom[] => {
    if (source !== lastSource) {
      lastSource = source
      lastAtoms = markupAtoms(source, format)
      lastReferences = characterReferences(source)
    }
    return lastAtoms
  }
  return (before, edits, after) => {
    const beforeAtoms = atomsOf(before)
    // A character reference cut in two is neither the character nor the text around it.
    if (cutsReference(lastReferences, edits)) return false
    let afterAtoms: MarkupAtom[]
    try {
      afterAtoms = markupAtoms(after, format)
    } catch {
      return false // the fixed text no longer parses (a Markdown shape refused as too deep…)
    }
    return keepsMarkup(beforeAtoms, edits, afterAtoms)
  }
}
