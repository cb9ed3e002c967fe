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
 * - A short line or sentence pasted twice in a row (two words and 12 letters for a line,
 *   three words for a sentence), a line repeated at once with one word retyped
 *   ("maritim" / "maritime": a suggestion), and a phrase of three words or more repeated at
 *   once inside a run-on line ("CONDITIONS DE STOCKAGE CONDITIONS DE STOCKAGE": a suggestion).
 * - The first line of a text is a headline, and its sentences are not compared, only when
 *   it reads as one (25 words at most, no list marker, no final full stop).
 *
 * - A list item pasted twice in a row ("- si vous toussez." twice): a list names different
 *   things; the copy is deleted with its line break (safe from five words on; a shorter
 *   item, "- Match nul à Lyon", may be meant twice: a suggestion).
 *
 * Legitimate repetition is not flagged: short blocks and sentences (fewer than 5 words for
 * blocks, 6 for sentences: "Paris, Paris", "Oui.", dates), list items and table cells
 * further apart (a checklist may repeat an item),
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
 *   - La liste des bénéficiaires suivra.
 *   - Le détail des mesures sera publié demain.
 *   Il chantait « On ne lâchera rien, jamais, jamais. On ne lâchera rien, jamais, jamais. »
 *   Les syndicats ont réagi avec prudence à cette annonce très attendue.
 *
 * @example
 *   {"name": "not-ok-list.txt", "label": "input"}
 *
 *   Prévenez votre médecin :
 *   - si vous toussez depuis longtemps ;
 *   - si vous toussez depuis longtemps ;
 *   - si vous avez de la fièvre.
 *
 * @example
 *   {"name": "not-ok-list.txt", "label": "output"}
 *
 *   3:1-4:1 "- si vous toussez depuis longtemps ;\n" → "" [safe]: Élément de liste répété : déjà en 2:1.
 *
 * @example
 *   {"name": "not-ok-list.txt", "label": "fixed"}
 *
 *   Prévenez votre médecin :
 *   - si vous toussez depuis longtemps ;
 *   - si vous avez de la fièvre.
 *
 * @example
 *   {"name": "short-item.txt", "label": "input"}
 *
 *   Les résultats du jour :
 *
 *   - Match nul à Lyon
 *   - Match nul à Lyon
 *   - Victoire de Nantes
 *
 * @example
 *   {"name": "short-item.txt", "label": "output"}
 *
 *   4:1-5:1 "- Match nul à Lyon\n" → "" [suggestion]: Élément de liste répété : déjà en 3:1.
 *
 * @example
 *   {"name": "short-item.txt", "label": "fixed"}
 *
 *   Les résultats du jour :
 *
 *   - Match nul à Lyon
 *   - Match nul à Lyon
 *   - Victoire de Nantes
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
 *   {"name": "not-ok-2.txt", "label": "input"}
 *
 *   Le port de Brest accueille la course au large
 *   Le port de Brest acceuille la course au large
 *
 *   Les skippeurs arrivent
 *
 *   Les skippeurs arrivent
 *   Le village ouvre samedi. Le village ouvre samedi.
 *   CONDITIONS DE STOCKAGE CONDITIONS DE STOCKAGE à l’abri de la lumière.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "output"}
 *
 *   2:1-3:1 "Le port de Brest acceuille la course au large\n" → "" [suggestion]: Ligne presque identique à la précédente (1:1).
 *   6:1-7:1 "Les skippeurs arrivent\n" → "" [safe]: Ligne répétée : déjà en 4:1.
 *   7:25-7:50 " Le village ouvre samedi." → "" [safe]: Phrase répétée : déjà en 7:1.
 *   8:23-8:46 " CONDITIONS DE STOCKAGE" → "" [suggestion]: Groupe de mots répété : « CONDITIONS DE STOCKAGE ».
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "fixed"}
 *
 *   Le port de Brest accueille la course au large
 *   Le port de Brest acceuille la course au large
 *
 *   Les skippeurs arrivent
 *
 *   Le village ouvre samedi.
 *   CONDITIONS DE STOCKAGE CONDITIONS DE STOCKAGE à l’abri de la lumière.
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
import {blockDeletionRange, headlineOf, wordsOf} from '../src/rules/blocks.js'
import {defineRule} from '../src/rules/kit.js'
import {editDistance} from '../src/rules/edit-distance.js'

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

/** Letters a short block or sentence needs to count as pasted twice in a row ("Oui. Oui." does not). */
const minimumRepeatedLetters = 12
/** Words an item needs before deleting its copy is safe. */
const shortestSafeItem = 5
/** Words of a phrase repeated at once inside a sentence ("COMMENT UTILISER COMMENT UTILISER" is too short). */
const minimumRunWords = 3
const maximumRunWords = 40

const letterCount = (text: string): number => text.replace(/[^\p{L}]/gu, '').length

/**
 * Two runs of at least `minimumBlockWords` words, the same but for one word in the same
 * place, retyped with a letter or two changed ("maritim" / "maritime"; not "lundi" / "mardi").
 */
function differByOneWord(before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length || after.length < minimumBlockWords) return false
  let different: number | undefined
  for (let at = 0; at < after.length; at++) {
    if (before[at] === after[at]) continue
    if (different !== undefined) return false
    different = at
  }
  return different !== undefined && isTypo(before[different]!, after[different]!)
}

/** Whether two words of four letters or more are one edit apart (a letter added, dropped, changed or two swapped). */
function isTypo(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1 || /\d/.test(a + b)) return false
  return editDistance(a, b) === 1
}

type Report = Parameters<Parameters<typeof defineRule>[1]>[0]['report']

/**
 * A phrase repeated at once inside a run-on line: "PRÉCAUTIONS DE CONSERVATION PRÉCAUTIONS
 * DE CONSERVATION", a sub-heading pasted twice without a full stop. Three words or more,
 * written the same, nothing but spaces between the copies; the second copy is offered for
 * deletion.
 */
function checkRepeatedRun(index: DocumentIndex, sentence: SentenceSpan, report: Report): void {
  const wordTokens: number[] = []
  for (let at = sentence.firstToken; at < sentence.endToken; at++) if (index.tokens[at]!.kind === 'word') wordTokens.push(at)
  const words = wordTokens.map((at) => index.tokens[at]!.value.toLowerCase())
  // Letters of the words before each position: a run's letters in one subtraction.
  const lettersBefore = [0]
  for (const word of words) lettersBefore.push(lettersBefore.at(-1)! + letterCount(word))
  for (let start = 0; start + 2 * minimumRunWords <= words.length; start++) {
    for (let length = Math.min(maximumRunWords, (words.length - start) >> 1); length >= minimumRunWords; length--) {
      if (lettersBefore[start + length]! - lettersBefore[start]! < minimumRepeatedLetters) break
      let same = true
      for (let offset = 0; offset < length && same; offset++) same = words[start + offset] === words[start + length + offset]
      if (!same) continue
      const firstStart = index.tokens[wordTokens[start]!]!.start
      const firstEnd = index.tokens[wordTokens[start + length - 1]!]!.end
      const secondStart = index.tokens[wordTokens[start + length]!]!.start
      const secondEnd = index.tokens[wordTokens[start + 2 * length - 1]!]!.end
      // Written the same, case and punctuation included ("cliniques Toutes les fractures
      // cliniques" starts a sentence that lost its full stop).
      if (!/^\s+$/.test(index.source.slice(firstEnd, secondStart))) continue
      const copy = index.source.slice(secondStart, secondEnd)
      if (index.source.slice(firstStart, firstEnd) !== copy) continue
      // Groups of two to four lower-case words are `repeated-words`' ("le président le président").
      if (length <= 4 && /^[\p{Ll}][\p{L}’' ]*$/u.test(copy)) return
      report(`Groupe de mots répété : « ${copy} ».`, firstEnd, secondEnd, {expected: [''], safe: false})
      return
    }
  }
}

export default defineRule(
  {id: 'duplicate', summary: 'Ligne, paragraphe ou phrase répétés (titre en double, lede recopié).', fix: 'mixed'},
  ({index, report}) => {
    const firstBlock = new Map<string, Block>()
    const duplicateBlocks = new Set<number>()
    const isListLike = (block: Block): boolean => exemptBlockKinds.has(block.kind) || (index.format === 'txt' && listMarker.test(index.source.slice(block.start, block.start + 4)))
    let previousWords: string[] = []
    /** The words of the previous block when it is a list item, else undefined. */
    let previousItem: string[] | undefined
    index.blocks.forEach((block, blockIndex) => {
      if (isListLike(block)) {
        // A list item pasted twice in a row ("- si vous toussez." twice): a list names
        // different things. The same item further down may be meant (a refrain, a checklist).
        const words = wordsOf(index, block.firstToken, block.endToken)
        const key = words.join(' ')
        const repeated = previousItem !== undefined && key === previousItem.join(' ') && words.length >= 2 && letterCount(key) >= minimumRepeatedLetters
        previousItem = words
        if (!repeated) return
        const first = index.blocks[blockIndex - 1]!
        if (!isListLike(first) || !sameSource(index, first, block)) return
        duplicateBlocks.add(blockIndex)
        const range = blockDeletionRange(index, block)
        report(`Élément de liste répété : déjà en ${placeOf(index, first.start)}.`, range.start, range.end, {
          expected: [''],
          // A short item may be meant twice in a row (two draws: "- Match nul 1-1"): a suggestion.
          safe: range.wholeLines && words.length >= shortestSafeItem,
          wholeLines: range.wholeLines,
        })
        return
      }
      previousItem = undefined
      const words = wordsOf(index, block.firstToken, block.endToken)
      const key = words.join(' ')
      const previous = previousWords
      previousWords = words
      const afterItself = key === previous.join(' ') && words.length >= 2 && letterCount(key) >= minimumRepeatedLetters
      if (words.length < minimumBlockWords && !afterItself) return
      const first = afterItself ? index.blocks[blockIndex - 1] : firstBlock.get(key)
      if (!first) {
        firstBlock.set(key, block)
        // A line pasted twice in a row with one word retyped ("maritim" / "maritime").
        if (blockIndex > 0 && differByOneWord(previous, words)) {
          duplicateBlocks.add(blockIndex)
          const range = blockDeletionRange(index, block)
          report(`Ligne presque identique à la précédente (${placeOf(index, index.blocks[blockIndex - 1]!.start)}).`, range.start, range.end, {
            expected: [''],
            safe: false,
            wholeLines: range.wholeLines,
          })
        }
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
    // A first line is a headline when it reads as one; a long one is the article's first paragraph.
    const headline = headlineOf(index)
    let previousSentenceKey = ''
    index.sentences.forEach((sentence, sentenceIndex) => {
      const block = index.blocks[sentence.block]!
      if (duplicateBlocks.has(sentence.block)) return
      const inQuotation = quotationAt(index, sentence.start) !== undefined || quotationAt(index, sentence.end - 1) !== undefined
      if (!inQuotation) checkRepeatedRun(index, sentence, report)
      // A lede that restates the headline is journalism, not a scraping error; a refrain
      // inside a quotation is the speaker's.
      if (isListLike(block) || block === headline || inQuotation) return
      const words = wordsOf(index, sentence.firstToken, sentence.endToken)
      const key = words.join(' ')
      // "La cuisine est délicieuse. La cuisine est délicieuse.": a short sentence pasted twice in a row.
      const afterItself =
        key === previousSentenceKey && words.length >= 3 && letterCount(key) >= minimumRepeatedLetters && index.sentences[sentenceIndex - 1]?.block === sentence.block
      previousSentenceKey = key
      if (words.length < minimumSentenceWords && !afterItself) return
      const first = afterItself ? index.sentences[sentenceIndex - 1] : firstSentence.get(key)
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
