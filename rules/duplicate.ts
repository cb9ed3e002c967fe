/**
 * ## duplicate
 *
 * Flags lines, headings, paragraphs and sentences that repeat in an article — the
 * headline copied three times at the top of a scraped page, a paragraph pasted twice, a
 * lede sentence repeated (sometimes reworded) further down.
 *
 * Blocks and sentences are compared after normalising case, spaces and punctuation.
 * - An exact copy of a block (line, heading, paragraph) is deleted by `--fix` with its line
 *   break, when its lines hold nothing else.
 * - An exact copy of a sentence inside another paragraph: the copy is deleted with the
 *   space before it (safe).
 * - A near-duplicate sentence (most of its word pairs shared with an earlier sentence):
 *   a suggestion to delete it; the message gives the place of the first occurrence.
 *
 * Legitimate repetition is not flagged: short blocks and sentences (fewer than 5 words for
 * blocks, 6 for sentences: "Paris, Paris", "Oui.", dates), list items and table cells,
 * sentences inside a quotation (a refrain is the speaker's), and
 * a lede that restates the headline, and a front-matter or HTML `<title>` repeated by the
 * first heading.
 * Comparison is linear: hashes of normalised text, and an index of word pairs for near
 * duplicates (never all pairs of sentences).
 *
 * Fix: safe for exact copies, suggestion for near duplicates. A copy whose words are the
 * same but whose source differs (another link target, image, code or inline HTML) is
 * reported without a fix: deleting it would lose what differs.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le plan de relance
 *
 *   Le gouvernement a présenté mardi un plan de relance de l’économie.
 *   Paris, Paris. Oui.
 *   - Le détail des mesures sera publié demain.
 *   - Le détail des mesures sera publié demain.
 *   Il chantait « On ne lâchera rien, jamais, jamais. On ne lâchera rien, jamais, jamais. »
 *   Les syndicats ont réagi avec prudence à cette annonce très attendue.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   title: Le plan de relance présenté mardi
 *   ---
 *
 *   # Le plan de relance présenté mardi
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le plan de relance présenté mardi
 *
 *   Le plan de relance présenté mardi
 *   Le gouvernement a présenté mardi un plan de relance de l’économie. Il sera financé par un nouvel emprunt.
 *   Les syndicats ont réagi avec prudence. Il sera financé par un nouvel emprunt.
 *   Selon nos informations, le gouvernement a présenté mardi un plan de relance de l’économie française.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   3:1-4:1 "Le plan de relance présenté mardi\n" → "" [safe]: Ligne répétée : déjà en 1:1.
 *   5:39-5:78 " Il sera financé par un nouvel emprunt." → "" [safe]: Phrase répétée : déjà en 4:68.
 *   6:1-6:101 "Selon nos informations, le gouvernement a présenté mardi un plan de relance de l’économie française." → "" [suggestion]: Phrase presque identique à celle de 4:1.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Le plan de relance présenté mardi
 *
 *   Le gouvernement a présenté mardi un plan de relance de l’économie. Il sera financé par un nouvel emprunt.
 *   Les syndicats ont réagi avec prudence.
 *   Selon nos informations, le gouvernement a présenté mardi un plan de relance de l’économie française.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Le plan de relance présenté mardi
 *   =================================
 *
 *   Le plan de relance présenté mardi
 *   =================================
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2023.pdf) depuis mardi.
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2024.pdf) depuis mardi.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   4:1-6:1 "Le plan de relance présenté mardi\n=================================\n" → "" [safe]: Titre répété : déjà en 1:1.
 *   9:1-9:77: Paragraphe répété aux liens, au code ou à la mise en forme près : déjà en 7:1.
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   Le plan de relance présenté mardi
 *   =================================
 *
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2023.pdf) depuis mardi.
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2024.pdf) depuis mardi.
 */
import type {Block, DocumentIndex, SentenceSpan} from '../src/parse/document.js'
import {quotationAt} from '../src/parse/quotation.js'
import {blockDeletionRange, wordsOf} from '../src/rules/blocks.js'
import {defineRule} from '../src/rules/kit.js'

const minimumBlockWords = 5
const minimumSentenceWords = 6
/** Share of word pairs in common above which two sentences are near duplicates. */
const nearDuplicateThreshold = 0.7
/** A word pair seen in more sentences than this is too common to find candidates with. */
const maximumPairPostings = 16

/** Also the title of front matter or <title>: it normally repeats the article's h1. */
const exemptBlockKinds = new Set<Block['kind']>(['list-item', 'table-cell', 'metadata', 'title'])
/** A text line that is a list item: "- ", "* ", "• ", "1. ", "2) ". */
const listMarker = /^(?:[-*•–]\s|\d{1,2}[.)]\s)/u

function placeOf(index: DocumentIndex, offset: number): string {
  const point = index.toPoint(offset)
  return `${point.line}:${point.column}`
}

/** Words as numbers, per document, so that a pair of words is one number (no string built per pair). */
class WordIds {
  readonly #ids = new Map<string, number>()
  of(word: string): number {
    let id = this.#ids.get(word)
    if (id === undefined) {
      id = this.#ids.size
      this.#ids.set(word, id)
    }
    return id
  }
}

/** The distinct pairs of consecutive words, each as one number (ids below 2^26: exact in a double). */
function wordPairs(words: readonly string[], ids: WordIds): Set<number> {
  const pairs = new Set<number>()
  let previous = words.length > 0 ? ids.of(words[0]!) : 0
  for (let at = 1; at < words.length; at++) {
    const current = ids.of(words[at]!)
    pairs.add(previous * 0x4000000 + current)
    previous = current
  }
  return pairs
}

/** Whether two blocks or sentences are written alike in the source, markup included. */
function sameSource(index: DocumentIndex, first: {start: number; end: number}, second: {start: number; end: number}): boolean {
  return first.end - first.start === second.end - second.start && index.source.slice(first.start, first.end) === index.source.slice(second.start, second.end)
}

export default defineRule(
  {id: 'duplicate', summary: 'Ligne, paragraphe ou phrase répétés (titre en double, lede recopié).', fix: 'mixed'},
  ({index, report}) => {
    const firstBlock = new Map<string, Block>()
    const duplicateBlocks = new Set<number>()
    const isListLike = (block: Block): boolean => exemptBlockKinds.has(block.kind) || (index.format === 'txt' && listMarker.test(index.source.slice(block.start, block.start + 4)))
    index.blocks.forEach((block, blockIndex) => {
      if (isListLike(block)) return
      const words = wordsOf(index, block.firstToken, block.endToken)
      if (words.length < minimumBlockWords) return
      const key = words.join(' ')
      const first = firstBlock.get(key)
      if (!first) {
        firstBlock.set(key, block)
        return
      }
      duplicateBlocks.add(blockIndex)
      const range = blockDeletionRange(index, block)
      const what = index.format === 'txt' ? 'Ligne répétée' : block.kind === 'heading' ? 'Titre répété' : 'Paragraphe répété'
      // Same words are not the same source: another link target, image, code or inline
      // HTML makes it a near copy, reported with no fix (deleting it would lose that link).
      if (!sameSource(index, first, block)) {
        report(`${what} aux liens, au code ou à la mise en forme près : déjà en ${placeOf(index, first.start)}.`, block.start, block.end)
        return
      }
      report(`${what} : déjà en ${placeOf(index, first.start)}.`, range.start, range.end, {
        expected: [''],
        safe: range.wholeLines,
        wholeLines: range.wholeLines,
      })
    })

    // Sentences: exact copies, then near duplicates through an index of word pairs.
    const firstSentence = new Map<string, SentenceSpan>()
    const ids = new WordIds()
    const pairPostings = new Map<number, number[]>()
    // Only the number of pairs of earlier sentences is needed, not the pairs themselves.
    const pairCounts: number[] = []
    // Pairs shared with each earlier sentence, for the sentence at hand; `touched` lists the
    // earlier sentences met, in the order met, and is cleared after each sentence.
    const sharedCounts = new Int32Array(index.sentences.length)
    const touched: number[] = []
    index.sentences.forEach((sentence, sentenceIndex) => {
      const block = index.blocks[sentence.block]!
      // A lede that restates the headline is journalism, not a scraping error; a refrain
      // inside a quotation is the speaker's.
      if (duplicateBlocks.has(sentence.block) || isListLike(block) || block === index.headline) return
      if (quotationAt(index, sentence.start) || quotationAt(index, sentence.end - 1)) return
      const words = wordsOf(index, sentence.firstToken, sentence.endToken)
      if (words.length < minimumSentenceWords) return
      const key = words.join(' ')
      const first = firstSentence.get(key)
      if (first) {
        // A sentence that is its whole block was handled as a block.
        if (block.firstSentence === sentenceIndex && block.endSentence === sentenceIndex + 1) return
        const previous = index.tokens[sentence.firstToken - 1]
        const start = previous?.kind === 'whitespace' && previous.block === sentence.block ? previous.start : sentence.start
        if (sameSource(index, first, sentence)) report(`Phrase répétée : déjà en ${placeOf(index, first.start)}.`, start, sentence.end, {expected: [''], safe: true})
        else report(`Phrase répétée aux liens, au code ou à la mise en forme près : déjà en ${placeOf(index, first.start)}.`, sentence.start, sentence.end)
        return
      }
      firstSentence.set(key, sentence)
      const pairs = wordPairs(words, ids)
      // Count pairs shared with earlier sentences.
      for (const pair of pairs) {
        const postings = pairPostings.get(pair)
        if (!postings) continue
        for (const earlier of postings) {
          if (sharedCounts[earlier] === 0) touched.push(earlier)
          sharedCounts[earlier]!++
        }
      }
      let best: {sentence: number; score: number} | undefined
      for (const earlier of touched) {
        const count = sharedCounts[earlier]!
        sharedCounts[earlier] = 0
        const union = pairs.size + pairCounts[earlier]! - count
        const score = count / union
        if (score >= nearDuplicateThreshold && (!best || score > best.score)) best = {sentence: earlier, score}
      }
      touched.length = 0
      if (best) {
        const earlier = index.sentences[best.sentence]!
        report(`Phrase presque identique à celle de ${placeOf(index, earlier.start)}.`, sentence.start, sentence.end, {
          expected: [''],
          safe: false,
        })
      }
      pairCounts[sentenceIndex] = pairs.size
      for (const pair of pairs) {
        const postings = pairPostings.get(pair)
        if (!postings) pairPostings.set(pair, [sentenceIndex])
        else if (postings.length < maximumPairPostings) postings.push(sentenceIndex)
      }
    })
  },
)
