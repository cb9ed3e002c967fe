/**
 * Helpers shared by the typography rules (french-spacing, number-format, ordinals,
 * apostrophe, ellipsis, dash, accented-capitals, headline-case, honorifics): which tokens
 * sit in an address or a path (never touched), where sentences start, and the spaces of
 * French typography.
 */
import {perIndex, type DocumentIndex, type Token} from '../parse/document.js'
import {isAddressLike, touchingRuns} from './runs.js'

export const noBreakSpace = '\u00A0'
export const narrowNoBreakSpace = '\u202F'

/** The no-break space a house asks for: U+00A0, U+202F (narrow), or either. */
export type SpaceChoice = 'nbsp' | 'nnbsp' | 'any'

export function isSpaceChoice(value: unknown): value is SpaceChoice {
  return value === 'nbsp' || value === 'nnbsp' || value === 'any'
}

/** Options objects as users write them: anything that is not an object reads as `{}`. */
export function optionsObject(options: unknown): Record<string, unknown> {
  return typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : {}
}

const addressKey = Symbol('address tokens')
/** "110km/h", "24h/24", "3 m/s": a slash between a number's unit parts, not a path. */
const unitFraction = /^\(?[+-]?\d[\d.,]*\s?[\p{L}°²³]*\/[\p{L}\d]{1,5}[.,;:!?)»"]*$/u

/**
 * For each token, 1 when it belongs to a run of touching tokens that holds an address, a
 * path, a handle or a query string ("https://exemple.fr/a?b=c", "LINFO.re", "@AFP"):
 * typography does not apply there. Computed once per document.
 */
export function addressTokens(index: DocumentIndex): Uint8Array {
  return perIndex(index, addressKey, findAddressTokens)
}

function findAddressTokens(index: DocumentIndex): Uint8Array {
  const marks = new Uint8Array(index.tokens.length)
  // 2: a token that is a run by itself and no address (most words), not tested again below.
  for (const run of touchingRuns(index)) {
    const address = isAddressLike(run.text)
    if (address && !unitFraction.test(run.text)) marks.fill(1, run.firstToken, run.endToken)
    else if (!address && run.endToken - run.firstToken === 1) marks[run.firstToken] = 2
  }
  // Runs that touch markup are not returned by touchingRuns: look at those words alone.
  const tokens = index.tokens
  for (let at = 0; at < tokens.length; at++) {
    if (marks[at] === 2) marks[at] = 0
    else if (marks[at] === 0 && tokens[at]!.kind === 'word' && isAddressLike(tokens[at]!.value)) marks[at] = 1
  }
  return marks
}

/** The token before `at` when it touches it (no white space, same block), else undefined. */
export function touchingBefore(index: DocumentIndex, at: number): Token | undefined {
  const token = index.tokens[at]!
  const before = index.tokens[at - 1]
  return before && before.block === token.block && before.end === token.start && before.kind !== 'whitespace' ? before : undefined
}

/** The token after `at` when it touches it (no white space, same block), else undefined. */
export function touchingAfter(index: DocumentIndex, at: number): Token | undefined {
  const token = index.tokens[at]!
  const after = index.tokens[at + 1]
  return after && after.block === token.block && after.start === token.end && after.kind !== 'whitespace' ? after : undefined
}

/** Whether a white-space token stays on one line (a line break is never a typography matter). */
export function isInlineSpace(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === 'whitespace' && (token.value === ' ' || !lineBreak.test(token.value))
}

const lineBreak = /[\n\r]/

/** Opening marks that may stand before the first word of a sentence. */
const openers = new Set(['«', '‹', '"', '“', '‘', '(', '[', '—', '–', '-', "'", '>', '•', '*'])

/**
 * Whether the word at `at` is the first word of its sentence or of its block, opening
 * quotation marks and brackets aside ("« À demain »", "(À noter)").
 */
export function isSentenceStart(index: DocumentIndex, at: number): boolean {
  const token = index.tokens[at]!
  const sentence = index.sentences[token.sentence]
  const block = index.blocks[token.block]!
  const first = sentence ? Math.max(sentence.firstToken, block.firstToken) : block.firstToken
  for (let position = at - 1; position >= first; position--) {
    const before = index.tokens[position]!
    if (before.kind === 'whitespace') continue
    if ((before.kind === 'punctuation' || before.kind === 'symbol') && openers.has(before.value)) continue
    return false
  }
  return true
}

/** Whether the source under a token is exactly its prose (no escape, no entity). */
export function isVerbatim(index: DocumentIndex, token: Token): boolean {
  return token.end - token.start === token.value.length && index.source.slice(token.start, token.end) === token.value
}

const capitalInitial = /^\p{Lu}/u
const hasLowerLetter = /\p{Ll}/u
const hasLetter = /\p{L}/u

export function isCapitalised(word: string): boolean {
  return capitalInitial.test(word) && hasLowerLetter.test(word)
}

/** A word written in capitals only ("ETATS-UNIS", "AFP"). */
export function isAllCaps(word: string): boolean {
  return hasLetter.test(word) && !hasLowerLetter.test(word)
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
