/**
 * The quote structure of a document: which marks open and close which quotation, read once
 * per document and cached, for the `quotes` rule and for every rule that wants to know
 * whether a word stands inside a quotation (a style rule may stay silent in quoted speech,
 * a typography rule does not).
 *
 *     import {quotationSpans, quotationAt} from '../src/parse/quotation.js'
 *     for (const span of quotationSpans(index)) … // {start, end, openMark, closeMark, depth, …}
 *     if (quotationAt(index, token.start)) …      // innermost quotation around an offset
 *
 * Spans are per block: a quotation continued over paragraphs is one span per paragraph.
 *
 * How marks are read, per block (paragraph, heading, list item; in plain text each line),
 * with one stack over « » ‹ › “ ” ‘ ’ and the straight ":
 * - a mark's direction comes from its shape (« opens, » closes) unless its neighbours say
 *   clearly otherwise: glued to the word before and followed by a space, punctuation or the
 *   end of the block, it closes ("Victoire« ." closes the « opened earlier); after a space
 *   and glued to the next word, it opens. Such a mark is recorded as misdirected;
 * - a straight " has no shape: the block's straight quotes are read together, as the
 *   reading that leaves fewest marks unpaired without ever reading a mark against its
 *   neighbours (see `pairStraightQuotes`); a mark the neighbours leave open (spaces or words
 *   on both sides) closes an open straight quote, else opens one; a closing straight quote
 *   with no straight quote open ends a quotation of another kind («non merci");
 * - ’ is an apostrophe ("l’accord", "’90s", "rock’n’roll") unless a ‘ is open and it is not
 *   glued to a following word; ‘ before a digit or between two letters is a misplaced
 *   apostrophe, not a quote; " after a digit is inches ("6"", "5'11"") unless a straight
 *   quote is open;
 * - a closer of another kind than the innermost open quotation closes the nearest open
 *   quotation of its kind (the openers above it were never closed); when none is open, it
 *   closes the innermost quotation anyway, recorded as a mismatch («…”);
 * - a quotation may run over several paragraphs when each continued paragraph reopens with
 *   the same mark (or with », the old "guillemet de suite"): the paragraph left open is not
 *   an error; its span runs to the end of its block.
 * Source tokens (inline code, markup) are not prose and never hold a quote. A token of
 * repeated marks (`""` where a quotation ends and the next begins) is read mark by mark.
 */
import {perIndex, type BlockKind, type DocumentIndex, type TokenKind} from './document.js'

export type QuoteFamily = 'guillemet' | 'single-guillemet' | 'english' | 'english-single' | 'straight'

/** One quote mark as read in the prose. */
export interface QuoteMark {
  /** The mark (prose value: `"` for `&quot;`). */
  readonly value: string
  /** Source offsets of the mark. */
  readonly start: number
  readonly end: number
  /** Index of the token holding it in `DocumentIndex.tokens`. */
  readonly token: number
  /** A space, or the edge of the block, before / after the mark. */
  readonly spaceBefore: boolean
  readonly spaceAfter: boolean
  /** A word glued to the mark before / after it ("sacrée“Elle"). */
  readonly wordBefore: boolean
  readonly wordAfter: boolean
  /**
   * What the neighbours alone say: it opens (after a space, glued to the next word: " «se",
   * " \"Le"), it closes (glued to the word before, then a space, punctuation or the end:
   * "dit\" ", "Victoire« ."), or nothing either way (" « ", "mot\"mot").
   */
  readonly evidence: 'open' | 'close' | 'none'
}

export interface QuotationSpan {
  /** Source offset of the opening mark. */
  readonly start: number
  /** Source offset after the closing mark; the end of the block when the quotation is not closed in it. */
  readonly end: number
  /** Offsets of the quoted text, between the marks: [openEnd, closeStart). */
  readonly openEnd: number
  readonly closeStart: number
  /** The opening mark as written. */
  readonly openMark: string
  /** The closing mark as written; `''` when the quotation runs to the end of its block. */
  readonly closeMark: string
  /** 0 for a quotation in running text, 1 for a quotation inside a quotation, … */
  readonly depth: number
  /** Index of the enclosing span in the `quotationSpans` array, -1 at depth 0. */
  readonly parent: number
  /** Index of the block in `DocumentIndex.blocks`. */
  readonly block: number
  /** Kind of the opening mark. */
  readonly family: QuoteFamily
  readonly open: QuoteMark
  readonly close: QuoteMark | undefined
}

/** A defect of the quote structure; the `quotes` rule words and fixes it. */
export type QuoteProblem =
  /** An opening mark never closed in its paragraph (and not continued in the next one). */
  | {readonly kind: 'unclosed'; readonly mark: QuoteMark}
  /** A closing mark with no quotation open. */
  | {readonly kind: 'unopened'; readonly mark: QuoteMark}
  /** A mark used the other way round ("Victoire« ." closes); `role` is what it does here. */
  | {readonly kind: 'misdirected'; readonly mark: QuoteMark; readonly role: 'open' | 'close'; readonly span: number}
  /** A straight quote typed twice (` ""Nous`): the unpaired half. */
  | {readonly kind: 'doubled'; readonly mark: QuoteMark}
  /** A quotation opened and closed by marks of different kinds («…”). */
  | {readonly kind: 'mismatch'; readonly mark: QuoteMark; readonly span: number}
  /** A mark glued to a word on the side where a space belongs ("sacrée“Elle", ".”sagesse"). */
  | {readonly kind: 'glued'; readonly mark: QuoteMark; readonly role: 'open' | 'close'; readonly span: number}
  /**
   * A closing mark in a paragraph that follows one left open: the quotation continues but
   * the paragraph does not reopen it. `mark` is the closer, `opener` the mark left open.
   */
  | {readonly kind: 'continuation'; readonly mark: QuoteMark; readonly opener: QuoteMark}

export interface QuoteStructure {
  /** Every quotation, sorted by start (an enclosing span comes before the spans it holds). */
  readonly spans: readonly QuotationSpan[]
  /** Defects in source order of their mark (a mismatch is placed on its closer). */
  readonly problems: readonly QuoteProblem[]
}

export interface MarkInfo {
  readonly family: QuoteFamily
  readonly nominal: 'open' | 'close' | 'either'
  /** The mark of the same kind pointing the other way. */
  readonly counterpart: string
}

const markInfo: ReadonlyMap<string, MarkInfo> = new Map([
  ['«', {family: 'guillemet', nominal: 'open', counterpart: '»'}],
  ['»', {family: 'guillemet', nominal: 'close', counterpart: '«'}],
  ['‹', {family: 'single-guillemet', nominal: 'open', counterpart: '›'}],
  ['›', {family: 'single-guillemet', nominal: 'close', counterpart: '‹'}],
  ['“', {family: 'english', nominal: 'open', counterpart: '”'}],
  ['”', {family: 'english', nominal: 'close', counterpart: '“'}],
  ['‘', {family: 'english-single', nominal: 'open', counterpart: '’'}],
  ['’', {family: 'english-single', nominal: 'close', counterpart: '‘'}],
  ['"', {family: 'straight', nominal: 'either', counterpart: '"'}],
])

/** The mark's kind, or undefined for any other text. */
export function quoteMarkInfo(mark: string): MarkInfo | undefined {
  return markInfo.get(mark)
}

/** Opening and closing marks of each kind. */
export const familyMarks: Readonly<Record<QuoteFamily, readonly [string, string]>> = {
  guillemet: ['«', '»'],
  'single-guillemet': ['‹', '›'],
  english: ['“', '”'],
  'english-single': ['‘', '’'],
  straight: ['"', '"'],
}

/** What stands on one side of a mark, in prose order (markup between tokens is ignored). */
type Side =
  | 'edge' // start or end of the block
  | 'space'
  | 'word' // a word or inline code
  | 'opening' // ( [ { dashes, slash, an opening quote, an elided word's apostrophe
  | 'closing' // . , ; : ! ? ) ] } or a closing quote
  | 'other' // other symbols; an ellipsis after the mark

const openingPunctuation = /^[([{—–\-/«“‘‹]/
const closingPunctuation = /^[.,;:!?)\]}»”’›…]/
/** Elided words whose apostrophe may stand before a quote mark: l’« accord », qu’"il". */
const elidedWord = /^(?:[ldjmntscç]|qu|jusqu|lorsqu|puisqu|quoiqu|quelqu)$/i

const structureKey = Symbol('quote structure')

/** The quote structure of the document, computed on first use and kept on the index. */
export function quoteStructure(index: DocumentIndex): QuoteStructure {
  return perIndex(index, structureKey, readQuoteStructure)
}

/**
 * Every quotation of the document: `{start, end, openMark, closeMark, depth}` (plus the
 * quoted text's bounds, the parent span, block, marks and kind), sorted by start. Computed
 * once per document index and cached. Misdirected and mismatched marks still make a
 * quotation (the reading a reader would make); a closing mark that pairs with nothing makes
 * none; a mark read as an opener and left open makes a quotation that runs to the end of
 * its block.
 */
export function quotationSpans(index: DocumentIndex): readonly QuotationSpan[] {
  return quoteStructure(index).spans
}

/** The innermost quotation holding the source offset (its marks included), if any. */
export function quotationAt(index: DocumentIndex, offset: number): QuotationSpan | undefined {
  const spans = quotationSpans(index)
  // Last span starting at or before the offset, then up its parents until one holds it.
  let low = 0
  let high = spans.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (spans[middle]!.start <= offset) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  while (found !== -1) {
    const span = spans[found]!
    if (offset < span.end) return span
    found = span.parent
  }
  return undefined
}

/** A token of the block, or one mark of a token of repeated marks (`""` is two units). */
interface Unit {
  readonly kind: TokenKind
  readonly value: string
  readonly start: number
  readonly end: number
}

/** A quote mark of a block with what its neighbours say about it. */
interface Candidate {
  readonly unit: number
  readonly mark: QuoteMark
  readonly info: MarkInfo
  readonly before: Side
  readonly after: Side
  readonly evidence: QuoteMark['evidence']
  /** Glued after a number ("6\""): inches when no straight quote is open. */
  readonly afterDigit: boolean
}

interface OpenQuote {
  readonly candidate: Candidate
  readonly family: QuoteFamily
  /** Opened by a closing-shaped mark ("»Bonjour»"): only a misdirection if something closes it. */
  readonly misdirected: boolean
  readonly span: number
}

type Mutable<T> = {-readonly [K in keyof T]: T[K]}

function readQuoteStructure(index: DocumentIndex): QuoteStructure {
  const {tokens} = index
  const spans: Array<Mutable<QuotationSpan>> = []
  const problems: QuoteProblem[] = []
  /** Quotations left open by the previous block, outermost first. */
  let carried: OpenQuote[] = []

  for (let blockIndex = 0; blockIndex < index.blocks.length; blockIndex++) {
    const block = index.blocks[blockIndex]!
    // Most blocks hold no quote mark: with nothing carried from the previous one, they add nothing.
    if (carried.length === 0 && !holdsQuoteMark(tokens, block.firstToken, block.endToken)) continue
    const tokenOf: number[] = []
    const units = blockUnits(index, block.firstToken, block.endToken, tokenOf)
    const stack: OpenQuote[] = []
    const candidates = collectCandidates(units, tokenOf)

    // A paragraph that follows one left open and starts with the same opening mark (or », the
    // guillemet de suite) continues the quotation: the paragraph left open is not in error.
    let continuation: OpenQuote | undefined = continues(block.kind) ? carried[0] : undefined
    let reopening: Candidate | undefined
    if (continuation && candidates[0] && candidates[0].unit === nextNonSpace(units, 0) && reopens(candidates[0].mark.value, continuation.candidate.mark.value)) {
      reopening = candidates.shift()!
      carried = carried.slice(1)
      continuation = undefined
      stack.push({candidate: reopening, family: reopening.info.family, misdirected: false, span: openSpan(reopening, -1)})
    }
    for (const open of carried) if (open !== continuation) problems.push({kind: 'unclosed', mark: open.candidate.mark})
    carried = []

    const straightRoles = pairStraightQuotes(
      candidates.filter((candidate) => candidate.info.family === 'straight'),
      reopening?.info.family === 'straight' ? 1 : 0,
    )
    let straight = 0

    for (const candidate of candidates) {
      const {mark, info, before, after, evidence} = candidate
      if (info.family === 'straight') {
        const role = straightRoles[straight++]!
        if (role === 'open') open(candidate, 'straight', false)
        else if (role === 'close') close(candidate, 'straight')
        else if (doubled(candidate)) problems.push({kind: 'doubled', mark})
        // «non merci" : a closing straight quote ends the quotation open of another kind (a mismatch).
        else if (evidence === 'close' && stack.length > 0 && !isOpen('straight') && !candidate.afterDigit) close(candidate, 'straight')
        else if (!(candidate.afterDigit && evidence !== 'open')) problems.push({kind: evidence === 'close' ? 'unopened' : 'unclosed', mark})
        continue
      }
      if (mark.value === '’') {
        // An apostrophe unless it ends a quotation opened by ‘ and is not glued to a word after it.
        if (isOpen('english-single') && after !== 'word' && after !== 'opening') close(candidate, 'english-single')
        continue
      }
      // "‘90", "l‘accord": a misplaced apostrophe, not a quote.
      if (mark.value === '‘' && after === 'word' && (/^\d/.test(units[candidate.unit + 1]!.value) || before === 'word')) continue
      if (info.nominal === 'open') {
        // "l’environnement «, a dit": closes the quotation open inside, when it is of its kind (a
        // mark between them would make the pairing a guess: left unpaired for the repairs).
        if (evidence === 'close' && stack.at(-1)?.family === info.family) close(candidate, info.family, true)
        else open(candidate, info.family, false)
      } else if (evidence === 'open' && !isOpen(info.family)) open(candidate, info.family, true)
      else close(candidate, info.family)
    }

    if (continuation) problems.push({kind: 'unclosed', mark: continuation.candidate.mark})
    // Left open: the quotation runs to the end of the block; carried to the next block, where
    // it is reported unless that block continues it.
    for (const open of stack) {
      if (open.misdirected) problems.push({kind: 'unopened', mark: open.candidate.mark})
      else if (continues(block.kind)) carried.push(open)
      else problems.push({kind: 'unclosed', mark: open.candidate.mark})
    }

    /** An unpaired straight quote glued to a paired one: the same mark typed twice. */
    function doubled(candidate: Candidate): boolean {
      return [units[candidate.unit - 1], units[candidate.unit + 1]].some(
        (unit) => unit !== undefined && unit.value === '"' && (unit.end === candidate.mark.start || unit.start === candidate.mark.end),
      )
    }

    function isOpen(family: QuoteFamily): boolean {
      return stack.some((open) => open.family === family)
    }

    function openSpan(candidate: Candidate, parent: number): number {
      const {mark, info} = candidate
      spans.push({
        start: mark.start,
        end: block.end,
        openEnd: mark.end,
        closeStart: block.end,
        openMark: mark.value,
        closeMark: '',
        depth: parent === -1 ? 0 : spans[parent]!.depth + 1,
        parent,
        block: blockIndex,
        family: info.family,
        open: mark,
        close: undefined,
      })
      return spans.length - 1
    }

    function open(candidate: Candidate, family: QuoteFamily, misdirected: boolean): void {
      const span = openSpan(candidate, stack.at(-1)?.span ?? -1)
      stack.push({candidate, family, misdirected, span})
      if (!misdirected && candidate.mark.wordBefore) problems.push({kind: 'glued', mark: candidate.mark, role: 'open', span})
    }

    function close(candidate: Candidate, family: QuoteFamily, misdirected = false): void {
      const {mark} = candidate
      if (stack.length === 0) {
        // A closer after a paragraph left open that did not reopen it: one problem, not two.
        if (continuation && continuation.family === family) {
          problems.push({kind: 'continuation', mark, opener: continuation.candidate.mark})
          continuation = undefined
        } else problems.push({kind: 'unopened', mark})
        return
      }
      let target = stack.length - 1
      while (target >= 0 && stack[target]!.family !== family) target--
      if (target === -1) target = stack.length - 1
      // Openers above the one this mark closes were never closed.
      for (const skipped of stack.splice(target + 1)) {
        spans[skipped.span]!.end = spans[skipped.span]!.closeStart = mark.start
        problems.push({kind: skipped.misdirected ? 'unopened' : 'unclosed', mark: skipped.candidate.mark})
      }
      const opener = stack.pop()!
      const span = spans[opener.span]!
      span.end = mark.end
      span.closeStart = mark.start
      span.closeMark = mark.value
      span.close = mark
      if (opener.misdirected) problems.push({kind: 'misdirected', mark: opener.candidate.mark, role: 'open', span: opener.span})
      if (misdirected) problems.push({kind: 'misdirected', mark, role: 'close', span: opener.span})
      if (opener.family !== family) problems.push({kind: 'mismatch', mark, span: opener.span})
      else if (!misdirected && mark.wordAfter) problems.push({kind: 'glued', mark, role: 'close', span: opener.span})
    }
  }
  for (const open of carried) problems.push({kind: 'unclosed', mark: open.candidate.mark})

  problems.sort((a, b) => a.mark.start - b.mark.start)
  // Spans are pushed when their opening mark is read: already in source order.
  return {spans, problems}
}

/**
 * The block's quote marks with what their neighbours say. Apart from `readQuoteStructure`
 * (not a closure made per block), so that V8 optimises its loop over blocks once: a rarely
 * taken branch here reoptimises this function only.
 */
function collectCandidates(units: readonly Unit[], tokenOf: readonly number[]): Candidate[] {
  const found: Candidate[] = []
  for (let at = 0; at < units.length; at++) {
    const unit = units[at]!
    if (unit.kind !== 'punctuation' && unit.kind !== 'symbol') continue
    const info = markInfo.get(unit.value)
    if (!info) continue
    const previous = units[at - 1]
    const afterDigit = info.family === 'straight' && previous?.kind === 'word' && previous.end === unit.start && /\d$/.test(previous.value)
    // 5'11": feet and inches, never a quote.
    if (afterDigit && /\d['’]\d+$/.test(previous.value)) continue
    const before = side(units, at - 1, -1)
    const after = side(units, at + 1, 1)
    const afterNext = after === 'space' ? side(units, nextNonSpace(units, at + 1), 1) : after
    const opens = (before === 'edge' || before === 'space' || before === 'opening') && (after === 'word' || after === 'opening' || after === 'other')
    const closes =
      ((before === 'word' || before === 'closing' || before === 'other') && (after === 'space' || after === 'edge' || after === 'closing')) ||
      ((before === 'space' || before === 'edge') && (after === 'closing' || (after === 'space' && (afterNext === 'closing' || afterNext === 'edge'))))
    // "électriques.« Je considère": an opening mark glued to a full stop, then a space, reads
    // as well a quotation opened after a space lost between two sentences as one closed
    // before the space: its shape decides.
    const gluedAfterStop = info.nominal === 'open' && before === 'closing' && after === 'space'
    const evidence = opens ? 'open' : closes && !gluedAfterStop ? 'close' : 'none'
    const mark: QuoteMark = {
      value: unit.value,
      start: unit.start,
      end: unit.end,
      token: tokenOf[at]!,
      spaceBefore: before === 'space' || before === 'edge',
      spaceAfter: after === 'space' || after === 'edge',
      wordBefore: before === 'word' && previous!.end === unit.start,
      wordAfter: after === 'word' && units[at + 1]!.start === unit.end,
      evidence,
    }
    found.push({unit: at, mark, info, before, after, evidence, afterDigit})
  }
  mergeDoubledStraightQuotes(found)
  return found
}

/** What stands at unit `at` of a block, before a mark (`direction` -1) or after it (1). */
function side(units: readonly Unit[], at: number, direction: -1 | 1): Side {
  const unit = units[at]
  if (!unit) return 'edge'
  switch (unit.kind) {
    case 'whitespace':
      return 'space'
    case 'word':
    case 'source':
      return 'word'
    default: {
      const value = unit.value
      if (value === '"') return direction === -1 ? 'closing' : 'opening'
      if (value === '’' || value === "'") {
        // After an elided word, an apostrophe opens what follows: l’« accord », l'"acte".
        const word = units[at - 1]
        const elided = word !== undefined && word.kind === 'word' && word.end === unit.start && elidedWord.test(word.value)
        return elided ? 'opening' : 'closing'
      }
      // An ellipsis may start a quotation ("« … et puis »") and end one ("… »").
      if (direction === 1 && (value.startsWith('…') || value.startsWith('...'))) return 'other'
      if (openingPunctuation.test(value)) return 'opening'
      if (closingPunctuation.test(value)) return 'closing'
      return 'other'
    }
  }
}

/** The first unit at or after `at` that is not white space (`units.length` if none). */
function nextNonSpace(units: readonly Unit[], at: number): number {
  while (at < units.length && units[at]!.kind === 'whitespace') at++
  return at
}

/**
 * A doubled straight quote (` ""Nous`, `dit"" `) is one mark typed twice, not an empty
 * quotation: both halves take the evidence of the outer one. Apart from
 * `collectCandidates`, as the doubled quote is rare. The copies are written out, their
 * properties in the same order as the spreads would give, so that they share the shape of
 * the other candidates (a spread gives another: pairStraightQuotes reoptimised on it).
 */
function mergeDoubledStraightQuotes(found: Candidate[]): void {
  for (let at = 1; at < found.length; at++) {
    const left = found[at - 1]!
    const right = found[at]!
    if (left.info.family !== 'straight' || right.info.family !== 'straight' || right.unit !== left.unit + 1) continue
    if (left.evidence === 'open') found[at] = withEvidence(right, 'open')
    else if (right.evidence === 'close') found[at - 1] = withEvidence(left, 'close')
  }
}

/** The candidate with its evidence (and its mark's) replaced. */
function withEvidence(candidate: Candidate, evidence: QuoteMark['evidence']): Candidate {
  const {mark} = candidate
  return {
    unit: candidate.unit,
    mark: {
      value: mark.value,
      start: mark.start,
      end: mark.end,
      token: mark.token,
      spaceBefore: mark.spaceBefore,
      spaceAfter: mark.spaceAfter,
      wordBefore: mark.wordBefore,
      wordAfter: mark.wordAfter,
      evidence,
    },
    info: candidate.info,
    before: candidate.before,
    after: candidate.after,
    evidence,
    afterDigit: candidate.afterDigit,
  }
}

/**
 * Whether tokens [first, end) hold a quote mark (alone or repeated: `""`) other than ’,
 * which only closes a quotation opened by ‘ (French prose writes ’ in every elision).
 */
function holdsQuoteMark(tokens: DocumentIndex['tokens'], first: number, end: number): boolean {
  for (let at = first; at < end; at++) {
    const token = tokens[at]!
    if ((token.kind === 'punctuation' || token.kind === 'symbol') && token.value[0] !== '’' && markInfo.has(token.value[0]!)) return true
  }
  return false
}

/**
 * The block's tokens, with tokens of repeated quote marks (`""`, `»»`) split mark by mark;
 * `tokenOf[unit]` is the index of the token holding each unit.
 */
function blockUnits(index: DocumentIndex, first: number, end: number, tokenOf: number[]): Unit[] {
  const {tokens} = index
  const units: Unit[] = []
  for (let at = first; at < end; at++) {
    const token = tokens[at]!
    const {kind, value} = token
    if (value.length > 1 && (kind === 'punctuation' || kind === 'symbol') && splitRepeatedMarks(index.source, token, at, units, tokenOf)) continue
    units.push(token)
    tokenOf.push(at)
  }
  return units
}

/**
 * Pushes the marks of a token of repeated quote marks (token `at`) one by one, if it is
 * one; false for any other token. Apart from `blockUnits`, as such tokens are rare.
 */
function splitRepeatedMarks(source: string, token: Unit, at: number, units: Unit[], tokenOf: number[]): boolean {
  const {kind, value, start} = token
  if (!markInfo.has(value[0]!) || value !== value[0]!.repeat(value.length)) return false
  // Each mark's share of the source: one character, or one entity (`&quot;&quot;`).
  const written = source.slice(start, token.end)
  const width = written.length / value.length
  if (!Number.isInteger(width) || written !== written.slice(0, width).repeat(value.length)) return false
  for (let piece = 0; piece < value.length; piece++) {
    units.push({kind, value: value[0]!, start: start + piece * width, end: start + (piece + 1) * width})
    tokenOf.push(at)
  }
  return true
}

// Costs of reading a straight quote one way or another (see pairStraightQuotes).
const leftUnpaired = 2
const nestedStraight = 1
const inches = 0.5
const deepestStraight = 2

/** What a straight quote does in a reading of its block (see pairStraightQuotes). */
type StraightRole = 'open' | 'close' | 'skip'

/**
 * Keeps reading the mark as `role` from depth `from` when it reaches `depth` cheaper than
 * the readings kept so far. Apart from `pairStraightQuotes` (not a closure made per mark),
 * so that V8 optimises its loop over marks once.
 */
function considerRole(next: number[], choice: Array<{from: number; role: StraightRole}>, depth: number, value: number, from: number, role: StraightRole): void {
  if (value < next[depth]!) {
    next[depth] = value
    choice[depth] = {from, role}
  }
}

/**
 * Roles of a block's straight quotes, which have no direction of their own: the cheapest
 * reading of the whole sequence (Viterbi over the number of straight quotes open, 0 to 2).
 * `openAtStart` is 1 when the block continues a straight quotation of the previous one.
 * A mark is never read against its neighbours (a closer-shaped " does not open: pairing it
 * would hide the defect and let a fix rewrite the wrong text); a mark left unpaired costs,
 * a straight quote inside a straight quote costs less (rare, but "il a dit "non" hier"
 * exists), a number's inches cost little. So one missing mark is blamed on the quote that
 * lacks its pair, not on whichever mark comes last ("un "minimum. "Nous" … "Notre"…" blames "un).
 */
function pairStraightQuotes(marks: readonly Candidate[], openAtStart: number): Array<'open' | 'close' | 'skip'> {
  if (marks.length === 0) return []
  const states = deepestStraight + 1
  // Plain loops: Array.from with a callback is the costliest part of a block's pairing.
  let cost: number[] = []
  for (let depth = 0; depth < states; depth++) cost.push(depth === openAtStart ? 0 : Infinity)
  const back: Array<Array<{from: number; role: StraightRole}>> = []
  for (const mark of marks) {
    const next: number[] = []
    const choice: Array<{from: number; role: StraightRole}> = []
    for (let depth = 0; depth < states; depth++) {
      next.push(Infinity)
      choice.push({from: 0, role: 'skip'})
    }
    for (let depth = 0; depth < states; depth++) {
      const here = cost[depth]!
      if (here === Infinity) continue
      // Closing first: with equal costs, an ambiguous mark closes the open quotation.
      if (depth > 0 && mark.evidence !== 'open') considerRole(next, choice, depth - 1, here, depth, 'close')
      if (depth < deepestStraight && mark.evidence !== 'close') considerRole(next, choice, depth + 1, here + (depth > 0 ? nestedStraight : 0), depth, 'open')
      considerRole(next, choice, depth, here + (mark.afterDigit && mark.evidence !== 'open' ? inches : leftUnpaired), depth, 'skip')
    }
    cost = next
    back.push(choice)
  }
  // Quotations left open at the end of the block cost as much as unpaired marks.
  let depth = 0
  for (let candidate = 1; candidate < states; candidate++) {
    if (cost[candidate]! + candidate * leftUnpaired < cost[depth]! + depth * leftUnpaired) depth = candidate
  }
  const roles: StraightRole[] = new Array<StraightRole>(marks.length)
  for (let at = marks.length - 1; at >= 0; at--) {
    const {from, role} = back[at]![depth]!
    roles[at] = role
    depth = from
  }
  return roles
}

/** Blocks that a quotation may run through (not headings). */
function continues(kind: BlockKind): boolean {
  return kind === 'paragraph' || kind === 'blockquote' || kind === 'list-item'
}

/** Whether a paragraph starting with `mark` continues a quotation opened by `opener`. */
function reopens(mark: string, opener: string): boolean {
  return mark === opener || (opener === '«' && mark === '»')
}
