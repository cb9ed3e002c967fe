/**
 * ## elision
 *
 * Flags a missing elision or contraction: "le accord" → "l’accord", "la école" →
 * "l’école", "de Ukraine" → "d’Ukraine", "que il" → "qu’il", "si il" → "s’il", "je ai"
 * → "j’ai", "ne a" → "n’a", "ce est" → "c’est", "lorsque elle" → "lorsqu’elle", "du
 * argent" → "de l’argent"; "de le président" → "du président", "à le" → "au", "de les"
 * → "des", "à les" → "aux"; and an elision before an aspirated h: "l’hasard" → "le
 * hasard", "d’Hongrie" → "de Hongrie".
 *
 * The norm (Grevisse, *Le Bon Usage*, §§ 44-50): le, la, de, je, me, te, se, ne, que
 * (and lorsque, puisque, quoique, jusque) drop their vowel before a word that begins
 * with a vowel sound; "si" only before "il" and "ils" ("si elle"); "ce" before the verb
 * "être" ("c’est", "c’était"). No elision before an aspirated h ("le héros", "la
 * Hongrie", "le hibou"), before "onze", "oui", "yaourt", "yacht", "ouistiti" and other
 * words of no-elision.txt, nor before acronyms read letter by letter ("le FMI").
 *
 * Precision first:
 * - a contraction is proposed only when "le"/"les" is an article: the next word must be
 *   a common noun that is no verb form ("de le faire", "à les voir" are correct: "le"
 *   and "les" are pronouns there), a word that only comes before a noun ("à le plus
 *   grand", "de les autres"), a number or a name ("de le Gneisenau", "à le XXe siècle",
 *   "de les Archives"; before a place or an organisation of the gazetteer the contraction
 *   is `place-preposition`'s and `proper-noun-article`'s);
 * - "le", "la", "je", "me", "te", "se", "ne" are elided only before a French word the
 *   lexicon knows ("se acabó", "te amo" are foreign), and "je", "me", "te", "se", "ne"
 *   only before a verb, "en" or "y";
 * - capitalised words: only "de" and "que" (and lorsque, puisque…) before a name ("de
 *   Israël" → "d’Israël", "que Emmanuel Macron" → "qu’Emmanuel Macron"); an article
 *   before a proper noun is the business of `proper-noun-article`, except before a common
 *   noun heading a name that the gazetteer does not know ("la Union des ports" →
 *   "l’Union") and before an acronym read as a word that begins with a vowel ("le EPAR" →
 *   "l’EPAR"; not "le HCR", "le OK", nor "la ECW", read letter by letter the English way).
 *   In a line written in capitals a capital says nothing of a name: "DROITS RELATIFS A La
 *   AUTORISATION" → "L’AUTORISATION", "LIBÉRATION De les LOTS" → "DES". Names read with a
 *   consonant sound are left alone ("de Yaoundé", "de Ouagadougou", "de Iouri"), so are
 *   acronyms, names beginning with h, and name particles ("Ana de Armas");
 * - words where both usages are found ("la ouate" / "l’ouate", "de Hitler" / "d’Hitler",
 *   "de 1,5 million" / "d’1,5 million") and h-words the lists do not know are never flagged.
 *
 * The fix uses the typographic apostrophe ’, or the straight ' when the article mostly
 * uses it. Fix: safe, except a contraction before a noun of either gender ("de le
 * secrétaire": "du" or "de la") and an elision before an aspirated h whose gender is
 * unknown, which are suggestions.
 *
 * @example
 *   {"name": "ok-contraction.txt"}
 *
 *   Il a promis de le faire et de les voir venir ; il tient à le dire, à les plaindre.
 *
 * @example
 *   {"name": "not-ok-contraction.txt", "label": "input"}
 *
 *   Le film à le plus grand succès, l’un de les autres, la visite de le Gneisenau au XXe siècle.
 *   Il a lu les fonds de les Archives nationales consacrés à le XIXe siècle.
 *
 * @example
 *   {"name": "not-ok-contraction.txt", "label": "output"}
 *
 *   1:9-1:13 "à le" → "au" [safe]: « à le » se contracte en « au » devant « plus ».
 *   1:38-1:44 "de les" → "des" [safe]: « de les » se contracte en « des » devant « autres ».
 *   1:63-1:68 "de le" → "du" [safe]: « de le » se contracte en « du » devant « Gneisenau ».
 *   2:19-2:25 "de les" → "des" [safe]: « de les » se contracte en « des » devant « Archives ».
 *   2:56-2:60 "à le" → "au" [safe]: « à le » se contracte en « au » devant « XIXe ».
 *
 * @example
 *   {"name": "not-ok-contraction.txt", "label": "fixed"}
 *
 *   Le film au plus grand succès, l’un des autres, la visite du Gneisenau au XXe siècle.
 *   Il a lu les fonds des Archives nationales consacrés au XIXe siècle.
 *
 * @example
 *   {"name": "ok-names.txt"}
 *
 *   Le HCR et le OK du ministre ; la ECW et le Ouagadougou de son enfance ; la Hongrie.
 *
 * @example
 *   {"name": "not-ok-names.txt", "label": "input"}
 *
 *   Le rapport de la Union des ports et le EPAR du médicament.
 *   DROITS RELATIFS A La AUTORISATION ET LIBÉRATION De les LOTS
 *
 * @example
 *   {"name": "not-ok-names.txt", "label": "output"}
 *
 *   1:15-1:23 "la Union" → "l’Union" [safe]: « la Union » s’écrit avec élision : « l’Union ».
 *   1:37-1:44 "le EPAR" → "l’EPAR" [safe]: « le EPAR » s’écrit avec élision : « l’EPAR ».
 *   2:19-2:34 "La AUTORISATION" → "L’AUTORISATION" [safe]: « La AUTORISATION » s’écrit avec élision : « L’AUTORISATION ».
 *   2:49-2:55 "De les" → "DES" [safe]: « De les » se contracte en « des » devant « LOTS ».
 *
 * @example
 *   {"name": "not-ok-names.txt", "label": "fixed"}
 *
 *   Le rapport de l’Union des ports et l’EPAR du médicament.
 *   DROITS RELATIFS A L’AUTORISATION ET LIBÉRATION DES LOTS
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Il a décidé de le faire avant de les voir, puis de le dire et de le pouvoir à Lyon.
 *   Le héros du jour aime le hibou et le hockey ; la hausse de la Hongrie inquiète.
 *   Si elle vient, il dira que oui et le onze restera le yaourt du yacht.
 *   Le FMI et l’OMS se sont parlé de Yaoundé à Ouagadougou ; Ana de Armas arrive.
 *   Le ou la candidate décide ce en quoi il croit ; la une du journal parle de un à deux ans.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le accord a été conclu à la école de Ukraine.
 *   Il a dit que il viendrait si il peut, et je ai vu que ce est vrai.
 *   Il ne a rien dit de le président ni à les ministres du amendement.
 *   Le choix de l’hasard et d’Hongrie.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:1-1:10 "Le accord" → "L’accord" [safe]: « Le accord » s’écrit avec élision : « L’accord ».
 *   1:26-1:34 "la école" → "l’école" [safe]: « la école » s’écrit avec élision : « l’école ».
 *   1:35-1:45 "de Ukraine" → "d’Ukraine" [safe]: « de Ukraine » s’écrit avec élision : « d’Ukraine ».
 *   2:10-2:16 "que il" → "qu’il" [safe]: « que il » s’écrit avec élision : « qu’il ».
 *   2:27-2:32 "si il" → "s’il" [safe]: « si il » s’écrit avec élision : « s’il ».
 *   2:42-2:47 "je ai" → "j’ai" [safe]: « je ai » s’écrit avec élision : « j’ai ».
 *   2:55-2:61 "ce est" → "c’est" [safe]: « ce est » s’écrit avec élision : « c’est ».
 *   3:4-3:8 "ne a" → "n’a" [safe]: « ne a » s’écrit avec élision : « n’a ».
 *   3:18-3:23 "de le" → "du" [safe]: « de le » se contracte en « du » devant « président ».
 *   3:37-3:42 "à les" → "aux" [safe]: « à les » se contracte en « aux » devant « ministres ».
 *   3:53-3:66 "du amendement" → "de l’amendement" [safe]: « du » devient « de l’ » devant une voyelle : « de l’amendement ».
 *   4:13-4:21 "l’hasard" → "le hasard" [safe]: Pas d’élision devant le h aspiré de « hasard » : « le hasard ».
 *   4:25-4:34 "d’Hongrie" → "de Hongrie" [safe]: Pas d’élision devant le h aspiré de « Hongrie » : « de Hongrie ».
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   L’accord a été conclu à l’école d’Ukraine.
 *   Il a dit qu’il viendrait s’il peut, et j’ai vu que c’est vrai.
 *   Il n’a rien dit du président ni aux ministres de l’amendement.
 *   Le choix du hasard et de Hongrie.
 *
 * @example
 *   {"name": "not-ok-3.md", "label": "input"}
 *
 *   # Retour d'Oman
 *
 *   Le sultan de Oman a dit que Emmanuel Macron viendrait lorsque il pourra.
 *   Il se est engagé à aider la plupart de les enfants.
 *
 * @example
 *   {"name": "not-ok-3.md", "label": "output"}
 *
 *   3:11-3:18 "de Oman" → "d'Oman" [safe]: « de Oman » s’écrit avec élision : « d'Oman ».
 *   3:25-3:37 "que Emmanuel" → "qu'Emmanuel" [safe]: « que Emmanuel » s’écrit avec élision : « qu'Emmanuel ».
 *   3:55-3:65 "lorsque il" → "lorsqu'il" [safe]: « lorsque il » s’écrit avec élision : « lorsqu'il ».
 *   4:4-4:10 "se est" → "s'est" [safe]: « se est » s’écrit avec élision : « s'est ».
 *   4:37-4:43 "de les" → "des" [safe]: « de les » se contracte en « des » devant « enfants ».
 *
 * @example
 *   {"name": "not-ok-3.md", "label": "fixed"}
 *
 *   # Retour d'Oman
 *
 *   Le sultan d'Oman a dit qu'Emmanuel Macron viendrait lorsqu'il pourra.
 *   Il s'est engagé à aider la plupart des enfants.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "input"}
 *
 *   Il l'a dit, puis le ami de l'ancien maire est venu.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "output"}
 *
 *   1:18-1:24 "le ami" → "l'ami" [safe]: « le ami » s’écrit avec élision : « l'ami ».
 */
import {splitElision} from '../src/parse/elision.js'
import {contraction, elisionInfo, isElisionOptional, isHAspire, nounInfo, startsWithVowelSound, type ElisionInfo} from '../src/lexicon/nouns.js'
import {isNounInfinitive} from '../src/lexicon/lefff-words.js'
import {vowelWordInfo} from '../src/lexicon/lefff-words.js'
import {defineRule} from '../src/rules/kit.js'
import {beginsWithConsonant, hasCapital, houseApostrophe, isAllCaps, letterWordCase, nextWordIndex, opensSentence, previousWordIndex, withCaseOf} from '../src/rules/word-pairs.js'
import type {DocumentIndex} from '../src/parse/document.js'
import {matchAt} from '../src/lexicon/gazetteer.js'
import {isKnownName} from '../src/lexicon/words.js'
import {loadList} from '../src/lexicon/lists.js'

/** Words that elide before a capitalised name ("d’Israël", "qu’Emmanuel Macron"). */
const elidedBeforeNames = new Set(['de', 'que', 'lorsque', 'puisque', 'quoique', 'jusque'])
/** Forms of "être" after which "ce" is elided ("c’est", "c’était"). */
const etreAfterCe = new Set(['est', 'était', 'étaient', 'eut', 'eût'])
const etreAfterCeEn = new Set(['est', 'était', 'sera', 'serait', 'fut'])
/**
 * Names read with a consonant sound although they begin with a vowel letter: ou + vowel
 * ("Ouagadougou", "Ouattara", "Ouest-France" is elided but left alone), i + vowel
 * ("Iouri", "Iekaterinbourg", "Iakoutie"), and names beginning with h (usage varies).
 */
const consonantSoundName = /^(?:[Hh]|O[uU][aeiouyéèêAEIOUYÉ]|I[aeouéèAEOU])/
/** Prefixes of loanwords where both "le e-sport" and "l’e-sport" are found. */
const eitherPrefix = /^e-/i
const hasDigit = /\d/
/** Elidable words that are also nouns after a determiner: "le je", "le la" (the note), "le si". */
const nounsAfterArticles = new Set(['le', 'la', 'je', 'si'])
/** Determiners that make the next word a noun: "le je", "le la", "un si". */
const articles = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'mon', 'ton', 'son',
  'ma', 'ta', 'sa', 'mes', 'tes', 'ses', 'notre', 'votre', 'nos', 'vos', 'leurs',
])

type Report = (reason: string, start: number, end: number, options: {expected: string[]; safe?: boolean}) => unknown

/**
 * The check of a word that is not letters only, for an elision before an aspirated h.
 * Apart from its two callers, so that the rarely taken call of the check reoptimises
 * this small function only.
 */
function checkApostropheWord(index: DocumentIndex, at: number, report: Report): void {
  if (apostropheBeforeH(index.tokens[at]!.value)) checkElisionBeforeHAspire(index, at, report)
}

/**
 * The check of a word that may be an elidable word, a preposition or a contracted
 * article, from the scan of its letters to the word after it. Apart from the loop over
 * tokens, so that V8 optimises that loop once: a rarely taken branch here reoptimises
 * this function only.
 */
function checkElidableWord(index: DocumentIndex, at: number, report: Report): void {
  const tokens = index.tokens
  const token = tokens[at]!
  // Letters only, and whether with a capital: one scan of the word.
  const shape = letterWordCase(token.value)
  if (shape === 0) {
    checkApostropheWord(index, at, report)
    return
  }
  // Only an elidable word, a preposition or a contracted article is looked at further.
  const lower = shape === 1 ? token.value : token.value.toLowerCase()
  const info = elisionInfo(lower)
  if (info === undefined && lower !== 'de' && lower !== 'à' && lower !== 'du' && lower !== 'au' && token.value !== 'A') return
  // "Le Monde", "La Haye", "De Niro": a capital inside a sentence belongs to a name.
  if (shape === 2 && !opensSentence(index, at) && !inCapitalsLine(index, at)) return
  const nextAt = nextWordIndex(tokens, at)
  if (nextAt === undefined) return
  // "A" for "À" at the start of a sentence only: "il a les moyens" has the verb.
  if (lower === 'de' || lower === 'à' || (token.value === 'A' && opensSentence(index, at))) {
    if (checkContraction(index, at, nextAt, report)) return
  }
  if (lower === 'du' || lower === 'au') {
    checkContractedArticle(index, at, nextAt, report)
    return
  }
  if (info !== undefined) checkElision(index, at, nextAt, lower, info, report)
}

export default defineRule(
  {id: 'elision', summary: 'Élision ou contraction manquante (« le accord », « que il », « de le »).', fix: 'mixed'},
  ({index, report}) => {
    const tokens = index.tokens
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word') continue
      // Most words are no elidable word, preposition or contracted article: told by their
      // length and first two letters, before the scan of their letters and the lookup.
      if (!mayElide(token.value)) {
        // A word with an apostrophe is never letters only: the same check as checkElidableWord's.
        checkApostropheWord(index, at, report)
        continue
      }
      checkElidableWord(index, at, report)
    }
  },
)

/**
 * The lengths and first two letters (case-folded: `& 31`, the same for a Latin-1 letter
 * in either case) of the words the loop looks at: the elidable words of elisions.tsv and
 * "de", "du", "au" ("à", "A" are shorter than two letters, always looked at). Undefined
 * when a word of the table is not ASCII (no shape test then).
 */
let elidableShapes: Uint8Array | undefined | null
let longestElidable = 0

function loadElidableShapes(): Uint8Array | null {
  const words = ['de', 'du', 'au']
  for (const line of loadList('elisions.tsv')) {
    const word = line.split('\t')[0]!
    if (word !== 'contraction') words.push(word)
  }
  let longest = 0
  for (const word of words) if (word.length > longest) longest = word.length
  if (words.some((word) => !/^[a-z]+$/.test(word))) return null
  const shapes = new Uint8Array((longest + 1) * 1024)
  for (const word of words) shapes[word.length * 1024 + (word.charCodeAt(0) & 31) * 32 + (word.charCodeAt(1) & 31)] = 1
  longestElidable = longest
  return shapes
}

/**
 * Whether the word may be one the loop looks at (false only when it is certainly not):
 * a word whose first two characters are Latin-1 lower-cases to a word of the same
 * length and the same first two letters folded by `& 31`.
 */
function mayElide(word: string): boolean {
  if (elidableShapes === undefined) elidableShapes = loadElidableShapes()
  if (elidableShapes === null) return true
  const length = word.length
  if (length < 2) return true
  if (length > longestElidable) return false
  const first = word.charCodeAt(0)
  const second = word.charCodeAt(1)
  if (first > 0xff || second > 0xff) return true
  return elidableShapes[length * 1024 + (first & 31) * 32 + (second & 31)] === 1
}

/**
 * Whether an apostrophe before an h ("l’hasard") ends one of the prefixes
 * checkElisionBeforeHAspire puts back ("l" or a key of `unelided`): its only words, as
 * their prefix is the text before the first apostrophe. Only those positions are read.
 */
function apostropheBeforeH(word: string): boolean {
  const length = word.length
  for (let at = 0; at < apostrophePositions.length; at++) {
    const position = apostrophePositions[at]!
    if (position + 1 >= length) return false
    const code = word.charCodeAt(position)
    if (code === 0x27 || code === 0x2019) {
      const next = word.charCodeAt(position + 1)
      if (next === 0x68 || next === 0x48) return true
    }
  }
  return false
}

/** "le accord", "que il", "de Ukraine": an elidable word before a vowel sound. */
function checkElision(index: DocumentIndex, at: number, nextAt: number, lower: string, info: ElisionInfo, report: Report): void {
  const tokens = index.tokens
  const word = tokens[at]!.value
  const next = tokens[nextAt]!.value
  // "de la", "que le", "de Paris": a word that begins with a consonant letter has no vowel
  // sound, and nothing below reports before one (capitalised or not, each branch asks
  // startsWithVowelSound, or a vowel letter for an acronym).
  if (beginsWithConsonant(next)) return
  if (hasDigit.test(next) || splitElision(next)) return
  // "le je", "le la", "le si": a determiner before makes the word a noun ("ce ne", "ce que" are pronouns).
  const previousAt = previousWordIndex(tokens, at)
  if (nounsAfterArticles.has(lower) && previousAt !== undefined && articles.has(tokens[previousAt]!.value.toLowerCase())) return

  if (hasCapital(next)) {
    if (lower === 'le' || lower === 'la') {
      if (!isElidableCapitalisedNoun(index, nextAt)) return
    } else if (!elidedBeforeNames.has(lower) || !isElidableName(index, at, next)) return
  } else {
    if (!startsWithVowelSound(next) || isElisionOptional(next) || eitherPrefix.test(next)) return
    if (!elidesBefore(index, lower, nextAt)) return
  }
  if (info.before === 'il' && !/^ils?$/i.test(next)) return
  if (Array.isArray(info.before) && !info.before.includes(next.toLowerCase())) return

  const elided = withCaseOf(word, info.elided.replace('’', houseApostrophe(index)))
  const nextSource = index.source.slice(tokens[nextAt]!.start, tokens[nextAt]!.end)
  const replacement = elided + nextSource
  const expected = [replacement]
  // "la courbe de admissions": "d’admissions" or a missing article, "des admissions".
  const plural = lower === 'de' && !hasCapital(next) && nounInfo(next)?.number === 'p'
  if (plural) expected.push(`${withCaseOf(word, 'des')} ${nextSource}`)
  report(`« ${word} ${next} » s’écrit avec élision : « ${replacement} ».`, tokens[at]!.start, tokens[nextAt]!.end, {expected, safe: !plural})
}

/** Whether the lower-case `next` is a French word before which `lower` is elided. */
function elidesBefore(index: DocumentIndex, lower: string, nextAt: number): boolean {
  const tokens = index.tokens
  const next = tokens[nextAt]!.value
  const nextLower = next.toLowerCase()
  const noun = nounInfo(next)
  const other = vowelWordInfo(next)
  if (!noun && !other) return false // not French, or not known: "se acabó", "te amo"
  const verb = (other?.verb ?? false) || (noun?.alsoVerb ?? false)
  switch (lower) {
    case 'le':
    case 'la':
      // "la une" of a newspaper, "le ou la", "le un" of a numeral: no noun, adjective or verb.
      if (nextLower === 'un' || nextLower === 'une') return false
      return noun !== undefined || verb || (other?.adjective ?? false)
    case 'je':
    case 'me':
    case 'te':
    case 'se':
      return verb || nextLower === 'en' || nextLower === 'y'
    case 'ne':
      // A "ne" with no negation after it is no negation: "Ne en 1982" is "Né en 1982".
      return (verb || nextLower === 'en' || nextLower === 'y') && (nextLower === 'importe' || negationFollows(index, nextAt))
    case 'ce': {
      if (etreAfterCe.has(nextLower)) return true
      // "c’en est fait", but "ce en quoi".
      const afterAt = nextWordIndex(tokens, nextAt)
      return nextLower === 'en' && afterAt !== undefined && etreAfterCeEn.has(tokens[afterAt]!.value)
    }
    case 'de': {
      // "autour de et à Cailly", "de à": a word is missing, the conjunction or preposition is not elided.
      if (nextLower === 'et' || nextLower === 'ou' || nextLower === 'à' || nextLower === 'au' || nextLower === 'aux') return false
      // "de un à trois ans", "sous le chiffre de un.": the numeral as a number.
      if (nextLower !== 'un' && nextLower !== 'une') return true
      const afterAt = nextWordIndex(tokens, nextAt)
      return afterAt !== undefined && !/^(?:à|ou|et)$/.test(tokens[afterAt]!.value)
    }
    default:
      return true
  }
}

/** Words that complete a negation begun by "ne". */
const negationWords = new Set(['pas', 'plus', 'jamais', 'rien', 'point', 'guère', 'aucun', 'aucune', 'personne', 'nul', 'nulle', 'ni', 'que', 'nullement', 'nulle part'])

/** Whether a negation word ("pas", "jamais", "que"…) follows in the sentence. */
function negationFollows(index: DocumentIndex, from: number): boolean {
  const tokens = index.tokens
  const sentence = index.sentences[tokens[from]!.sentence]
  if (!sentence) return false
  for (let at = from + 1; at < sentence.endToken; at++) {
    const token = tokens[at]!
    if (token.kind !== 'word') continue
    const lower = token.value.toLowerCase()
    if (negationWords.has(lower) || /^qu['’]/.test(lower)) return true
  }
  return false
}

/** "de Israël", "que Emmanuel": a name read with a vowel sound, not a name particle. */
function isElidableName(index: DocumentIndex, at: number, name: string): boolean {
  if (isAllCaps(name) || name[0] === name[0]!.toLowerCase()) return false
  // The sound first (a memo): most names begin with a consonant ("de Paris").
  if (consonantSoundName.test(name) || !startsWithVowelSound(name) || isElisionOptional(name)) return false
  // "du ministère de Affaires étrangères": a capitalised plural noun lacks its article.
  if (nounInfo(name)?.number === 'p') return false
  // "Ana de Armas", "Manoel de Oliveira", "J. de Oliveira": "de" is a name particle.
  const tokens = index.tokens
  const previousAt = previousWordIndex(tokens, at)
  if (previousAt !== undefined && hasCapital(tokens[previousAt]!.value)) return false
  const space = tokens[at - 1]
  const stop = tokens[at - 2]
  const initial = tokens[at - 3]
  if (space?.kind === 'whitespace' && stop?.value === '.' && initial?.kind === 'word' && /^\p{Lu}$/u.test(initial.value)) return false
  return true
}

/** A word in capitals, long enough not to be an acronym: "AUTORISATION", "LOTS". */
const capitalsWord = /^\p{Lu}{4,}$/u

/**
 * Whether the word at `at` sits in a line written in capitals ("RESPONSABLE DE LA
 * LIBERATION De les LOTS"): one of the next two words is in capitals, and so is the word
 * before (or the line starts there). A capital then says nothing of a name.
 */
function inCapitalsLine(index: DocumentIndex, at: number): boolean {
  const tokens = index.tokens
  const nextAt = nextWordIndex(tokens, at)
  const afterAt = nextAt === undefined ? undefined : nextWordIndex(tokens, nextAt)
  const ahead = [nextAt, afterAt].some((where) => where !== undefined && capitalsWord.test(tokens[where]!.value))
  if (!ahead) return false
  const previousAt = previousWordIndex(tokens, at)
  return previousAt !== undefined && /^\p{Lu}+$/u.test(tokens[previousAt]!.value)
}

/** An acronym that begins with a vowel letter: read as a word or letter by letter, its first sound is a vowel ("l’ONU", "l’EPAR"). */
const vowelAcronym = /^[AEIOU][A-Z0-9]+$/
/** An acronym with a second vowel, read as a word: "EPAR", "ONU", "OTAN". */
const readAsWord = /^[AEIOU][B-DF-HJ-NP-TV-XZ]*[AEIOUY][A-Z]*$/

/**
 * Whether "le"/"la" must be elided before a capitalised word: an acronym that begins with
 * A, E, I, O or U ("le EPAR" → "l’EPAR", "la ONU" → "l’ONU"; Y and H vary: "le HCR"), or
 * a common noun heading a name ("la Union" → "l’Union", "le Observatoire" →
 * "l’Observatoire"). Names the gazetteer knows are `proper-noun-article`'s; names read
 * with a consonant sound ("le Ouest-France", "la Iakoutie") are left alone.
 */
function isElidableCapitalisedNoun(index: DocumentIndex, nextAt: number): boolean {
  const tokens = index.tokens
  const next = tokens[nextAt]!.value
  // A word of a line in capitals ("LA AUTORISATION"): judged as the word it is.
  if (capitalsWord.test(next) && nounInfo(next.toLowerCase()) !== undefined && inCapitalsLine(index, nextAt - 2)) {
    const lower = next.toLowerCase()
    if (!startsWithVowelSound(lower) || isElisionOptional(lower) || nounInfo(lower)!.number === 'p') return false
  } else if (vowelAcronym.test(next)) {
    // Read as a word ("EPAR", "ONU") or known ("OMS", "UE"); "la ECW", read the English way, is left alone.
    if (next.length > 8 || next === 'OK' || !(readAsWord.test(next) || isKnownName(next))) return false
  } else {
    if (!/^\p{Lu}\p{Ll}+$/u.test(next) || consonantSoundName.test(next) || isElisionOptional(next) || !startsWithVowelSound(next)) return false
    const info = nounInfo(next)
    if (!info || info.number === 'p') return false
  }
  const words: string[] = []
  for (let at: number | undefined = nextAt; at !== undefined && words.length < 5; at = nextWordIndex(tokens, at)) words.push(tokens[at]!.value)
  return matchAt(words, 0) === undefined
}

/** Words that come before a noun and are never verbs: after them "le"/"les" is an article ("à le plus grand"). */
const beforeNounOnly = new Set([
  'plus', 'moins', 'mieux', 'autre', 'autres', 'premier', 'premiers', 'dernier', 'derniers', 'même', 'mêmes', 'seul',
  'seuls', 'nouveau', 'nouveaux', 'prochain', 'prochains', 'meilleur', 'meilleurs', 'deux', 'trois', 'quatre', 'cinq',
  'six', 'sept', 'huit', 'neuf', 'dix', 'vingt', 'cent', 'mille', 'uns', 'grand', 'grands', 'petit', 'petits', 'jeune',
  'jeunes', 'vieux', 'bon', 'bons', 'gros', 'haut', 'hauts', 'long', 'longs',
])

/**
 * Whether the word after "de le"/"à les" shows the article: a word of `beforeNounOnly`,
 * a number, or a capitalised name that no other rule owns (places and organisations of
 * the gazetteer are `place-preposition`'s and `proper-noun-article`'s: "de le Japon").
 */
function isArticleOnlyBefore(index: DocumentIndex, nounAt: number): boolean {
  const tokens = index.tokens
  const noun = tokens[nounAt]!.value
  if (beforeNounOnly.has(noun)) return true
  if (!hasCapital(noun) && !hasDigit.test(noun)) return false
  const words: string[] = []
  for (let at: number | undefined = nounAt; at !== undefined && words.length < 5; at = nextWordIndex(tokens, at)) words.push(tokens[at]!.value)
  return matchAt(words, 0) === undefined
}

/** "de le président" → "du président", "à les ministres" → "aux ministres". Returns whether it reported. */
function checkContraction(index: DocumentIndex, at: number, articleAt: number, report: Report): boolean {
  const tokens = index.tokens
  const article = tokens[articleAt]!.value
  if (article !== 'le' && article !== 'les') return false
  const nounAt = nextWordIndex(tokens, articleAt)
  if (nounAt === undefined) return false
  const noun = tokens[nounAt]!.value
  const preposition = tokens[at]!.value
  const contracted = contraction(preposition.toLowerCase() === 'a' ? 'à' : preposition.toLowerCase(), article)
  if (!contracted) return false
  // A name, a number or a word that only comes before a noun ("de le Gneisenau", "à le XXe",
  // "de les autres", "à le plus grand"): "le" and "les" can only be articles there.
  if (isArticleOnlyBefore(index, nounAt)) {
    if (article === 'le' && startsWithVowelSound(noun)) return false
    report(`« ${preposition} ${article} » se contracte en « ${contracted} » devant « ${noun} ».`, tokens[at]!.start, tokens[articleAt]!.end, {
      expected: [inCapitalsLine(index, at) ? contracted.toUpperCase() : withCaseOf(preposition, contracted)],
      safe: true,
    })
    return true
  }
  if (hasCapital(noun) || hasDigit.test(noun)) return false
  const info = nounInfo(noun)
  // After "de" and "à" only an infinitive can follow a pronoun "le"/"les" ("de le dire",
  // "à les voir"); a finite form cannot ("de le président" is "du président").
  if (!info || (info.alsoVerb && isNounInfinitive(noun))) return false
  let expected: string[]
  let safe = true
  if (article === 'le') {
    // Before a vowel sound the elision of "le" is flagged instead ("de l’accord").
    if (startsWithVowelSound(noun) || isElisionOptional(noun) || info.number === 'p') return false
    if (info.gender === 'f') return false // "de le ratification": determiner-agreement
    expected = [withCaseOf(preposition, contracted)]
    if (info.gender === 'both') {
      expected.push(withCaseOf(preposition, `${preposition.toLowerCase() === 'de' ? 'de' : 'à'} la`))
      safe = false
    }
  } else {
    if (info.number === 's') return false
    expected = [withCaseOf(preposition, contracted)]
  }
  report(
    `« ${preposition} ${article} » se contracte en « ${contracted} » devant « ${noun} ».`,
    tokens[at]!.start,
    tokens[articleAt]!.end,
    {expected, safe},
  )
  return true
}

/** "du amendement" → "de l’amendement", "au hôpital" → "à l’hôpital". */
function checkContractedArticle(index: DocumentIndex, at: number, nextAt: number, report: Report): void {
  const tokens = index.tokens
  const word = tokens[at]!.value
  const next = tokens[nextAt]!.value
  // A consonant letter first ("du président", "au cours"): no vowel sound, told by its code.
  if (beginsWithConsonant(next) || hasCapital(next) || hasDigit.test(next) || !startsWithVowelSound(next) || isElisionOptional(next) || eitherPrefix.test(next)) return
  const info = nounInfo(next)
  // "il a du aller": "du" misspelt for "dû" before a verb is another matter.
  if (!info || info.alsoVerb) return
  const previousAt = previousWordIndex(tokens, at)
  if (previousAt !== undefined && articles.has(tokens[previousAt]!.value.toLowerCase())) return
  const preposition = word.toLowerCase() === 'du' ? 'de' : 'à'
  const article = `${preposition} l${houseApostrophe(index)}`
  const replacement = withCaseOf(word, article) + index.source.slice(tokens[nextAt]!.start, tokens[nextAt]!.end)
  report(`« ${word} » devient « ${preposition} l’ » devant une voyelle : « ${replacement} ».`, tokens[at]!.start, tokens[nextAt]!.end, {
    expected: [replacement],
    safe: true,
  })
}

/** Elided forms put back before an aspirated h: "l’hasard" → "le hasard", "d’Hongrie" → "de Hongrie". */
const unelided: Record<string, string> = {d: 'de', qu: 'que', j: 'je', n: 'ne', m: 'me', t: 'te', jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque'}
/** The lengths of the prefixes checkElisionBeforeHAspire puts back ("l" or a key above), in order: where their apostrophe stands. */
const apostrophePositions: readonly number[] = [...new Set(['l', ...Object.keys(unelided)].map((prefix) => prefix.length))].sort((a, b) => a - b)

function checkElisionBeforeHAspire(index: DocumentIndex, at: number, report: Report): void {
  const token = index.tokens[at]!
  const parts = splitElision(token.value)
  if (!parts || !/^[hH]/.test(parts.stem)) return
  // The cheap refusals first: the h reading is several list lookups, asked anew each time.
  if (parts.prefix === 'l' ? hasCapital(parts.stem) : !unelided[parts.prefix]) return
  // A mute or optional h is a vowel sound (a memo, asked of most words already): "l’homme", "d’habitude".
  if (startsWithVowelSound(parts.stem) || !isHAspire(parts.stem)) return
  if (isAllCaps(parts.stem)) return
  let full: string[]
  let safe = true
  if (parts.prefix === 'l') {
    // ("l’Hongrie", a capital, was left above: the article of a name is proper-noun-article's.)
    const gender = nounInfo(parts.stem)?.gender
    full = gender === 'm' ? ['le'] : gender === 'f' ? ['la'] : ['le', 'la']
    safe = full.length === 1
  } else {
    const word = unelided[parts.prefix]
    if (!word) return
    full = [word]
  }
  const elided = parts.elided.slice(0, -1)
  const expected = full.map((word) => `${withCaseOf(elided, word)} ${parts.stem}`)
  report(`Pas d’élision devant le h aspiré de « ${parts.stem} » : « ${expected[0]} ».`, token.start, token.end, {expected, safe})
}
