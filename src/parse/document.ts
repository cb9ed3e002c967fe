/**
 * The flat document index, built once per file by the parser stage and read by every
 * rule: blocks (paragraphs, headings), sentences and tokens with exact source offsets.
 * Rules read these arrays instead of each walking the tree (a walk per rule costs about
 * four parses; see DESIGN.md, "Performance by design").
 */
import type {Paragraph, Root, RootContent, Sentence, SentenceContent, Word} from 'nlcst'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {toString} from 'nlcst-to-string'
import {location} from 'vfile-location'

export type Format = 'txt' | 'md' | 'html'

export type BlockKind = 'paragraph' | 'heading' | 'title' | 'list-item' | 'blockquote' | 'table-cell' | 'metadata'

export type TokenKind = 'word' | 'punctuation' | 'symbol' | 'whitespace' | 'source'

export interface Token {
  readonly kind: TokenKind
  /** Text of the token as prose (entities and escapes decoded). */
  readonly value: string
  /** Source offsets, [start, end). */
  readonly start: number
  readonly end: number
  /** Index into `DocumentIndex.sentences`, or -1 for white space between sentences. */
  readonly sentence: number
  /** Index into `DocumentIndex.blocks`. */
  readonly block: number
}

export interface SentenceSpan {
  readonly start: number
  readonly end: number
  /** Tokens [firstToken, endToken). */
  readonly firstToken: number
  readonly endToken: number
  readonly block: number
}

export interface Block {
  readonly kind: BlockKind
  /** Heading level (1–6) for headings and titles. */
  readonly depth: number | undefined
  readonly start: number
  readonly end: number
  readonly firstToken: number
  readonly endToken: number
  readonly firstSentence: number
  readonly endSentence: number
  /** Source line (1-based) where the block starts. */
  readonly line: number
}

/** A comment of the source (Markdown/HTML `<!-- … -->`), for inline configuration. */
export interface SourceComment {
  readonly value: string
  readonly start: number
  readonly end: number
}

export interface DocumentIndex {
  readonly source: string
  readonly format: Format
  readonly tree: Root
  readonly blocks: readonly Block[]
  readonly sentences: readonly SentenceSpan[]
  readonly tokens: readonly Token[]
  readonly comments: readonly SourceComment[]
  /** Offsets where each source line starts. */
  readonly lineStarts: readonly number[]
  /** The article's headline block, if any (first line of text, first heading, HTML title). */
  readonly headline: Block | undefined
  /**
   * The point of a source offset, for messages: line, column and offset in the whole file,
   * also when this index covers one section of a huge file (see sections.ts).
   */
  toPoint(offset: number): Point
  /** Values derived from the index by `perIndex`, by key. */
  readonly derived: Map<symbol, unknown>
}

/** Where a section of a huge file starts in the whole file (see sections.ts). */
export interface SectionBase {
  readonly offset: number
  /** 1-based line of the whole file where the section starts (at a line start). */
  readonly line: number
}

const tokenKinds: Record<SentenceContent['type'], TokenKind> = {
  WordNode: 'word',
  PunctuationNode: 'punctuation',
  SymbolNode: 'symbol',
  WhiteSpaceNode: 'whitespace',
  SourceNode: 'source',
}

/**
 * Builds the index block by block, so a front-end can hand over each paragraph as soon as
 * it is parsed and drop it (the whole tree is held only with `keepTree`).
 */
export class DocumentIndexBuilder {
  readonly #blocks: Block[] = []
  readonly #sentences: SentenceSpan[] = []
  readonly #tokens: Token[] = []
  readonly #paragraphs: Paragraph[] = []
  readonly #lineStarts: number[]

  constructor(
    readonly source: string,
    readonly format: Format,
    readonly keepTree = false,
    readonly base?: SectionBase,
  ) {
    this.#lineStarts = computeLineStarts(source)
  }

  get blockCount(): number {
    return this.#blocks.length
  }

  /** A section after the first of a huge file: its first line is not the headline. */
  get continuation(): boolean {
    return this.base !== undefined && this.base.offset > 0
  }

  addBlock(kind: BlockKind, depth: number | undefined, node: Paragraph): void {
    const blocks = this.#blocks
    const sentences = this.#sentences
    const tokens = this.#tokens
    const blockIndex = blocks.length
    const firstToken = tokens.length
    const firstSentence = sentences.length
    for (const child of node.children) {
      if (child.type === 'SentenceNode') {
        const sentenceIndex = sentences.length
        const sentenceFirst = tokens.length
        pushTokens(child, sentenceIndex, blockIndex, tokens)
        if (tokens.length > sentenceFirst) {
          sentences.push({start: tokens[sentenceFirst]!.start, end: tokens.at(-1)!.end, firstToken: sentenceFirst, endToken: tokens.length, block: blockIndex})
        }
      } else {
        pushToken(child, -1, blockIndex, tokens)
      }
    }
    if (tokens.length === firstToken) return
    const start = tokens[firstToken]!.start
    blocks.push({
      kind,
      depth,
      start,
      end: tokens.at(-1)!.end,
      firstToken,
      endToken: tokens.length,
      firstSentence,
      endSentence: sentences.length,
      line: lineOf(this.#lineStarts, start),
    })
    if (this.keepTree) this.#paragraphs.push(node)
  }

  finish(comments: readonly SourceComment[] = []): DocumentIndex {
    const {source, format, base} = this
    const blocks = this.#blocks
    const place = location(source)
    const toPoint = (offset: number): Point => {
      const point = place.toPoint(offset) ?? place.toPoint(source.length) ?? {line: 1, column: 1, offset: 0}
      return base ? {line: point.line + base.line - 1, column: point.column, offset: point.offset! + base.offset} : point
    }
    const tree: Root = {type: 'RootNode', children: this.#paragraphs as RootContent[]}
    if (blocks.length > 0) tree.position = {start: toPoint(blocks[0]!.start), end: toPoint(blocks.at(-1)!.end)}
    const headline =
      blocks.find((block) => block.kind === 'title') ??
      blocks.find((block) => block.kind === 'heading' && (format !== 'txt' || block === blocks[0]))
    return {
      source,
      format,
      tree,
      blocks,
      sentences: this.#sentences,
      tokens: this.#tokens,
      comments,
      lineStarts: this.#lineStarts,
      headline,
      toPoint,
      derived: new Map(),
    }
  }
}

/**
 * `pushToken` for each token of a sentence, written out: a sentence holds only tokens, and
 * the calls per token (kind, text) cost more than the rest (the command runs without inlining).
 */
function pushTokens(sentence: Sentence, sentenceIndex: number, blockIndex: number, tokens: Token[]): void {
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    const position = node.position
    if (!position) continue
    const type = node.type
    let kind: TokenKind
    let value: string
    if (type === 'WordNode') {
      kind = 'word'
      const parts = node.children
      value = parts.length === 1 && parts[0]!.type === 'TextNode' ? parts[0]!.value : toString(node)
    } else {
      // As `pushToken`: nodes that are not tokens (only a foreign tree could hold them here).
      if ((type as string) === 'TextNode' || (type as string) === 'SentenceNode' || (type as string) === 'ParagraphNode') continue
      kind = type === 'WhiteSpaceNode' ? 'whitespace' : type === 'PunctuationNode' ? 'punctuation' : type === 'SymbolNode' ? 'symbol' : tokenKinds[type]
      value = node.value
    }
    tokens.push({kind, value, start: position.start.offset!, end: position.end.offset!, sentence: sentenceIndex, block: blockIndex})
  }
}

function pushToken(node: SentenceContent | RootContent, sentence: number, block: number, tokens: Token[]): void {
  if (node.type === 'SentenceNode' || node.type === 'ParagraphNode' || node.type === 'TextNode') return
  const position = node.position
  if (!position) return
  tokens.push({
    kind: tokenKindOf(node.type),
    value: node.type === 'WordNode' ? wordText(node) : node.value,
    start: position.start.offset!,
    end: position.end.offset!,
    sentence,
    block,
  })
}

/** `tokenKinds[type]`, by comparisons: a lookup keyed by each node's type was a slow, generic one. */
function tokenKindOf(type: SentenceContent['type']): TokenKind {
  if (type === 'WordNode') return 'word'
  if (type === 'WhiteSpaceNode') return 'whitespace'
  if (type === 'PunctuationNode') return 'punctuation'
  if (type === 'SymbolNode') return 'symbol'
  return tokenKinds[type]
}

/** The text of a word: its only text node's value (most words), else its children joined. */
function wordText(word: Word): string {
  const children = word.children
  if (children.length === 1 && children[0]!.type === 'TextNode') return children[0]!.value
  return toString(word)
}

function computeLineStarts(source: string): number[] {
  const starts = [0]
  if (!source.includes('\r')) {
    // Line feeds only (nearly every file): indexOf scans far faster than a loop by character.
    for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1)
    return starts
  }
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code === 10) starts.push(index + 1)
    else if (code === 13) {
      if (source.charCodeAt(index + 1) === 10) index++
      starts.push(index + 1)
    }
  }
  return starts
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (lineStarts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}

/**
 * A value derived from a document index, computed on first use and kept on the index
 * itself (in its `derived` map, under a symbol private to the caller), so that it lives and
 * dies with it. Prefer it to a `WeakMap` keyed by the index: V8 promotes the values of a
 * WeakMap to the old generation while their key is alive, so the derived data of every
 * short-lived index piled up as old garbage (80 MB per 20 MB of text for the touching runs
 * alone). A map rather than properties of the index: rules ask for these values token
 * after token, and each property added changed the index's shape, which made every lookup
 * a slow one.
 */
export function perIndex<T>(index: DocumentIndex, key: symbol, compute: (index: DocumentIndex) => T): T {
  let value = index.derived.get(key) as T | undefined
  if (value === undefined) {
    value = compute(index)
    index.derived.set(key, value)
  }
  return value
}

/**
 * The index the parser stage stored on the file; when a rule runs behind another parser
 * (retext + retextFrench alone), it is built once from the tree, paragraphs as blocks.
 */
export function getDocumentIndex(file: VFile, tree: Root): DocumentIndex {
  let index = file.data.coquille
  if (!index) {
    const builder = new DocumentIndexBuilder(String(file), 'txt', true)
    for (const child of tree.children) {
      if (child.type === 'ParagraphNode') builder.addBlock(builder.blockCount === 0 ? 'heading' : 'paragraph', builder.blockCount === 0 ? 1 : undefined, child)
    }
    index = builder.finish()
    file.data.coquille = index
  }
  return index
}
