/**
 * Verb knowledge from the Lefff for the elision and agreement rules. French words beginning with a vowel or h that are not only common nouns: verb forms,
 * adjectives and closed-class words (vowel-words-lefff.txt, from the Lefff). With
 * `nounInfo`, it tells the elision rule whether the word after "je", "ne", "que"… is
 * French at all ("ne a", "je habite", "que aucun", but "se acabó", "te amo" are foreign),
 * and whether it is a verb ("de le inviter" has a pronoun, not an article). Loaded on
 * first use and kept for the process.
 */
import {loadList} from './lists.js'
import {loadTable, type TableSource} from './sorted-table.js'
import {lexiconKey, nounInfo} from './nouns.js'

export interface VowelWordInfo {
  /** A verb form: any mood, participles included ("ai", "habitait", "invité"). */
  readonly verb: boolean
  /** An adjective form ("importantes", "ancien"). */
  readonly adjective: boolean
  /** A closed-class word: adverb, preposition, pronoun, determiner, conjunction ("il", "en", "ainsi"). */
  readonly closedClass: boolean
}

/** Forms and their codes (v verb, a adjective, o closed class: "va"), from vowel-words-lefff.txt. */
export const vowelWordTableSource: TableSource = {
  name: 'vowel-words-lefff',
  source: 'vowel-words-lefff.txt',
  *entries(text) {
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue
      const space = line.indexOf(' ')
      const code = line.slice(0, space)
      if (!/^v?a?o?$/.test(code)) throw new Error(`coquille: bad code "${code}" in vowel-words-lefff.txt`)
      for (const form of line.slice(space + 1).split(' ')) yield [form, code]
    }
  },
}

/** One frozen answer per code, shared by every form. */
const infoOfCode = new Map<string, VowelWordInfo>()

/**
 * The non-noun readings of a lower-case word beginning with a vowel or h ("ai" → verb,
 * "il" → closed class); undefined for other words, capitalised words and words the Lefff
 * does not know (or knows only as common nouns: see nounInfo).
 */
export function vowelWordInfo(word: string): VowelWordInfo | undefined {
  if (word === '' || word[0] !== word[0]!.toLowerCase()) return undefined
  const code = loadTable(vowelWordTableSource).get(lexiconKey(word))
  if (code === undefined) return undefined
  let info = infoOfCode.get(code)
  if (!info) {
    info = Object.freeze({verb: code.includes('v'), adjective: code.includes('a'), closedClass: code.includes('o')})
    infoOfCode.set(code, info)
  }
  return info
}

/** Whether a lower-case word beginning with a vowel or h is a French word the lexicons know. */
export function isKnownVowelWord(word: string): boolean {
  return vowelWordInfo(word) !== undefined || nounInfo(word) !== undefined
}

/**
 * Whether a common noun is also an infinitive or a present participle ("pouvoir", "dîner",
 * "rire", "commerçant"; noun-infinitives-lefff.txt): after "de le", "à la", "du" it may
 * be a verb ("de le dire", "il a du partir"), unlike other verb homographs ("de la mesure").
 */
export function isNounInfinitive(word: string): boolean {
  return loadList('noun-infinitives-lefff.txt').has(lexiconKey(word))
}
