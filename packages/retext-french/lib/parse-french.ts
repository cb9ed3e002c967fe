/**
 * ParseFrench: parse-latin specialised for French news prose, the way parse-dutch
 * specialises it for Dutch. Everything parse-latin does is kept, except where French
 * text needs otherwise:
 *
 * - plain text: every line break ends a paragraph (a headline without final punctuation
 *   must not merge with the next line), or, with `paragraphs = 'blank-line'`, only a blank
 *   line does (a paragraph wrapped over several lines);
 * - French abbreviations (M., Mme, av., cf., J.-C. …) do not end a sentence; digits
 *   followed by a full stop ("30.") do (French ordinals are written "30e", not "30.");
 *   "etc." ends a sentence only before a capital;
 * - a closing » ” › after ! ? … belongs to the sentence it closes;
 * - "3,5" (decimal comma) and "11 000" (digit groups) are single words;
 * - a full stop glued between two words ("parlé.Ensuite") stays a punctuation node and
 *   ends the sentence when a capital follows; a full stop that does not end a sentence
 *   stays a punctuation node instead of being absorbed into the previous word.
 *
 * Positions: `parseBlock` tokenises a piece of text and maps every token through a
 * caller-supplied function to offsets of the original file (Markdown, HTML and per-line
 * parsing all use it), so positions are exact without a second pass over the tree.
 */
import type {Paragraph, Root, RootContent, Sentence, SentenceContent, Word} from 'nlcst'
import type {Point, Position} from 'unist'
import {ParseLatin} from 'parse-latin'
import {toString} from 'nlcst-to-string'

/** Maps a UTF-16 offset of the parsed text to a point of the original file. */
export type PointMapper = (offset: number, isEnd: boolean) => Point

type Plugin<T> = (node: T) => void

/** Abbreviations that never end a sentence when followed by a full stop (case-sensitive). */
const frenchAbbreviations = new Set([
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Drs', 'Pr', 'Me', 'Mgr', 'St', 'Ste', 'Sts',
  'av', 'apr', 'chap', 'p', 'pp', 'cf', 'Cf', 'env', 'vol', 'éd', 'fig', 'art', 'al', 'ex',
  'hab', 'tél', 'Tél', 'bd', 'boul', 'coll', 'dép', 'ibid', 'op', 'cit', 'suppl', 'vs', 'Vve',
  'Cie', 'Ets', 'min', 'max', 'n', 'No', 'no', 'sq', 'sqq', 'resp', 'gén', 'Gén', 'cdt', 'lt',
  'adj', 'lieut', 'sgt', 'réf', 'Réf', 'anc', 'av', 'mat', 'hôp', 'univ', 'Univ', 'éds',
])

const closingQuotes = new Set(['»', '”', '›'])
const terminal = /^[!.?…‽]+$/
const digitsOnly = /^\d+$/
const shortDigitGroup = /^\d{1,3}$/
const threeDigits = /^\d{3}$/
const upperInitial = /^\p{Lu}/u
const lowerInitial = /^\p{Ll}/u
const letterFinal = /[\p{Ll}\p{Lu}\d]$/u
const groupSpace = /^[ \u00A0\u202F]$/

/** parse-latin 7.0.0's paragraph plugins, in order (checked at load: the version is pinned). */
const latinParagraphPlugins = ParseLatin.prototype.tokenizeParagraphPlugins
if (latinParagraphPlugins.length !== 12) {
  throw new Error('retext-french: unexpected parse-latin version (paragraph plugins changed); pin parse-latin@7.0.0')
}
const [
  mergeNonWordSentences,
  mergeAffixSymbol,
  mergeInitialLowerCaseLetterSentences,
  mergeInitialDigitSentences,
  /* mergePrefixExceptions: English/Latin list, merges "30." — replaced */ ,
  mergeAffixExceptions,
  /* mergeRemainingFullStops: absorbs stray full stops into words — dropped */ ,
  makeInitialWhiteSpaceSiblings,
  makeFinalWhiteSpaceSiblings,
  breakImplicitSentences,
  removeEmptyNodes,
  /* patchPosition: patchParentPosition */ ,
] = latinParagraphPlugins as Array<Plugin<Paragraph>>

/** Where a plain text's paragraphs end: at every line break, or at blank lines only. */
export type ParagraphMode = 'line' | 'blank-line'

export class ParseFrench extends ParseLatin {
  /** Set by `parseBlock` for the duration of one tokenisation. */
  #mapPoint: PointMapper | undefined
  /** Whether `#mapPoint` ignores `isEnd`: a token then starts on the point its predecessor ends on. */
  #sharedBoundaries = false
  /** How `tokenizeRoot` (and so `parse`) cuts a plain text into paragraphs. */
  paragraphs: ParagraphMode = 'line'

  /**
   * Plain text: one paragraph per line (or per run of lines up to a blank line); blank
   * lines are white space between paragraphs. Each paragraph is parsed on its own, which
   * also keeps parse-latin away from the long strings on which it is superlinear.
   */
  override tokenizeRoot(value?: string | null): Root {
    const text = value ?? ''
    const children = [...(this.paragraphs === 'blank-line' ? this.blankLineBlocks(text) : this.lines(text))]
    const root: Root = {type: 'RootNode', children}
    if (children.length > 0) {
      root.position = {start: children[0]!.position!.start, end: children.at(-1)!.position!.end}
    }
    return root
  }

  /**
   * The root's children one by one: a paragraph per non-blank line, white space (line
   * breaks, blank lines, indentation) between them. Lets callers index a huge text
   * without holding its whole tree.
   */
  *lines(text: string): Generator<RootContent> {
    const lineBreak = /\r\n|\r|\n/g
    let lineStart = 0
    let line = 1
    let white: {start: number; line: number; column: number} | undefined
    const flushWhite = (end: number, endLine: number, endColumn: number): RootContent | undefined => {
      if (!white || white.start === end) return undefined
      const node: RootContent = {
        type: 'WhiteSpaceNode',
        value: text.slice(white.start, end),
        position: {start: {line: white.line, column: white.column, offset: white.start}, end: {line: endLine, column: endColumn, offset: end}},
      }
      white = undefined
      return node
    }
    for (;;) {
      const match = lineBreak.exec(text)
      const lineEnd = match ? match.index : text.length
      const content = text.slice(lineStart, lineEnd)
      const trimmed = content.trim()
      if (trimmed === '') {
        if (!white && lineEnd > lineStart) white = {start: lineStart, line, column: 1}
      } else {
        const lead = content.length - content.trimStart().length
        const trail = content.length - content.trimEnd().length
        if (lead > 0 && !white) white = {start: lineStart, line, column: 1}
        const space = flushWhite(lineStart + lead, line, lead + 1)
        if (space) yield space
        const base = lineStart + lead
        const baseLine = line
        yield this.parseBlock(trimmed, (offset) => ({line: baseLine, column: offset + lead + 1, offset: base + offset}), true)
        if (trail > 0) white = {start: lineStart + content.length - trail, line, column: content.length - trail + 1}
      }
      if (!match) break
      if (!white) white = {start: lineEnd, line, column: lineEnd - lineStart + 1}
      lineStart = lineEnd + match[0].length
      line++
    }
    const space = flushWhite(text.length, line, text.length - lineStart + 1)
    if (space) yield space
  }

  /**
   * The root's children when only blank lines end paragraphs: the lines of a paragraph are
   * parsed together (a line break inside it is white space in a sentence).
   */
  *blankLineBlocks(text: string): Generator<RootContent> {
    const lineStarts = [0]
    const blocks: Array<[number, number]> = []
    const lineBreak = /\r\n|\r|\n/g
    let blockStart = -1
    let blockEnd = -1
    for (let lineStart = 0; ; ) {
      const match = lineBreak.exec(text)
      const lineEnd = match ? match.index : text.length
      const content = text.slice(lineStart, lineEnd)
      if (content.trim() === '') {
        if (blockStart >= 0) blocks.push([blockStart, blockEnd])
        blockStart = -1
      } else {
        if (blockStart < 0) blockStart = lineStart + content.length - content.trimStart().length
        blockEnd = lineStart + content.trimEnd().length
      }
      if (!match) break
      lineStart = lineEnd + match[0].length
      lineStarts.push(lineStart)
    }
    if (blockStart >= 0) blocks.push([blockStart, blockEnd])
    const pointAt = (offset: number): Point => {
      let low = 0
      let high = lineStarts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (lineStarts[middle]! <= offset) low = middle
        else high = middle - 1
      }
      return {line: low + 1, column: offset - lineStarts[low]! + 1, offset}
    }
    const white = (start: number, end: number): RootContent => ({type: 'WhiteSpaceNode', value: text.slice(start, end), position: {start: pointAt(start), end: pointAt(end)}})
    let previousEnd = 0
    for (const [start, end] of blocks) {
      if (start > previousEnd) yield white(previousEnd, start)
      yield this.parseBlock(text.slice(start, end), (offset) => pointAt(start + offset), true)
      previousEnd = end
    }
    if (text.length > previousEnd) yield white(previousEnd, text.length)
  }

  /**
   * Parse one block of prose (a line, a Markdown paragraph, an HTML paragraph). A block
   * longer than `longBlock` (never a real paragraph: a dump, a pasted table on one line)
   * is parsed in pieces cut at sentence ends, and the pieces' children joined: several of
   * parse-latin's merges splice arrays once per sentence or token, which is quadratic in
   * the size of a paragraph (500 KB of ". " took minutes).
   *
   * `sharedBoundaries`: `mapPoint` gives the same point whether an offset starts or ends a
   * token, so each boundary's point is made once and shared by the tokens on both sides
   * (half the points; nothing changes a point once made).
   */
  parseBlock(text: string, mapPoint: PointMapper, sharedBoundaries = false): Paragraph {
    if (text.length <= longBlock) return this.#parsePiece(text, mapPoint, sharedBoundaries)
    const children: Paragraph['children'] = []
    for (let start = 0; start < text.length; ) {
      const end = pieceEnd(text, start)
      const piece = this.#parsePiece(text.slice(start, end), (offset, isEnd) => mapPoint(start + offset, isEnd), sharedBoundaries)
      children.push(...piece.children)
      start = end
    }
    return {type: 'ParagraphNode', children, position: {start: children[0]!.position!.start, end: children.at(-1)!.position!.end}}
  }

  #parsePiece(text: string, mapPoint: PointMapper, sharedBoundaries: boolean): Paragraph {
    this.#mapPoint = mapPoint
    this.#sharedBoundaries = sharedBoundaries
    try {
      return this.tokenizeParagraph(text)
    } finally {
      this.#mapPoint = undefined
      this.#sharedBoundaries = false
    }
  }

  /**
   * parse-latin's tokeniser, with each token's position mapped to the file as it is made.
   * It cuts the text where parse-latin does: runs of word characters or of white space, and
   * runs of one repeated punctuation or symbol character (surrogate halves continue a run).
   * parse-latin classes each character with up to three Unicode regular expressions and
   * builds line and column points that are thrown away here; each UTF-16 unit's class is
   * read once from parse-latin itself and kept (`characterClass`), which makes this some
   * five times faster.
   */
  override tokenize(value?: string | null): SentenceContent[] {
    const map = this.#mapPoint
    if (!map || !value) return this.#tokenizeLatin(value)
    const tokens: SentenceContent[] = []
    const shared = this.#sharedBoundaries
    let from = 0
    let fromPoint = map(0, false)
    let previousClass = 0
    let previousCode = -1
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      // The table first: a call per character costs (the command runs without inlining).
      const known = characterClasses[code]!
      const currentClass = known !== 0 ? known : characterClass(code)
      if (
        from < index &&
        !(
          previousClass === currentClass &&
          (currentClass === wordClass || currentClass === whiteSpaceClass || code === previousCode || (code >= 0xd800 && code <= 0xdfff))
        )
      ) {
        const endPoint = map(index, true)
        tokens.push(mappedToken(previousClass, value.slice(from, index), fromPoint, endPoint))
        from = index
        fromPoint = shared ? endPoint : map(index, false)
      }
      previousClass = currentClass
      previousCode = code
    }
    if (from < value.length) tokens.push(mappedToken(previousClass, value.slice(from), fromPoint, map(value.length, true)))
    return tokens
  }

  /** parse-latin's own tokeniser, positions mapped afterwards (no mapper: as parse-latin made them). */
  #tokenizeLatin(value?: string | null): SentenceContent[] {
    const tokens = super.tokenize(value)
    const map = this.#mapPoint
    if (map) {
      for (const token of tokens) {
        const position = token.position!
        const mapped: Position = {start: map(position.start.offset!, false), end: map(position.end.offset!, true)}
        token.position = mapped
        // The text node gets its own copy: parse-latin extends merged words in place, and a
        // shared object would stretch the first part of "France.Le" over the whole word.
        if (token.type === 'WordNode') token.children[0]!.position = {start: {...mapped.start}, end: {...mapped.end}}
      }
    }
    return tokens
  }
}

const wordClass = 1
const whiteSpaceClass = 2
const punctuationClass = 3
const symbolClass = 4
const classTypes = [undefined, 'WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode'] as const
/** The class of each UTF-16 unit met so far (0: not asked yet), as parse-latin gives it. */
const characterClasses = new Uint8Array(0x10000)
const latinTokenizer = new ParseLatin()

function characterClass(code: number): number {
  const known = characterClasses[code]!
  if (known !== 0) return known
  // parse-latin tokenises one character into one node, of the character's class.
  const type = latinTokenizer.tokenize(String.fromCharCode(code))[0]!.type
  const found = type === 'WordNode' ? wordClass : type === 'WhiteSpaceNode' ? whiteSpaceClass : type === 'PunctuationNode' ? punctuationClass : symbolClass
  characterClasses[code] = found
  return found
}

/**
 * A token as parse-latin builds it, its position mapped. A word's text node has a position
 * object of its own (parse-latin stretches a word's position in place when it merges words);
 * the points themselves are never changed, and are shared.
 */
function mappedToken(tokenClass: number, value: string, start: Point, end: Point): SentenceContent {
  const position: Position = {start, end}
  if (tokenClass === wordClass) {
    return {type: 'WordNode', children: [{type: 'TextNode', value, position: {start: position.start, end: position.end}}], position}
  }
  return {type: classTypes[tokenClass] as 'PunctuationNode' | 'SymbolNode' | 'WhiteSpaceNode', value, position}
}

const isAsciiDigit = (code: number): boolean => code >= 0x30 && code <= 0x39

/** Blocks longer than this (UTF-16 units) are parsed in pieces of about `pieceLength`. */
const longBlock = 32_768
const pieceLength = 16_384

/**
 * End of the piece starting at `start`: after a sentence end between `pieceLength` and
 * `longBlock` from `start`, else after white space, else at `pieceLength` (never inside a
 * surrogate pair). The last piece takes what remains when it is no longer than `longBlock`.
 */
const isSpace = (code: number): boolean => /\s/.test(String.fromCharCode(code))

function pieceEnd(text: string, start: number): number {
  if (text.length - start <= longBlock) return text.length
  const from = start + pieceLength
  const limit = start + longBlock
  for (let at = from; at < limit; at++) {
    const end = sentenceEndAt(text, at)
    if (end !== undefined) return end
  }
  // After the first run of white space followed by something else (a scan: a regular
  // expression would backtrack quadratically over a long run of spaces).
  let at = from
  while (at <= limit && at < text.length) {
    if (!isSpace(text.charCodeAt(at))) {
      at++
      continue
    }
    let after = at
    while (after < text.length && isSpace(text.charCodeAt(after))) after++
    if (after <= limit && after < text.length) return after
    break
  }
  const low = text.charCodeAt(from)
  return low >= 0xdc00 && low <= 0xdfff ? from + 1 : from
}

/**
 * Where the next sentence starts if `text[at]` ends one for sure: a terminal mark, white
 * space, a capital, and before a full stop neither an initial nor a French abbreviation
 * (the pieces then parse exactly as the whole block would).
 */
function sentenceEndAt(text: string, at: number): number | undefined {
  const mark = text[at]!
  if (mark !== '.' && mark !== '!' && mark !== '?' && mark !== '…') return undefined
  let next = at + 1
  while (next < text.length && /\s/.test(text[next]!)) next++
  if (next === at + 1 || next >= text.length || !upperInitial.test(text.slice(next, next + 2))) return undefined
  if (mark === '.') {
    let wordStart = at
    while (wordStart > 0 && at - wordStart < 12 && /\p{L}/u.test(text[wordStart - 1]!)) wordStart--
    const word = text.slice(wordStart, at)
    if (word.length < 2 || frenchAbbreviations.has(word)) return undefined
  }
  return next
}

/** Positions of a parent from its first and last child (plugins below reshape nodes). */
function spanChildren(node: Sentence | Word): void {
  const first = node.children[0]
  const last = node.children.at(-1)
  if (first?.position && last?.position) node.position = {start: first.position.start, end: last.position.end}
}

/**
 * "3,5" → one word; "11 000" and "1 250 000" (space, U+00A0 or U+202F) → one word whose
 * group separators are symbol nodes, so rules can check the kind of space.
 */
export const mergeFrenchNumbers: Plugin<Sentence> = (sentence) => {
  const children = sentence.children
  // One pass building a new list: splicing a long sentence once per number is quadratic.
  let output: SentenceContent[] | undefined
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    const end = node.type === 'WordNode' ? numberEnd(children, index) : index
    if (end === index) {
      output?.push(node)
      continue
    }
    output ??= children.slice(0, index)
    const word = node as Word
    for (const part of children.slice(index + 1, end + 1)) {
      if (part.type === 'WordNode') word.children.push(...part.children)
      else if (part.type === 'WhiteSpaceNode') word.children.push({type: 'SymbolNode', value: part.value, position: part.position})
      else if (part.type === 'PunctuationNode') word.children.push(part)
    }
    spanChildren(word)
    output.push(word)
    index = end
  }
  if (output) sentence.children = output
}

/** Index of the last token of the number starting at `index` ("3,5", "11 000", "1 250,5"). */
function numberEnd(children: readonly SentenceContent[], index: number): number {
  // Most words do not start with a digit: no need to join their text to know.
  const first = (children[index] as Word).children[0]
  if (first && 'value' in first && first.value !== '' && !isAsciiDigit(first.value.charCodeAt(0))) return index
  const text = toString(children[index]!)
  if (!digitsOnly.test(text)) return index
  let end = index
  if (shortDigitGroup.test(text)) {
    // Digit groups: 1–3 digits, then (space, three digits)+.
    while (
      children[end + 1]?.type === 'WhiteSpaceNode' &&
      groupSpace.test(toString(children[end + 1]!)) &&
      children[end + 2]?.type === 'WordNode' &&
      threeDigits.test(toString(children[end + 2]!))
    ) {
      end += 2
    }
  }
  // Decimal comma: digits "," digits, nothing in between (also after digit groups).
  const comma = children[end + 1]
  const decimals = children[end + 2]
  if (comma?.type === 'PunctuationNode' && comma.value === ',' && decimals?.type === 'WordNode' && digitsOnly.test(toString(decimals))) {
    end += 2
  }
  return end
}

/**
 * Undo parse-latin's merge of a full stop glued between two words when a capital follows
 * ("parlé.Ensuite", "France.Le"): two words and a punctuation node, so the paragraph
 * splitter sees the sentence boundary. Initialisms ("U.S.A.", "J.-C."), domains
 * ("LINFO.re", lower case after the dot) and decimals are left alone.
 */
export const splitGluedFullStops: Plugin<Sentence> = (sentence) => {
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type !== 'WordNode' || node.children.length < 3) continue
    const parts = node.children
    for (let at = 1; at < parts.length - 1; at++) {
      const dot = parts[at]!
      if (dot.type !== 'PunctuationNode' || dot.value !== '.') continue
      const before = parts[at - 1]!
      const after = parts[at + 1]!
      if (before.type !== 'TextNode' || after.type !== 'TextNode') continue
      if (before.value.length < 2 || after.value.length < 2) continue
      if (!upperInitial.test(after.value) || !letterFinal.test(before.value)) continue
      // "www.Example" or "Example.Com"-like domains keep going with more dots; skip them.
      if (parts.slice(at + 2).some((part) => part.type === 'PunctuationNode' && part.value === '.')) continue
      if (parts.slice(0, at - 1).some((part) => part.type === 'PunctuationNode' && part.value === '.')) continue
      const head: Word = {type: 'WordNode', children: parts.slice(0, at)}
      const tail: Word = {type: 'WordNode', children: parts.slice(at + 1)}
      spanChildren(head)
      spanChildren(tail)
      children.splice(index, 1, head, dot, tail)
      break
    }
  }
}

/** Last word of a sentence before its final full stop, if the sentence ends that way. */
function wordBeforeFinalStop(sentence: Sentence): Word | undefined {
  const last = sentence.children.at(-1)
  const before = sentence.children.at(-2)
  if (last?.type === 'PunctuationNode' && last.value === '.' && before?.type === 'WordNode') return before
  return undefined
}

/** First word of a sentence, skipping white space and punctuation. */
function firstWord(sentence: Sentence): string | undefined {
  for (const child of sentence.children) {
    if (child.type === 'WordNode') return toString(child)
    if (child.type === 'SymbolNode') return undefined
  }
  return undefined
}

function mergeSentences(paragraph: Paragraph, index: number): void {
  const current = paragraph.children[index] as Sentence
  const next = paragraph.children[index + 1] as Sentence
  current.children.push(...next.children)
  paragraph.children.splice(index + 1, 1)
  spanChildren(current)
}

/**
 * French abbreviations do not end sentences: "M. Dupont", "av. J.-C.", "p. 12", a single
 * capital initial ("J. Dupont"). "etc." ends a sentence only before a capital. The full stop
 * joins the abbreviation's word node, as in parse-latin.
 */
export const mergeFrenchPrefixExceptions: Plugin<Paragraph> = (paragraph) => {
  const children = paragraph.children
  for (let index = 0; index < children.length - 1; index++) {
    const sentence = children[index]!
    const next = children[index + 1]!
    if (sentence.type !== 'SentenceNode' || next.type !== 'SentenceNode') continue
    const word = wordBeforeFinalStop(sentence)
    if (!word) continue
    const value = toString(word)
    const following = firstWord(next)
    const isAbbreviation =
      frenchAbbreviations.has(value) ||
      (value.length === 1 && upperInitial.test(value)) ||
      (value === 'etc' && following !== undefined && !upperInitial.test(following))
    if (!isAbbreviation) continue
    const stop = sentence.children.pop()!
    word.children.push(stop as Word['children'][number])
    spanChildren(word)
    mergeSentences(paragraph, index)
    index--
  }
}

/**
 * A full stop glued to an abbreviation or an initialism inside a sentence ("J.-C.",
 * "etc." before lower case, "cf.") belongs to that word; a sentence-final one stays a
 * punctuation node (it ends the sentence too).
 */
export const mergeAbbreviationStops: Plugin<Paragraph> = (paragraph) => {
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    const children = sentence.children
    for (let index = 1; index < children.length - 1; index++) {
      const stop = children[index]!
      const word = children[index - 1]!
      if (stop.type !== 'PunctuationNode' || stop.value !== '.' || word.type !== 'WordNode') continue
      const value = toString(word)
      const isAbbreviation =
        frenchAbbreviations.has(value) ||
        value === 'etc' ||
        (value.length === 1 && upperInitial.test(value)) ||
        /^\p{L}(?:\.\p{L}|\.-\p{L})+$/u.test(value)
      if (!isAbbreviation) continue
      word.children.push(stop)
      spanChildren(word)
      children.splice(index, 1)
    }
  }
}

/**
 * A sentence that starts with a closing quote after a terminal mark ("Non ! » et il
 * part.") gives the quote back to the sentence it closes; the rest joins it too when it
 * goes on in lower case or with a comma.
 */
export const attachClosingQuotes: Plugin<Paragraph> = (paragraph) => {
  const children = paragraph.children
  for (let index = 1; index < children.length; index++) {
    const sentence = children[index]!
    const previous = children[index - 1]!
    if (sentence.type !== 'SentenceNode' || previous.type !== 'SentenceNode') continue
    const last = previous.children.at(-1)
    if (!last || last.type !== 'PunctuationNode' || !terminal.test(last.value)) continue
    let at = 0
    while (sentence.children[at]?.type === 'WhiteSpaceNode') at++
    const quote = sentence.children[at]
    if (!quote || quote.type !== 'PunctuationNode' || !closingQuotes.has(quote.value)) continue
    const moved = sentence.children.splice(0, at + 1)
    previous.children.push(...moved)
    spanChildren(previous)
    // Does the rest continue the sentence?
    let probe = 0
    while (sentence.children[probe]?.type === 'WhiteSpaceNode') probe++
    const head = sentence.children[probe]
    const continues =
      sentence.children.length === 0 ||
      (head?.type === 'PunctuationNode' && /^[,;:)\]]/.test(head.value)) ||
      (head?.type === 'WordNode' && lowerInitial.test(toString(head)))
    if (continues) {
      previous.children.push(...sentence.children)
      children.splice(index, 1)
      spanChildren(previous)
      index--
    } else {
      spanChildren(sentence)
    }
  }
}

/**
 * parse-latin's `breakImplicitSentences` (a blank line inside a sentence ends it), called
 * only for a paragraph where it has work: a white space node, neither first nor last of its
 * sentence, holding a line break. It splits every white space node on line breaks to
 * count them, and most paragraphs (a line of plain text) hold none.
 */
const breakWhereBlankLines: Plugin<Paragraph> = (paragraph) => {
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') continue
    const children = child.children
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]!
      // Two line breaks at least: two characters at least.
      if (node.type === 'WhiteSpaceNode' && node.value.length > 1 && (node.value.includes('\n') || node.value.includes('\r'))) {
        breakImplicitSentences!(paragraph)
        return
      }
    }
  }
}

/** parse-latin 7.0.0's sentence plugins, in order (checked at load: the version is pinned). */
const latinSentencePlugins = ParseLatin.prototype.tokenizeSentencePlugins
if (latinSentencePlugins.length !== 6) {
  throw new Error('retext-french: unexpected parse-latin version (sentence plugins changed); pin parse-latin@7.0.0')
}
const [mergeInitialWordSymbol, mergeFinalWordSymbol, /* mergeInnerWordSymbol: mergeInnerWordSymbols */ , mergeInnerWordSlash, mergeInitialisms /* , patchPosition: patchParentPosition */] =
  latinSentencePlugins as Array<Plugin<Sentence>>

/**
 * parse-latin's merges of words and marks, in its order; the three that act on one mark
 * only (`&`, `-`, `/`: a symbol or punctuation node written so) run only when the sentence
 * holds it: each walks every token of the paragraph, and few paragraphs hold these marks.
 * (Merges only take nodes away: a mark absent at first does not appear later.)
 */
/** parse-latin 7.0.0's `wordSymbolInner`: a mark that joins the words around it ("aujourd’hui", "e-mail", "a.b"). */
const wordSymbolInner = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/

/**
 * parse-latin's `mergeInnerWordSymbol` (a word, joining marks, a word… → one word), as a
 * plain loop over the sentence: the same merges, without a callback per token nor joining
 * the text of each mark (`toString`).
 */
function mergeInnerWordSymbols(sentence: Sentence): void {
  const siblings = sentence.children
  for (let index = 1; index < siblings.length; index++) {
    const child = siblings[index]!
    if (child.type !== 'SymbolNode' && child.type !== 'PunctuationNode') continue
    const previous = siblings[index - 1]!
    if (previous.type !== 'WordNode') continue
    // The run first (joining marks, then a word: most marks, "," or a final ".", have none),
    // and arrays only for a merge.
    let lastWord = -1
    for (let position = index; position < siblings.length; position++) {
      const sibling = siblings[position]!
      if (sibling.type === 'WordNode') lastWord = position
      else if (!((sibling.type === 'SymbolNode' || sibling.type === 'PunctuationNode') && wordSymbolInner.test(sibling.value))) break
    }
    if (lastWord < 0) continue
    const merged = siblings.splice(index, lastWord + 1 - index)
    for (const sibling of merged) {
      if (sibling.type === 'WordNode') previous.children.push(...sibling.children)
      else previous.children.push(sibling as Word['children'][number])
    }
    const last = previous.children.at(-1)!
    if (previous.position && last.position) previous.position.end = last.position.end
    // parse-latin looks at the same index again (what follows the merged word).
    index--
  }
}

const mergeWordsAndMarks: Plugin<Sentence> = (sentence) => {
  let ampersand = false
  let hyphen = false
  let slash = false
  for (const child of sentence.children) {
    if (child.type !== 'SymbolNode' && child.type !== 'PunctuationNode') continue
    const value = child.value
    if (value === '&') ampersand = true
    else if (value === '-') hyphen = true
    else if (value === '/') slash = true
  }
  if (ampersand) mergeInitialWordSymbol!(sentence)
  if (hyphen) mergeFinalWordSymbol!(sentence)
  mergeInnerWordSymbols(sentence)
  if (slash) mergeInnerWordSlash!(sentence)
  if (mayHoldInitialism(sentence)) mergeInitialisms!(sentence)
}

/**
 * Whether parse-latin's `mergeInitialisms` can act: it joins a full stop to the word before
 * it only when that word has an odd number of parts, three at least ("U.S" + "."). A merge
 * leaves that word with an even number, so it never makes another full stop eligible.
 */
function mayHoldInitialism(sentence: Sentence): boolean {
  const children = sentence.children
  for (let index = 1; index < children.length; index++) {
    const child = children[index]!
    if (child.type !== 'PunctuationNode' || child.value !== '.') continue
    const previous = children[index - 1]!
    if (previous.type === 'WordNode' && previous.children.length > 1 && previous.children.length % 2 !== 0) return true
  }
  return false
}

/**
 * parse-latin's `patchPosition` (a parent's missing start or end from its first or last
 * child) without its visit of every child: only the first and the last can act.
 */
function patchParentPosition(node: Sentence | Paragraph): void {
  const children = node.children
  if (children.length === 0) return
  const first = children[0]!
  if (first.position && (!node.position || !node.position.start)) {
    node.position ??= {} as Position
    node.position.start = first.position.start
  }
  const last = children[children.length - 1]!
  if (last.position && (!node.position || !node.position.end)) {
    node.position ??= {} as Position
    node.position.end = last.position.end
  }
}

ParseFrench.prototype.tokenizeSentencePlugins = [
  mergeWordsAndMarks,
  mergeFrenchNumbers,
  splitGluedFullStops,
  patchParentPosition,
]

ParseFrench.prototype.tokenizeParagraphPlugins = [
  mergeNonWordSentences!,
  mergeAffixSymbol!,
  attachClosingQuotes,
  mergeInitialLowerCaseLetterSentences!,
  mergeInitialDigitSentences!,
  mergeFrenchPrefixExceptions,
  mergeAbbreviationStops,
  mergeAffixExceptions!,
  makeInitialWhiteSpaceSiblings!,
  makeFinalWhiteSpaceSiblings!,
  breakWhereBlankLines,
  removeEmptyNodes!,
  patchParentPosition,
]
