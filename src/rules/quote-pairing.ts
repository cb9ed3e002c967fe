/**
 * How the double quote marks of a paragraph pair up when the written shapes do not: the
 * cheapest reading of the whole paragraph, for the `quotes` rule's repairs ("une livrée
 * « Rouge Vif « et" — the second « closes; "« Tuer n’est pas jouer “, et dans “ No Time
 * to Die »" — the first “ closes the «, the second opens the »).
 *
 * Each mark is read as an opener or a closer; a quotation may also lose its closing mark
 * (a "dropped" closer: the quotation ends somewhere unknown). A reading costs:
 * - a mark read against its shape (« read as a closer): much, unless its neighbours say so
 *   ("Victoire« ." closes), and even more when its neighbours say the opposite;
 * - a closing mark of another kind than the quotation it closes («…”): a little;
 * - a quotation opened inside another: a little, more when both are of the same kind;
 * - a quotation whose closing mark is missing, or a closer with nothing open: a fixed cost;
 * - the words around a mark read against it: a closer right after "de", "la", "dans"… or an
 *   opener right before "et", "qui", "a"…; an opener after a lower-case word and before a
 *   capitalised one, a closer after a capitalised word and before a lower-case one; a
 *   closer for an opening mark followed by a word or two and punctuation ("des canules
 *   « sport.": a short quotation whose closer was dropped);
 * - a quotation worked into a sentence ("des bandes « racing") that would run past the end
 *   of its sentence (a quotation opened after a colon or a full stop may run on).
 * So a dropped closer early in the paragraph does not shift every later pair (each quotation
 * is judged on its own neighbours, not on its rank), unlike reading the marks in turn.
 *
 * The reading is a guess: the fixes drawn from it are suggestions.
 */
import type {DocumentIndex} from '../parse/document.js'
import {quoteMarkInfo, type QuoteMark} from '../parse/quotation.js'

/** What the cheapest reading makes of one mark. */
export type MarkReading =
  /**
   * It opens a quotation closed by `partner`, or never closed (a dropped closer) when
   * undefined; `depth` 0 in running text, 1 inside another quotation.
   */
  | {readonly role: 'open'; readonly partner: QuoteMark | undefined; readonly depth: number}
  /** It closes the quotation opened by `partner`. */
  | {readonly role: 'close'; readonly partner: QuoteMark}
  /** It closes nothing (a closer with no quotation open). */
  | {readonly role: 'none'}

type Family = 'guillemet' | 'english'

/** Costs of a reading (see the module comment). */
const againstShape = 3
const againstShapeWithEvidence = 0.5
const againstEvidence = 4
const againstWeakEvidence = 1.5
const mixedPair = 1
const nestedOther = 1.5
const nestedSame = 2.5
const dropped = 2.5
const unopened = 2.5
const grammarHint = 3
const lexicalHint = 1
const deepest = 2
const crossesSentence = 2.5
const shortRun = [0, 2.5, 1.5]

/** Words a quotation cannot end on: a closer right after them is unlikely. */
const openerBefore = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'à', 'en', 'dans', 'par', 'pour', 'sur', 'sous', 'avec',
  'sans', 'comme', 'entre', 'chez', 'vers', 'et', 'ou',
])
/** Words that seldom start a quotation after a word: an opener right before them is unlikely. */
const closerAfter = new Set(['et', 'ou', 'mais', 'qui', 'dont', 'a', 'ont', 'est', 'sont', 'était', 'sera'])

const upper = /^\p{Lu}/u
const lower = /^\p{Ll}/u
const sentenceEnd = /^[.!?…]/

interface Mark {
  readonly mark: QuoteMark
  readonly family: Family
  readonly shape: 'open' | 'close'
  /** Worked into a sentence: after a lower-case word ("des bandes « racing"). */
  readonly integrated: boolean
  /** Cost of reading the mark as an opener, as a closer. */
  readonly asOpen: number
  readonly asClose: number
}

/** A state: the open quotations (indices of their opening marks), outermost first (at most `deepest`). */
type Stack = readonly number[]

/** Marks beyond which a paragraph is not read (the states grow with the square of the marks). */
const maximumMarks = 60

/**
 * The cheapest reading of the double marks (« » “ ”) of one block, keyed by the mark's
 * offset. `marks` are the block's marks in any order. Empty for a block of more than
 * `maximumMarks` marks.
 */
export function readPairs(index: DocumentIndex, marks: readonly QuoteMark[]): Map<number, MarkReading> {
  const sorted = [...marks].sort((a, b) => a.start - b.start)
  const described = sorted.map((mark) => describe(index, mark)).filter((mark): mark is Mark => mark !== undefined)
  const readings = new Map<number, MarkReading>()
  if (described.length === 0 || described.length > maximumMarks) return readings
  const sentenceEnds = sentenceEndsBefore(index, described)

  /** A quotation worked into a sentence ("des bandes « racing") that runs past the end of it. */
  const pairCost = (opener: number, closer: number): number => {
    const open = described[opener]!
    const close = described[closer]!
    let cost = open.family === close.family ? 0 : mixedPair
    if (open.integrated && sentenceEnds[closer]! > sentenceEnds[opener]!) cost += crossesSentence
    return cost
  }

  // Viterbi over stacks. Each step: drop the top quotations (closers lost), then read the mark.
  type Step = {from: string; role: 'open' | 'close' | 'none'; drops: number}
  const key = (stack: Stack) => stack.join(',')
  const parse = (text: string): Stack => (text === '' ? [] : text.split(',').map(Number))
  let costs = new Map<string, number>([['', 0]])
  const back: Array<Map<string, Step>> = []
  described.forEach((mark, at) => {
    const next = new Map<string, number>()
    const steps = new Map<string, Step>()
    const consider = (stack: Stack, cost: number, step: Step) => {
      const state = key(stack)
      if (cost < (next.get(state) ?? Infinity)) {
        next.set(state, cost)
        steps.set(state, step)
      }
    }
    for (const [from, base] of costs) {
      const stack = parse(from)
      for (let drops = 0; drops <= stack.length; drops++) {
        const kept = stack.slice(0, stack.length - drops)
        const cost = base + drops * dropped
        if (kept.length < deepest) {
          const nesting = kept.length === 0 ? 0 : described[kept.at(-1)!]!.family === mark.family ? nestedSame : nestedOther
          consider([...kept, at], cost + mark.asOpen + nesting, {from, role: 'open', drops})
        }
        if (kept.length > 0) {
          consider(kept.slice(0, -1), cost + mark.asClose + pairCost(kept.at(-1)!, at), {from, role: 'close', drops})
        } else consider(kept, cost + mark.asClose + unopened, {from, role: 'none', drops})
      }
    }
    costs = next
    back.push(steps)
  })
  let best = ''
  let bestCost = Infinity
  for (const [at, cost] of costs) {
    const total = cost + parse(at).length * dropped
    if (total < bestCost) {
      best = at
      bestCost = total
    }
  }
  // Walk back, then pair the marks with a stack of their own.
  const roles: Array<Step['role']> = []
  const drops: number[] = []
  for (let at = described.length - 1; at >= 0; at--) {
    const step = back[at]!.get(best)!
    roles[at] = step.role
    drops[at] = step.drops
    best = step.from
  }
  const open: Mark[] = []
  const partners = new Map<number, QuoteMark | undefined>()
  const depths = new Map<number, number>()
  for (let at = 0; at < described.length; at++) {
    const mark = described[at]!
    for (let drop = 0; drop < drops[at]!; drop++) partners.set(open.pop()!.mark.start, undefined)
    if (roles[at] === 'open') {
      depths.set(mark.mark.start, open.length)
      open.push(mark)
    } else if (roles[at] === 'close') {
      const opener = open.pop()!
      partners.set(opener.mark.start, mark.mark)
      readings.set(mark.mark.start, {role: 'close', partner: opener.mark})
    } else readings.set(mark.mark.start, {role: 'none'})
  }
  for (const mark of open) partners.set(mark.mark.start, undefined)
  for (const [start, partner] of partners) readings.set(start, {role: 'open', partner, depth: depths.get(start)!})
  return readings
}

/** The mark with the costs of reading it either way, or undefined for a mark of another kind. */
function describe(index: DocumentIndex, mark: QuoteMark): Mark | undefined {
  const info = quoteMarkInfo(mark.value)
  if (!info || (info.family !== 'guillemet' && info.family !== 'english')) return undefined
  const shape = info.nominal === 'close' ? 'close' : 'open'
  const before = neighbour(index, mark.token, -1)
  const after = neighbour(index, mark.token, 1)
  // Glued to punctuation before it ("électriques.« Je"), a mark's evidence for closing is
  // weak: a space lost between two sentences looks the same.
  const strong = mark.evidence !== 'close' || shape === 'close' || mark.spaceBefore || mark.wordBefore
  let asOpen = shape === 'close' ? (mark.evidence === 'open' ? againstShapeWithEvidence : againstShape) : 0
  let asClose = shape === 'open' ? (mark.evidence === 'close' ? againstShapeWithEvidence : againstShape) : 0
  if (mark.evidence === 'close') asOpen += strong ? againstEvidence : againstWeakEvidence
  if (mark.evidence === 'open') asClose += strong ? againstEvidence : againstWeakEvidence
  // Spaces on both sides: the words around say which way the mark points.
  if (mark.evidence === 'none' && before.kind === 'word' && after.kind === 'word') {
    const previous = before.value.toLowerCase()
    const next = after.value.toLowerCase()
    if (openerBefore.has(previous)) asClose += grammarHint
    if (closerAfter.has(after.value)) asOpen += lexicalHint
    if (lower.test(before.value) && upper.test(after.value) && !openerBefore.has(next)) asClose += lexicalHint
    if (upper.test(before.value) && !before.first && lower.test(after.value)) asOpen += lexicalHint
  } else if (mark.evidence === 'none' && before.kind === 'punctuation' && before.value === ':') asClose += grammarHint
  // "des canules « sport. L’habitacle": a word or two then punctuation, with no mark, after
  // an opening mark: a short quotation whose closer was dropped, not a closer.
  if (mark.evidence === 'none' && shape === 'open') asClose += shortRun[wordsBeforePunctuation(index, mark.token)] ?? 0
  const integrated = before.kind === 'word' && lower.test(before.value)
  return {mark, family: info.family, shape, integrated, asOpen, asClose}
}

/** Words after the mark's token up to punctuation (1 or 2), or 0 when a mark, the edge or a third word comes first. */
function wordsBeforePunctuation(index: DocumentIndex, token: number): number {
  const {tokens} = index
  const block = tokens[token]!.block
  let words = 0
  for (let at = token + 1; at < tokens.length && tokens[at]!.block === block; at++) {
    const {kind, value} = tokens[at]!
    if (kind === 'whitespace') continue
    if (kind === 'word') {
      words++
      // "racing.L’habitacle": a full stop inside a glued word ends the run.
      if (/\p{Ll}[.!?]\p{Lu}/u.test(value)) return words <= 2 ? words : 0
      if (words > 2) return 0
      continue
    }
    return /^[.,;:!?…]/.test(value) && quoteMarkInfo(value) === undefined ? (words <= 2 ? words : 0) : 0
  }
  return 0
}

/** For each mark, the number of sentence ends in its block before it ("…seulement.Il ne", "jeudi. Le"). */
function sentenceEndsBefore(index: DocumentIndex, marks: readonly Mark[]): number[] {
  const counts: number[] = []
  const blockStart = index.blocks[index.tokens[marks[0]!.mark.token]!.block]!.start
  let from = blockStart
  let count = 0
  for (const mark of marks) {
    const text = index.source.slice(from, mark.mark.start)
    count += text.match(/[\p{Ll}\d)][.!?…](?:\s+|(?=\p{Lu}))\p{Lu}/gu)?.length ?? 0
    counts.push(count)
    from = mark.mark.start
  }
  return counts
}

interface Neighbour {
  readonly kind: 'word' | 'punctuation' | 'edge'
  readonly value: string
  /** The word starts its sentence (after a full stop or at the start of the block). */
  readonly first: boolean
}

/** The first word or punctuation on one side of the mark's token, across spaces, in its block. */
function neighbour(index: DocumentIndex, token: number, direction: -1 | 1): Neighbour {
  const {tokens} = index
  const block = tokens[token]!.block
  let at = token + direction
  while (at >= 0 && at < tokens.length && tokens[at]!.block === block && tokens[at]!.kind === 'whitespace') at += direction
  const found = tokens[at]
  if (!found || found.block !== block) return {kind: 'edge', value: '', first: false}
  if (found.kind !== 'word') return {kind: 'punctuation', value: found.value, first: false}
  let first = true
  for (let back = at - 1; back >= 0 && tokens[back]!.block === block; back--) {
    const kind = tokens[back]!.kind
    if (kind === 'whitespace') continue
    const value = tokens[back]!.value
    first = sentenceEnd.test(value) || (quoteMarkInfo(value) !== undefined && back > 0 && sentenceEnd.test(previousValue(index, back)))
    break
  }
  return {kind: 'word', value: found.value, first}
}

function previousValue(index: DocumentIndex, token: number): string {
  let at = token - 1
  while (at >= 0 && index.tokens[at]!.kind === 'whitespace') at--
  return at >= 0 ? index.tokens[at]!.value : '.'
}
