/**
 * ## foreign-language
 *
 * Flags a sentence, or a run of sentences, that is not in French: a machine-translation
 * leftover, a paragraph of the source article pasted untranslated, scraping residue in
 * English.
 *
 * Short sentences defeat statistical detectors, so the decision rests first on function
 * words (stop-word lists of the `stopword` package): a sentence is foreign when none of its
 * words is a French function word that the other language lacks, and at least two distinct
 * lower-case words (and 15 % of them) are function words of one other language; and
 * `franc` must not find the sentence French. Names
 * (capitalised words) count for no language, and a short English quotation inside a French
 * sentence is never flagged: the sentence around it has French function words.
 * Sentences of fewer than 6 words are not judged. Consecutive foreign sentences of one
 * paragraph give one message.
 *
 * Fix: a suggestion to delete the foreign text (the whole line when it is alone on it),
 * never safe: translating it may be what the article needs.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le ministre a déclaré que « the deal is done » avant de quitter la salle.
 *   Il a cité le slogan « Make America Great Again » lors de son discours.
 *   Google News, Twitter et Facebook ont retiré la vidéo mardi soir.
 *   Thank you very much.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le texte a été adopté mardi par les députés.
 *   The minister said that the agreement would be signed in the coming weeks. It is a first step.
 *   Thank you for reading, and please share this story with your friends.
 *   El presidente dijo que el acuerdo es un paso importante para el país.
 *   Le vote est acquis. The minister resigned on Monday after the vote in parliament.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   2:1-3:1 "The minister said that the agreement would be signed in the coming weeks. It is a first step.\n" → "" [suggestion]: Texte en anglais dans un article en français : à traduire ou à supprimer.
 *   3:1-4:1 "Thank you for reading, and please share this story with your friends.\n" → "" [suggestion]: Texte en anglais dans un article en français : à traduire ou à supprimer.
 *   4:1-5:1 "El presidente dijo que el acuerdo es un paso importante para el país.\n" → "" [suggestion]: Texte en espagnol dans un article en français : à traduire ou à supprimer.
 *   5:20-5:82 " The minister resigned on Monday after the vote in parliament." → "" [suggestion]: Texte en anglais dans un article en français : à traduire ou à supprimer.
 */
import {deu, eng, fra, ita, nld, por, spa} from 'stopword'
import {lazy} from '../src/lazy.js'
import {blockDeletionRange, blockText} from '../src/rules/blocks.js'
import {defineRule} from '../src/rules/kit.js'

const languages = {eng: 'anglais', spa: 'espagnol', deu: 'allemand', ita: 'italien', por: 'portugais', nld: 'néerlandais'} as const
type Language = keyof typeof languages
/** The stop words of the languages told apart (named, so a bundle keeps only these lists). */
const stopwords: Readonly<Record<Language | 'fra', readonly string[]>> = {fra, eng, spa, deu, ita, por, nld}
/** franc's trigram data is large and rarely needed: only for sentences that look foreign. */
const francModule = lazy('franc-min', () => import('franc-min'))

interface StopWordSets {
  readonly french: ReadonlySet<string>
  readonly others: ReadonlyArray<readonly [Language, ReadonlySet<string>]>
}

let sets: StopWordSets | undefined

/** Stop words, built once: each other language keeps only the words French lacks. */
function stopWordSets(): StopWordSets {
  if (!sets) {
    const french = new Set(stopwords.fra)
    const others = (Object.keys(languages) as Language[]).map((language) => {
      const list: ReadonlySet<string> = new Set(stopwords[language].filter((word) => !french.has(word)))
      return [language, list] as const
    })
    // French words that no other language shares are the proof of French.
    const shared = new Set(others.flatMap(([, list]) => [...list]))
    for (const [language] of others) for (const word of stopwords[language]) shared.add(word)
    sets = {french: new Set([...french].filter((word) => !shared.has(word))), others}
  }
  return sets
}

const minimumWords = 6
const hasLetter = /\p{L}/u
const capitalised = /^\p{Lu}/u

const elided = /^(?:[ldjmtsnc]|qu)[’']/u

function hasFrenchEvidence(words: readonly string[]): boolean {
  const {french} = stopWordSets()
  return words.some((word) => {
    const lower = word.toLowerCase()
    return french.has(lower) || elided.test(lower)
  })
}

/** The language of a sentence's words, or undefined when it is (or may be) French. */
function foreignLanguage(words: readonly string[], text: () => string): Language | undefined {
  if (words.length < minimumWords) return undefined
  const {french, others} = stopWordSets()
  // French evidence among the words in lower case ends it at once (most sentences, at
  // their first few words), before the words are gathered.
  for (const word of words) {
    if (capitalised.test(word)) continue
    const lowerWord = word.toLowerCase()
    if (french.has(lowerWord) || elided.test(lowerWord)) return undefined
  }
  const lower = words.filter((word) => !capitalised.test(word)).map((word) => word.toLowerCase())
  if (lower.length === 0) return undefined
  let best: {language: Language; hits: number} | undefined
  for (const [language, list] of others) {
    // Distinct words: "ni … ni" is one clue, not two.
    const found = new Set<string>()
    for (const word of lower) if (list.has(word)) found.add(word)
    const hits = found.size
    if (!best || hits > best.hits) best = {language, hits}
  }
  if (!best || best.hits < 2 || best.hits / lower.length < 0.15) return undefined
  // franc has the last word: on short text it is unreliable, but it rarely calls French foreign.
  if (francModule().franc(text(), {minLength: 10, only: ['fra', ...Object.keys(languages)]}) === 'fra') return undefined
  return best.language
}

export default defineRule(
  {id: 'foreign-language', summary: 'Phrase ou paragraphe qui n’est pas en français.', fix: 'suggestion'},
  ({index, report}) => {
    let run: {start: number; end: number; language: Language; block: number} | undefined
    const flush = (): void => {
      if (run) {
        // The deletion is offered, never applied unattended: translating may be the better fix.
        const block = index.blocks[run.block]!
        const reason = `Texte en ${languages[run.language]} dans un article en français : à traduire ou à supprimer.`
        if (blockText(index, block).trim() === index.source.slice(run.start, run.end).trim()) {
          const range = blockDeletionRange(index, block)
          report(reason, range.start, range.end, {expected: [''], safe: false, wholeLines: range.wholeLines})
        } else {
          report(reason, sentenceStartWithSpace(run.start), run.end, {expected: [''], safe: false})
        }
      }
      run = undefined
    }
    /** Where a sentence starts with the spaces before it, so that deleting it leaves no double space. */
    const sentenceStartWithSpace = (start: number): number => {
      let from = start
      while (from > 0 && (index.source[from - 1] === ' ' || index.source[from - 1] === '\t')) from--
      return from === 0 || index.source[from - 1] === '\n' ? start : from
    }
    for (const sentence of index.sentences) {
      const words: string[] = []
      for (let at = sentence.firstToken; at < sentence.endToken; at++) {
        const token = index.tokens[at]!
        if (token.kind === 'word' && hasLetter.test(token.value)) words.push(token.value)
      }
      // The sentence's text, for franc: built only for the rare sentence that gets that far.
      const text = (): string => {
        let value = ''
        for (let at = sentence.firstToken; at < sentence.endToken; at++) value += index.tokens[at]!.value
        return value
      }
      if (run && run.block === sentence.block && words.length < minimumWords && words.length > 0 && !hasFrenchEvidence(words)) {
        run.end = sentence.end // "It is a first step." goes with the foreign sentence before it.
        continue
      }
      const language = foreignLanguage(words, text)
      if (language && run && run.language === language && run.block === sentence.block) {
        run.end = sentence.end
        continue
      }
      flush()
      if (language) run = {start: sentence.start, end: sentence.end, language, block: sentence.block}
    }
    flush()
  },
)
