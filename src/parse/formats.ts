/**
 * Format front-ends: plain text, Markdown and HTML to parsed prose blocks with exact
 * source offsets. Markdown and HTML are read with the unified ecosystem's parsers
 * (mdast-util-from-markdown, hast-util-from-html); prose is taken from their text nodes
 * and aligned back to the source (see source-map.ts), because the mdast/hast → nlcst
 * bridges drift on escapes, entities and container prefixes.
 */
import type {Nodes as HastNodes, Element, Root as HastRoot} from 'hast'
import type {Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot} from 'mdast'
import type {Paragraph, Sentence, SentenceContent} from 'nlcst'
import {location} from 'vfile-location'
import type {BlockKind, DocumentIndexBuilder, Format, SourceComment} from './document.js'
import type {ParseFrench} from './parse-french.js'
import {entityDecoder, ProseBuilder} from './source-map.js'
import {lazy} from '../lazy.js'
import {InputError} from '../input.js'

// The Markdown and HTML parsers load only when an article of that format is met.
const markdownParser = lazy('mdast-util-from-markdown', () => import('mdast-util-from-markdown'))
const markdownFrontmatter = lazy('mdast-util-frontmatter', () => import('mdast-util-frontmatter'))
const markdownGfm = lazy('mdast-util-gfm', () => import('mdast-util-gfm'))
const micromarkFrontmatter = lazy('micromark-extension-frontmatter', () => import('micromark-extension-frontmatter'))
const micromarkGfm = lazy('micromark-extension-gfm', () => import('micromark-extension-gfm'))
const yaml = lazy('yaml', () => import('yaml'))
const htmlParser = lazy('hast-util-from-html', () => import('hast-util-from-html'))

const formatModules: Record<Format, ReadonlyArray<{preload(): Promise<unknown>}>> = {
  txt: [],
  md: [markdownParser, markdownFrontmatter, markdownGfm, micromarkFrontmatter, micromarkGfm, yaml, entityDecoder],
  html: [htmlParser, entityDecoder],
}

/**
 * Load the parsers of these formats ahead (asynchronously). Entry points call it for the
 * formats they may meet; parsing loads what is missing synchronously anyway on Node.js ≥ 20.19.
 */
export async function preloadFormats(formats: Iterable<Format> = ['md', 'html']): Promise<void> {
  await Promise.all([...new Set(formats)].flatMap((format) => formatModules[format].map((module) => module.preload())))
}

/** Stands for a span of non-prose inside prose (inline code, image, inline HTML). */
const OPAQUE = '\uFFFC'

/** What a front-end hands back besides the blocks it added: the source's comments. */
export interface FrontEndResult {
  readonly comments: SourceComment[]
}

export function detectFormat(path: string | undefined): Format {
  const extension = path?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  if (extension === 'md' || extension === 'markdown' || extension === 'mdown' || extension === 'mkd') return 'md'
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html'
  return 'txt'
}

/** Parse `source` in `format`, adding each prose block to `builder` as soon as it is parsed. */
export function parseFormat(source: string, format: Format, parser: ParseFrench, builder: DocumentIndexBuilder): FrontEndResult {
  if (format === 'md') return parseMarkdown(source, parser, builder)
  if (format === 'html') return parseHtml(source, parser, builder)
  return parseText(source, parser, builder)
}

function parseText(source: string, parser: ParseFrench, builder: DocumentIndexBuilder): FrontEndResult {
  for (const child of parser.lines(source)) {
    if (child.type !== 'ParagraphNode') continue
    // The first line of a text article is its headline.
    if (builder.blockCount === 0 && !builder.continuation) builder.addBlock('heading', 1, child)
    else builder.addBlock('paragraph', undefined, child)
  }
  return {comments: []}
}

class BlockCollector {
  readonly comments: SourceComment[] = []
  readonly #place
  constructor(
    readonly source: string,
    readonly parser: ParseFrench,
    readonly builder: DocumentIndexBuilder,
  ) {
    this.#place = location(source)
  }

  emit(builder: ProseBuilder, kind: BlockKind, depth?: number): void {
    if (builder.isEmpty) return
    const place = this.#place
    const source = this.source
    const node = this.parser.parseBlock(builder.text, (offset, isEnd) => {
      const at = builder.toSource(offset, isEnd)
      return place.toPoint(at) ?? {line: 1, column: 1, offset: at}
    })
    restoreOpaqueSpans(node, source)
    this.builder.addBlock(kind, depth, node)
  }
}

/** Placeholders become source nodes carrying the original markup. */
function restoreOpaqueSpans(paragraph: Paragraph, source: string): void {
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    restoreInSentence(sentence, source)
  }
}

function restoreInSentence(sentence: Sentence, source: string): void {
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type === 'SymbolNode' && child.value.includes(OPAQUE) && child.position) {
      const replacement: SentenceContent = {
        type: 'SourceNode',
        value: source.slice(child.position.start.offset, child.position.end.offset),
        position: child.position,
      }
      children[index] = replacement
    }
  }
}

// Markdown ------------------------------------------------------------------------------

/** Longest run of non-blank lines (one Markdown paragraph at most) read, in UTF-16 units. */
export const maxMarkdownParagraph = 65_536
/** Deepest nesting of block quotes and list items opened on one line. */
export const maxMarkdownNesting = 100

/**
 * micromark is quadratic in the size of one paragraph (it splices its event list once per
 * run of text) and in the nesting depth of containers opened on one line: 1 MB of prose
 * without a blank line, or of "1. 1. 1. …", takes minutes. Real articles are far from
 * either bound; a document past them is refused with a reason instead of hanging.
 */
export function markdownHazard(source: string): string | undefined {
  let runStart = -1
  let lineStart = 0
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = source.length
    if (isBlank(source, lineStart, lineEnd)) {
      runStart = -1
    } else {
      if (runStart === -1) runStart = lineStart
      if (lineEnd - runStart > maxMarkdownParagraph) {
        return `Paragraphe Markdown de plus de ${maxMarkdownParagraph / 1024} Ko sans ligne vide : non analysé (séparez les paragraphes par une ligne vide).`
      }
      if (containerDepth(source, lineStart, lineEnd) > maxMarkdownNesting) {
        return `Document trop profondément imbriqué pour être analysé (Markdown : plus de ${maxMarkdownNesting} niveaux de citations ou de listes).`
      }
    }
    lineStart = lineEnd + 1
  }
  return undefined
}

function isBlank(source: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = source.charCodeAt(at)
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false
  }
  return true
}

/** Block quote markers (">") and list markers ("-", "*", "+", "1.", "1)") opening a line. */
function containerDepth(source: string, start: number, end: number): number {
  let depth = 0
  let at = start
  for (;;) {
    while (at < end && (source[at] === ' ' || source[at] === '\t')) at++
    if (at >= end) return depth
    const char = source[at]!
    if (char === '>') {
      at++
    } else if (char === '-' || char === '*' || char === '+') {
      if (at + 1 < end && source[at + 1] !== ' ' && source[at + 1] !== '\t') return depth
      at++
    } else if (char >= '0' && char <= '9') {
      let digits = at
      while (digits < end && source[digits]! >= '0' && source[digits]! <= '9' && digits - at < 9) digits++
      if (source[digits] !== '.' && source[digits] !== ')') return depth
      if (digits + 1 < end && source[digits + 1] !== ' ' && source[digits + 1] !== '\t') return depth
      at = digits + 1
    } else {
      return depth
    }
    depth++
  }
}

/**
 * The mdast tree of `source` (CommonMark, GFM, YAML or TOML front matter). TOML front
 * matter is data: recognised so that it is never read as prose, and never fixed.
 */
export function markdownTree(source: string): MdastRoot {
  const frontMatter: Array<'yaml' | 'toml'> = ['yaml', 'toml']
  return markdownParser().fromMarkdown(source, {
    extensions: [micromarkFrontmatter().frontmatter(frontMatter), micromarkGfm().gfm()],
    mdastExtensions: [markdownFrontmatter().frontmatterFromMarkdown(frontMatter), markdownGfm().gfmFromMarkdown()],
  })
}

/** The hast tree of `source`, as browsers read it (parse5). */
export function htmlTree(source: string): HastRoot {
  return htmlParser().fromHtml(source)
}

/** YAML's parser, loaded with the Markdown front-end. */
export function yamlLibrary(): typeof import('yaml') {
  return yaml()
}

function parseMarkdown(source: string, parser: ParseFrench, builder: DocumentIndexBuilder): FrontEndResult {
  const problem = markdownHazard(source)
  if (problem) throw new InputError(problem)
  const tree = markdownTree(source)
  const collector = new BlockCollector(source, parser, builder)
  walkMarkdownBlocks(tree, 'paragraph', collector)
  return {comments: collector.comments}
}

function walkMarkdownBlocks(parent: MdastParents, context: BlockKind, collector: BlockCollector): void {
  for (const node of parent.children) {
    switch (node.type) {
      case 'yaml': {
        frontMatterProse(node.value, node.position?.start.offset ?? 0, collector)
        break
      }
      case 'heading': {
        const builder = new ProseBuilder()
        collectMarkdownInline(node, builder, collector)
        collector.emit(builder, 'heading', node.depth)
        break
      }
      case 'paragraph': {
        const builder = new ProseBuilder()
        collectMarkdownInline(node, builder, collector)
        collector.emit(builder, context)
        break
      }
      case 'tableCell': {
        const builder = new ProseBuilder()
        collectMarkdownInline(node, builder, collector)
        collector.emit(builder, 'table-cell')
        break
      }
      case 'html': {
        collectComments(node.value, node.position?.start.offset ?? 0, collector)
        break
      }
      case 'blockquote': {
        walkMarkdownBlocks(node, 'blockquote', collector)
        break
      }
      case 'listItem': {
        walkMarkdownBlocks(node, context === 'blockquote' ? 'blockquote' : 'list-item', collector)
        break
      }
      default: {
        if ('children' in node) walkMarkdownBlocks(node, context, collector)
      }
    }
  }
}

function collectMarkdownInline(node: MdastNodes, builder: ProseBuilder, collector: BlockCollector): void {
  if (!('children' in node)) return
  for (const child of node.children) {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    switch (child.type) {
      case 'text': {
        if (start !== undefined && end !== undefined) builder.appendAligned(child.value, collector.source, start, end)
        break
      }
      case 'break': {
        if (start !== undefined && end !== undefined) builder.appendOpaque('\n', start, end)
        break
      }
      case 'html': {
        if (start !== undefined && end !== undefined) {
          collectComments(child.value, start, collector)
          builder.appendOpaque(OPAQUE, start, end)
        }
        break
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
      case 'inlineMath' as string: {
        if (start !== undefined && end !== undefined) builder.appendOpaque(OPAQUE, start, end)
        break
      }
      default: {
        collectMarkdownInline(child, builder, collector)
      }
    }
  }
}

/** The `title` and `description` of YAML front matter are prose; the rest is data. */
function frontMatterProse(yamlText: string, nodeStart: number, collector: BlockCollector): void {
  const contentStart = collector.source.indexOf(yamlText, nodeStart)
  if (contentStart < 0) return
  const {isMap, isScalar, parseDocument} = yaml()
  const document = parseDocument(yamlText, {keepSourceTokens: false})
  if (!isMap(document.contents)) return
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue
    const key = String(pair.key.value)
    if (key !== 'title' && key !== 'description') continue
    const value = pair.value.value
    const range = pair.value.range
    if (typeof value !== 'string' || !range) continue
    const builder = new ProseBuilder()
    builder.appendAligned(value, collector.source, contentStart + range[0], contentStart + range[1])
    collector.emit(builder, key === 'title' ? 'title' : 'metadata', key === 'title' ? 1 : undefined)
  }
}


function collectComments(html: string, offset: number, collector: BlockCollector): void {
  // indexOf, not a lazy regex: many unclosed "<!--" would make a regex scan quadratic.
  let from = 0
  for (;;) {
    const open = html.indexOf('<!--', from)
    if (open < 0) return
    const close = html.indexOf('-->', open + 4)
    if (close < 0) return
    collector.comments.push({value: html.slice(open + 4, close).trim(), start: offset + open, end: offset + close + 3})
    from = close + 3
  }
}

// HTML ----------------------------------------------------------------------------------

const skippedElements = new Set([
  'script', 'style', 'noscript', 'template', 'pre', 'svg', 'math', 'iframe', 'object',
  'textarea', 'select', 'button', 'head', 'meta', 'link', 'canvas', 'video', 'audio',
])
const opaqueInlineElements = new Set(['code', 'kbd', 'samp', 'var', 'img', 'input'])
const inlineElements = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'i', 'mark', 'q', 's', 'small',
  'span', 'strong', 'sub', 'sup', 'time', 'u', 'del', 'ins', 'font', 'nobr', 'wbr', 'label',
])

function htmlBlockKind(element: Element, context: BlockKind): {kind: BlockKind; depth?: number} {
  const name = element.tagName
  if (name === 'title') return {kind: 'title', depth: 1}
  if (/^h[1-6]$/.test(name)) return {kind: 'heading', depth: Number(name[1])}
  if (name === 'li' || name === 'dd' || name === 'dt') return {kind: context === 'blockquote' ? 'blockquote' : 'list-item'}
  if (name === 'blockquote') return {kind: 'blockquote'}
  if (name === 'td' || name === 'th') return {kind: 'table-cell'}
  return {kind: context}
}

const characterReferenceBefore = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});$/

function parseHtml(source: string, parser: ParseFrench, index: DocumentIndexBuilder): FrontEndResult {
  const tree = htmlTree(source)
  const collector = new BlockCollector(source, parser, index)
  let builder = new ProseBuilder()
  let current: {kind: BlockKind; depth?: number} = {kind: 'paragraph'}
  const flush = (): void => {
    collector.emit(builder, current.kind, current.depth)
    builder = new ProseBuilder()
  }

  /** Source offset up to which text has been aligned. */
  let aligned = 0
  /**
   * parse5 starts a text node that follows ignored white space (at the top of a document,
   * after `</head>`) on the last character of its first character reference: "\n&amp; le"
   * is placed at "; le". Aligning from there would pin the whole text to its end (messages
   * with empty ranges, fixes inserted there again and again). Start at the reference.
   */
  const textStart = (start: number): number => {
    const through = source[start] === ';' ? start + 1 : start
    const reference = characterReferenceBefore.exec(source.slice(Math.max(aligned, through - 40), through))
    return reference ? through - reference[0].length : start
  }

  const walk = (node: HastNodes, context: BlockKind): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'comment') {
      if (start !== undefined && end !== undefined) collector.comments.push({value: node.value.trim(), start, end})
      return
    }
    if (node.type === 'text') {
      if (start !== undefined && end !== undefined) aligned = builder.appendAligned(node.value, source, textStart(start), end)
      return
    }
    if (node.type === 'element') {
      const name = node.tagName
      if (name === 'title' || !skippedElements.has(name)) {
        if (opaqueInlineElements.has(name)) {
          if (start !== undefined && end !== undefined) builder.appendOpaque(OPAQUE, start, end)
          return
        }
        if (name === 'br') {
          if (start !== undefined && end !== undefined) builder.appendOpaque('\n', start, end)
          return
        }
        if (inlineElements.has(name)) {
          for (const child of node.children) walk(child, context)
          return
        }
        // A block element: what came before is one block, its content another.
        flush()
        const saved = current
        current = htmlBlockKind(node, context)
        for (const child of node.children) walk(child, current.kind)
        flush()
        current = saved
        return
      }
      if (name === 'head') {
        for (const child of node.children) walk(child, context)
      }
      return
    }
    if ('children' in node) for (const child of node.children) walk(child, context)
  }

  walk(tree, 'paragraph')
  flush()
  return {comments: collector.comments}
}
