/**
 * ## determiner-agreement
 *
 * Flags a determiner whose gender, or whose form before a vowel, does not fit the common
 * noun that follows: "Ce ratification" → "Cette ratification", "une accord" → "un
 * accord", "la projet" → "le projet", "de la président" → "du président", "ma amie" →
 * "mon amie", "son idée" stays, "ce accord" → "cet accord", "cet projet" → "ce projet",
 * "quelle accord" → "quel accord", "aucun raison" → "aucune raison". The fix changes the
 * determiner and keeps its case.
 *
 * The norm: the determiner takes the gender of its noun (Grevisse, *Le Bon Usage*,
 * §§ 586-627); before a vowel sound "ce" becomes "cet" and "ma", "ta", "sa" become
 * "mon", "ton", "son" (§ 609); not before an aspirated h ("ce héros", "sa hache").
 * "le" and "la" before a vowel are the `elision` rule's ("le accord" → "l’accord").
 *
 * Precision first, the noun must be unambiguous. No message when the next word:
 * - is not a common noun the lexicon (Lefff 3.4) knows, or is a proper noun, an acronym,
 *   a number (the article of a proper noun is `proper-noun-article`'s);
 * - may be of either gender: "un/une élève", "le/la tour", "la ministre", "le/la
 *   rouge", adjectives of both genders ("la vaste plaine");
 * - is an adjective whose noun, right after it, agrees with the determiner ("la vieux
 *   ville": the adjective is wrong, not the article);
 * - may be a verb after a pronoun "le", "la", "quel": "il la porte", "je le fais", "quel
 *   est" (a verb form after "de la", "à la", "par la", "il a la", or at the start of a
 *   sentence is a noun all the same: "de la président", "La mesure a été prise"); or is
 *   also an infinitive or a present participle, after any determiner ("de le dire", "il a
 *   du partir", "ce faisant");
 * - is plural only ("le accords": which of the two is wrong?);
 * - is a word after which the noun comes later: "ce même jour", "un des", "le plus",
 *   "la plupart" of course agree;
 * nor when the determiner is itself a noun ("le son", "le ton", "le la") or part of a
 * name ("La Croix", "Le Monde": a capital inside a sentence).
 *
 * When a noun of the other gender differs only by its ending ("la patient": "le patient"
 * or "la patiente"? "le droite de grève": "la droite" or "le droit"?), the mistake may be
 * in the noun: the message covers both words and offers both readings as suggestions.
 * A noun before an English head is a modifier and is not judged ("de la rock star").
 *
 * Number too: a plural determiner before a noun that is only singular ("les commune",
 * "ses projet", "un des projet"), or a singular one before a noun that is only plural
 * ("la valeurs", "quelle mesures"). Which word is wrong cannot be known: the message covers
 * both and offers the determiner's fix first, then the noun's ("la commune" or "les
 * communes"), as suggestions. Nouns of both numbers ("les prix", "ce pays"), a pronoun
 * before a verb ("il les date"), coordinated words ("aux première et deuxième
 * conférences", "les samedi 15 et dimanche 16") and a word before a plural noun ("des bio
 * marqueurs") are left alone. An indefinite article inside an elided token is judged
 * like the others ("d’une diamètre" → "d’un diamètre"), and "quel" agrees with the
 * subject after "être" ("Quel est cette idée ?" → "Quelle est cette idée ?").
 *
 * Fix: safe, or suggestions in the cases above.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Cet homme a vu ce hibou dans ce hangar, cette année, et ces accords.
 *   Un élève et une élève ; la ministre et le tour ; la livre sterling.
 *   Il la porte, je le fais, on le sait ; ce même jour, ce dernier ; un des soldats.
 *   Son amie, son idée, sa hache et mon ancienne école ; le plus souvent, la plupart.
 *   Le son de sa voix et le ton du Monde ; La Croix et Le Figaro ; la une.
 *   Quelle est la question ? Quel accord ? Aucune raison.
 *
 * @example
 *   {"name": "ok-2.md"}
 *
 *   # L’accord du siècle
 *
 *   Ce héros, cet hôpital, cette hausse et ces accords ; la ministre et son ministre.
 *   Ta haine, sa honte, mon histoire, ton idée ; la mort de la rock star.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Ce ratification a été signée par la président de la projet.
 *   Une accord et ma amie ; ce accord et cet projet ; quelle accord ?
 *   Il parle de la gouvernement et de le ratification, aucun raison.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:1-1:3 "Ce" → "Cette" [safe]: « ratification » est féminin : « Cette ratification ».
 *   1:34-1:46 "la président" → "le président" | "la présidente" [suggestion]: « président » est masculin : « le président » ou « la présidente » ?
 *   1:47-1:52 "de la" → "du" [safe]: « projet » est masculin : « du projet ».
 *   2:1-2:4 "Une" → "Un" [safe]: « accord » est masculin : « Un accord ».
 *   2:15-2:17 "ma" → "mon" [safe]: Devant une voyelle ou un h muet, « ma » devient « mon » : « mon amie ».
 *   2:25-2:27 "ce" → "cet" [safe]: Devant une voyelle ou un h muet, « ce » devient « cet » : « cet accord ».
 *   2:38-2:41 "cet" → "ce" [safe]: « cet » ne s’emploie que devant une voyelle ou un h muet : « ce projet ».
 *   2:51-2:57 "quelle" → "quel" [safe]: « accord » est masculin : « quel accord ».
 *   3:10-3:15 "de la" → "du" [safe]: « gouvernement » est masculin : « du gouvernement ».
 *   3:35-3:37 "le" → "la" [safe]: « ratification » est féminin : « la ratification ».
 *   3:52-3:57 "aucun" → "aucune" [safe]: « raison » est féminin : « aucune raison ».
 *
 * @example
 *   {"name": "not-ok-2.md", "label": "input"}
 *
 *   # Une histoire d’eau
 *
 *   Ta idée et sa histoire ; cet hibou ; du frontière au frontière ; mon ville.
 *
 * @example
 *   {"name": "not-ok-2.md", "label": "output"}
 *
 *   3:1-3:3 "Ta" → "Ton" [safe]: Devant une voyelle ou un h muet, « ta » devient « ton » : « Ton idée ».
 *   3:12-3:14 "sa" → "son" [safe]: Devant une voyelle ou un h muet, « sa » devient « son » : « son histoire ».
 *   3:26-3:29 "cet" → "ce" [safe]: « cet » ne s’emploie que devant une voyelle ou un h muet : « ce hibou ».
 *   3:38-3:40 "du" → "de la" [safe]: « frontière » est féminin : « de la frontière ».
 *   3:51-3:53 "au" → "à la" [safe]: « frontière » est féminin : « à la frontière ».
 *   3:66-3:69 "mon" → "ma" [safe]: « ville » est féminin : « ma ville ».
 *
 * @example
 *   {"name": "not-ok-2.md", "label": "fixed"}
 *
 *   # Une histoire d’eau
 *
 *   Ton idée et son histoire ; ce hibou ; de la frontière à la frontière ; ma ville.
 *
 * @example
 *   {"name": "ok-3.txt"}
 *
 *   Les prix et ce pays ; il les date ; aux première et deuxième places ; les samedi 4 et dimanche 5.
 *   Des bio carburants ; des pro et des anti ; vingt et un ans ; d’un avion et qu’une maison.
 *   Quelle est cette idée ? Quels sont les enjeux ? Quel est l’avenir du port ? Quel est le prix ?
 *   La vieux ville (l’adjectif, pas l’article).
 *
 * @example
 *   {"name": "not-ok-3.txt", "label": "input"}
 *
 *   Dans les commune du littoral, la valeurs des terrains monte, selon un des rapport.
 *   Ses projet et quelle mesures ; un objet d’une diamètre de trois mètres.
 *   Quel est cette idée ? Quelle sont les enjeux ? Quelles est l’avenir du port ?
 *
 * @example
 *   {"name": "not-ok-3.txt", "label": "output"}
 *
 *   1:6-1:17 "les commune" → "la commune" | "les communes" [suggestion]: « commune » est au singulier et « les » ne l’est pas : « la commune » ou « les communes » ?
 *   1:31-1:41 "la valeurs" → "les valeurs" | "la valeur" [suggestion]: « valeurs » est au pluriel et « la » ne l’est pas : « les valeurs » ou « la valeur » ?
 *   1:71-1:82 "des rapport" → "des rapports" [suggestion]: « rapport » est au singulier et « des » ne l’est pas : « des rapports » ?
 *   2:1-2:11 "Ses projet" → "Son projet" | "Ses projets" [suggestion]: « projet » est au singulier et « Ses » ne l’est pas : « Son projet » ou « Ses projets » ?
 *   2:15-2:29 "quelle mesures" → "quelles mesures" | "quelle mesure" [suggestion]: « mesures » est au pluriel et « quelle » ne l’est pas : « quelles mesures » ou « quelle mesure » ?
 *   2:43-2:46 "une" → "un" [safe]: « diamètre » est masculin : « d’un diamètre ».
 *   3:1-3:5 "Quel" → "Quelle" [safe]: « idée » est féminin : « Quelle est cette idée ».
 *   3:23-3:29 "Quelle" → "Quels" [safe]: « enjeux » est masculin pluriel : « Quels sont les enjeux ».
 *   3:48-3:55 "Quelles" → "Quel" [safe]: « avenir » est masculin : « Quel est l’avenir ».
 *
 * @example
 *   {"name": "not-ok-3.txt", "label": "fixed"}
 *
 *   Dans les commune du littoral, la valeurs des terrains monte, selon un des rapport.
 *   Ses projet et quelle mesures ; un objet d’un diamètre de trois mètres.
 *   Quelle est cette idée ? Quels sont les enjeux ? Quel est l’avenir du port ?
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Cette ratification a été signée par la président du projet.
 *   Un accord et mon amie ; cet accord et ce projet ; quel accord ?
 *   Il parle du gouvernement et de la ratification, aucune raison.
 */
import {isElisionOptional, nounInfo, startsWithVowelSound, type NounInfo} from '../src/lexicon/nouns.js'
import {isNounInfinitive} from '../src/lexicon/lefff-words.js'
import {splitElision} from '../src/parse/elision.js'
import {defineRule} from '../src/rules/kit.js'
import {hasCapital, isAllCaps, nextWordIndex, opensSentence, previousWordIndex, withCaseOf} from '../src/rules/word-pairs.js'
import type {DocumentIndex} from '../src/parse/document.js'

type Family = 'demonstrative' | 'definite' | 'indefinite' | 'possessive' | 'contracted-de' | 'contracted-à' | 'interrogative' | 'negative'

interface Determiner {
  readonly family: Family
  /**
   * Whether the word may be a pronoun before a finite verb, so that a noun that is also a
   * verb form is not judged ("il la porte", "quel est"): only "le", "la", "quel(s)",
   * "quelle(s)". After the others a verb form is a noun ("une porte", "ce mesure"),
   * except an infinitive or a participle ("il a du partir", "ce faisant").
   */
  readonly pronoun: boolean
}

const determiners: ReadonlyMap<string, Determiner> = new Map<string, Determiner>([
  ['ce', {family: 'demonstrative', pronoun: false}],
  ['cet', {family: 'demonstrative', pronoun: false}],
  ['cette', {family: 'demonstrative', pronoun: false}],
  ['le', {family: 'definite', pronoun: true}],
  ['la', {family: 'definite', pronoun: true}],
  ['un', {family: 'indefinite', pronoun: false}],
  ['une', {family: 'indefinite', pronoun: false}],
  ['mon', {family: 'possessive', pronoun: false}],
  ['ma', {family: 'possessive', pronoun: false}],
  ['ton', {family: 'possessive', pronoun: false}],
  ['ta', {family: 'possessive', pronoun: false}],
  ['son', {family: 'possessive', pronoun: false}],
  ['sa', {family: 'possessive', pronoun: false}],
  ['du', {family: 'contracted-de', pronoun: false}],
  ['au', {family: 'contracted-à', pronoun: false}],
  ['quel', {family: 'interrogative', pronoun: true}],
  ['quelle', {family: 'interrogative', pronoun: true}],
  ['quels', {family: 'interrogative', pronoun: true}],
  ['quelles', {family: 'interrogative', pronoun: true}],
  ['aucun', {family: 'negative', pronoun: false}],
  ['aucune', {family: 'negative', pronoun: false}],
])

/** Verb forms that follow the pronoun "ce" ("ce doit être", "ce fut"): never judged after "ce". */
const verbsAfterCe = new Set(['est', 'sont', 'fut', 'fût', 'furent', 'soit', 'sera', 'serait', 'seront', 'doit', 'devait', 'devrait', 'peut', 'pouvait', 'pourrait', 'semble', 'semblait'])
/** Auxiliaries and copulas: after them "le"/"la" is an article ("il a la charge", "c’est la place"). */
const auxiliaries = new Set([
  'a', 'ai', 'as', 'avons', 'avez', 'ont', 'avait', 'avaient', 'aura', 'aurait', 'eu', 'est', 'sont', 'était',
  'étaient', 'sera', 'serait', 'été', 'être', 'avoir', "c'est", 'c’est', "c'était", 'c’était', "n'est", 'n’est', "n'a", 'n’a',
])

/** Determiners after which the determiner itself is a noun: "le son", "un ton", "le la". */
const articles = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'mon', 'ton', 'son',
  'ma', 'ta', 'sa', 'mes', 'tes', 'ses', 'notre', 'votre', 'nos', 'vos', 'leurs', 'leur',
])
/**
 * Prepositions after which "le"/"la" cannot be a pronoun before a finite verb ("de la
 * président" is no "ils la président"); an infinitive or a present participle still can
 * ("de la voir", "en la voyant"), so those endings stay ambiguous.
 */
const prepositions = new Set([
  'de', 'à', 'par', 'sur', 'dans', 'avec', 'pour', 'sans', 'vers', 'chez', 'entre', 'contre', 'selon',
  'après', 'avant', 'devant', 'derrière', 'sous', 'depuis', 'pendant', 'malgré', 'parmi', 'envers',
])
/** The numbers before "et un": "vingt et un", where "un" stays invariable in some uses ("page vingt et un"). */
const tens = /^(?:vingt|trente|quarante|cinquante|soixante)$/i
const hasDigit = /\d/
const letters = /^\p{L}+$/u

/**
 * The plural of each singular determiner: "la valeurs" → "les valeurs". Maps, not objects:
 * a word of the text is the key ("constructor" found Object's own), and a Map lookup does
 * not intern every word looked up.
 */
const pluralDeterminers: ReadonlyMap<string, string> = new Map(Object.entries({
  le: 'les', la: 'les', un: 'des', une: 'des', ce: 'ces', cet: 'ces', cette: 'ces', mon: 'mes', ma: 'mes', ton: 'tes',
  ta: 'tes', son: 'ses', sa: 'ses', notre: 'nos', votre: 'vos', leur: 'leurs', du: 'des', au: 'aux', quel: 'quels', quelle: 'quelles',
}))
/**
 * The singular of each plural determiner, masculine and feminine, and before a vowel
 * sound: "les commune" → "la commune". "des" has none: it may be "de les" ("la fin des
 * guerre": "de la guerre") or an indefinite ("des guerre": "une guerre"), so only the
 * plural noun is offered after it.
 */
const singularDeterminers: ReadonlyMap<string, readonly [masculine: string, feminine: string, beforeVowel: string]> = new Map(Object.entries({
  les: ['le', 'la', 'l’'], ces: ['ce', 'cette', 'cet'], mes: ['mon', 'ma', 'mon'], tes: ['ton', 'ta', 'ton'],
  ses: ['son', 'sa', 'son'], nos: ['notre', 'notre', 'notre'], vos: ['votre', 'votre', 'votre'], leurs: ['leur', 'leur', 'leur'],
  aux: ['au', 'à la', 'à l’'], quels: ['quel', 'quelle', 'quel'], quelles: ['quel', 'quelle', 'quel'], des: ['', '', ''],
} as Record<string, readonly [string, string, string]>))
const weekDays = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'])
/** Determiners that are also object pronouns before a verb: "il les date", "je le fais", "il leur parle". */
const pronounDeterminers = new Set(['le', 'la', 'les', 'leur'])

/** Regular plurals and singulars of nouns: "commune" / "communes", "journal" / "journaux", "bureau" / "bureaux". */
const numberEndings: ReadonlyArray<readonly [singular: string, plural: string]> = [['al', 'aux'], ['eau', 'eaux'], ['eu', 'eux'], ['', 's'], ['', 'x']]

/** The noun in the other number, when the lexicon knows it: "commune" → "communes", "valeurs" → "valeur". */
function otherNumberNoun(noun: string, wanted: 's' | 'p', gender: NounInfo['gender']): string | undefined {
  for (const [singular, plural] of numberEndings) {
    const [from, to] = wanted === 'p' ? [singular, plural] : [plural, singular]
    if (!noun.endsWith(from) || noun.length <= from.length + 1) continue
    const candidate = noun.slice(0, noun.length - from.length) + to
    const info = nounInfo(candidate)
    if (info && info.number === wanted && (info.gender === gender || info.gender === 'both' || gender === 'both')) return candidate
  }
  return undefined
}

/**
 * A determiner whose number does not fit its noun: "les commune", "la valeurs", "ses
 * projet", "quelle mesures". Which of the two words is wrong cannot be known, so both
 * readings are offered as suggestions, the determiner's first. Nouns of both numbers
 * ("les prix", "ce pays") and nouns that may be verbs after a pronoun ("il les date")
 * are not judged.
 */
function checkNumber(index: DocumentIndex, at: number, nextAt: number, previous: string | undefined, report: Report): void {
  const tokens = index.tokens
  const written = tokens[at]!.value
  const lower = written.toLowerCase()
  const noun = tokens[nextAt]!.value
  const info = nounInfo(noun)
  if (!info || info.number === 'both') return
  const plural = pluralDeterminers.get(lower)
  const singular = singularDeterminers.get(lower)
  if (info.number === 'p' ? plural === undefined : singular === undefined) return
  if (info.alsoVerb && (isNounInfinitive(noun) || (pronounDeterminers.has(lower) && !afterPrepositionOrAuxiliary(index, at, previous)))) return
  // "vingt et un ans": "un" is the number there.
  if (lower === 'un') return
  if (headNounFollows(index, nextAt)) return
  // "des pro et des anti", "les samedi 15 et dimanche 16": short words and days stay singular there.
  if (info.number === 's' && (noun.length <= 3 || weekDays.has(noun) || nounOrAdjectiveSharesPlural(index, nextAt, info))) return
  const expected: string[] = []
  const between = index.source.slice(tokens[at]!.end, tokens[nextAt]!.start)
  if (info.number === 'p') {
    expected.push(`${withCaseOf(written, plural!)}${between}${noun}`)
  } else if (singular![0] !== '') {
    const vowel = startsWithVowelSound(noun) && !isElisionOptional(noun)
    const forms = vowel ? [singular![2]] : info.gender === 'both' ? [singular![0], singular![1]] : [singular![info.gender === 'f' ? 1 : 0]]
    for (const form of new Set(forms)) expected.push(form.endsWith('’') ? `${withCaseOf(written, form)}${noun}` : `${withCaseOf(written, form)}${between}${noun}`)
  }
  const other = otherNumberNoun(noun, info.number === 'p' ? 's' : 'p', info.gender)
  if (other !== undefined) expected.push(`${written}${between}${other}`)
  if (expected.length === 0) return
  const number = info.number === 'p' ? 'au pluriel' : 'au singulier'
  report(`« ${noun} » est ${number} et « ${written} » ne l’est pas : ${expected.map((text) => `« ${text} »`).join(' ou ')} ?`, tokens[at]!.start, tokens[nextAt]!.end, {
    expected,
    safe: false,
  })
}

/**
 * "d’une diamètre", "qu’un maison": an indefinite article inside an elided token. Only its
 * gender is judged (the stem is replaced, the elided word kept).
 */
function checkElidedIndefinite(index: DocumentIndex, at: number, report: Report): void {
  const tokens = index.tokens
  const elision = splitElision(tokens[at]!.value)
  if (!elision || (elision.stem !== 'un' && elision.stem !== 'une')) return
  const nextAt = nextWordIndex(tokens, at)
  if (nextAt === undefined) return
  const noun = tokens[nextAt]!.value
  if (!letters.test(noun.replace(/-/g, '')) || hasCapital(noun)) return
  const info = nounInfo(noun)
  if (!info || info.gender === 'both' || info.number === 'p' || isNounInfinitive(noun) || headNounFollows(index, nextAt)) return
  const expected = info.gender === 'f' ? 'une' : 'un'
  if (expected === elision.stem) return
  const start = tokens[at]!.end - elision.stem.length
  const gender = info.gender === 'f' ? 'féminin' : 'masculin'
  const other = otherGenderNoun(noun, info.gender)
  if (other === undefined) {
    report(`« ${noun} » est ${gender} : « ${elision.elided}${expected} ${noun} ».`, start, tokens[at]!.end, {expected: [expected], safe: true})
    return
  }
  const between = index.source.slice(tokens[at]!.end, tokens[nextAt]!.start)
  const readings = [`${expected}${between}${noun}`, `${elision.stem}${between}${other}`]
  report(`« ${noun} » est ${gender} : « ${elision.elided}${readings[0]} » ou « ${elision.elided}${readings[1]} » ?`, start, tokens[nextAt]!.end, {
    expected: readings,
    safe: false,
  })
}

/**
 * Whether a singular word after a plural determiner is the first part of a plural: an
 * adjective coordinated with another ("aux première et deuxième conférences") or a prefix
 * written apart from its plural noun ("des bio marqueurs").
 */
function nounOrAdjectiveSharesPlural(index: DocumentIndex, nounAt: number, info: NounInfo): boolean {
  const afterAt = nextWordIndex(index.tokens, nounAt)
  if (afterAt === undefined) return false
  const after = index.tokens[afterAt]!.value.toLowerCase()
  if (info.alsoAdjective && (after === 'et' || after === 'ou')) return true
  return nounInfo(after)?.number === 'p'
}

const masculineDeterminers = new Set(['le', 'un', 'ce', 'cet', 'du', 'au', 'quel', 'aucun'])
const feminineDeterminers = new Set(['la', 'une', 'cette', 'ma', 'ta', 'sa', 'quelle', 'aucune'])

/**
 * "la vieux ville": the determiner agrees with the noun after the adjective; the adjective
 * is what disagrees, and turning "la" into "le" would be wrong. No message then.
 */
function agreesWithNounAfter(index: DocumentIndex, adjectiveAt: number, determiner: string): boolean {
  const nounAt = nextWordIndex(index.tokens, adjectiveAt)
  if (nounAt === undefined) return false
  const noun = index.tokens[nounAt]!.value
  if (hasCapital(noun)) return false
  const info = nounInfo(noun)
  if (!info || info.gender === 'both') return false
  return info.gender === 'f' ? feminineDeterminers.has(determiner) : masculineDeterminers.has(determiner)
}

/** Forms of "être" between an interrogative and its subject: "Quelle est la question ?". */
const copulas = new Set(['est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'seraient', 'fut', 'furent'])
/** Determiners whose number is known, before the subject of "quel est …". */
const pluralSubjectDeterminers = new Set(['les', 'ces', 'mes', 'tes', 'ses', 'nos', 'vos', 'leurs', 'des'])
const singularSubjectDeterminers = new Set(['le', 'la', 'ce', 'cet', 'cette', 'mon', 'ma', 'ton', 'ta', 'son', 'sa', 'notre', 'votre', 'leur', 'un', 'une'])

/**
 * "Quel est cette idée ?" → "Quelle est cette idée ?": "quel" agrees with the subject after
 * "être" (a determiner then a noun, or "l’" and a noun), in gender and number.
 */
function checkInterrogativeBeforeCopula(index: DocumentIndex, at: number, report: Report): void {
  const tokens = index.tokens
  const written = tokens[at]!.value
  const copulaAt = nextWordIndex(tokens, at)
  if (copulaAt === undefined || !copulas.has(tokens[copulaAt]!.value.toLowerCase())) return
  const subjectAt = nextWordIndex(tokens, copulaAt)
  if (subjectAt === undefined) return
  const subject = tokens[subjectAt]!.value
  let noun: string
  let plural: boolean
  let end = tokens[subjectAt]!.end
  const elision = splitElision(subject)
  if (elision?.prefix === 'l') {
    noun = elision.stem
    plural = false
  } else {
    const determiner = subject.toLowerCase()
    if (!pluralSubjectDeterminers.has(determiner) && !singularSubjectDeterminers.has(determiner)) return
    const nounAt = nextWordIndex(tokens, subjectAt)
    if (nounAt === undefined) return
    noun = tokens[nounAt]!.value
    end = tokens[nounAt]!.end
    plural = pluralSubjectDeterminers.has(determiner)
  }
  if (!letters.test(noun) || hasCapital(noun)) return
  const info = nounInfo(noun)
  if (!info || info.gender === 'both' || (info.number !== 'both' && (info.number === 'p') !== plural)) return
  const expected = withCaseOf(written, 'quel' + (info.gender === 'f' ? 'le' : '') + (plural ? 's' : ''))
  if (expected === written) return
  const gender = info.gender === 'f' ? 'féminin' : 'masculin'
  const phrase = expected + index.source.slice(tokens[at]!.end, end)
  report(`« ${noun} » est ${gender}${plural ? ' pluriel' : ''} : « ${phrase} ».`, tokens[at]!.start, tokens[at]!.end, {
    expected: [expected],
    safe: true,
  })
}

/** Whether "le", "la", "les" follows a preposition or an auxiliary, or opens the sentence: an article then, not a pronoun. */
function afterPrepositionOrAuxiliary(index: DocumentIndex, at: number, previous: string | undefined): boolean {
  if (opensSentence(index, at)) return true
  return previous !== undefined && (prepositions.has(previous) || auxiliaries.has(previous))
}

export default defineRule(
  {id: 'determiner-agreement', summary: 'Déterminant qui ne s’accorde pas avec le nom (« Ce ratification »).', fix: 'mixed'},
  ({index, report}) => {
    const tokens = index.tokens
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word') continue
      const lower = token.value.toLowerCase()
      if (lower.startsWith('quel')) checkInterrogativeBeforeCopula(index, at, report)
      const determiner = determiners.get(lower)
      if (!determiner && !singularDeterminers.has(lower)) {
        if (lower.startsWith('d') || lower.startsWith('q')) checkElidedIndefinite(index, at, report)
        continue
      }
      if (isAllCaps(token.value) || (hasCapital(token.value) && !opensSentence(index, at))) continue
      const nextAt = nextWordIndex(tokens, at)
      if (nextAt === undefined) continue
      const noun = tokens[nextAt]!.value
      if (!letters.test(noun.replace(/-/g, '')) || hasCapital(noun) || hasDigit.test(noun)) continue
      const previousAt = previousWordIndex(tokens, at)
      const previous = previousAt === undefined ? undefined : tokens[previousAt]!.value.toLowerCase()
      // "un des projet": the article before "des" is the pronoun "un", and the noun is still plural.
      if (previous !== undefined && articles.has(previous) && !(lower === 'des' && (previous === 'un' || previous === 'une'))) continue
      checkNumber(index, at, nextAt, previous, report)
      if (!determiner) continue
      const info = nounInfo(noun)
      if (!info || info.gender === 'both' || info.number === 'p') continue
      if (info.alsoVerb && verbReadingPossible(index, at, determiner, previous, noun)) continue
      if (lower === 'un' && previous === 'et' && previousAt !== undefined && tens.test(wordBefore(index, previousAt) ?? '')) continue
      if (headNounFollows(index, nextAt)) continue
      if (info.alsoAdjective && agreesWithNounAfter(index, nextAt, lower)) continue
      checkPair(index, at, nextAt, determiner, info, report)
    }
  },
)

/**
 * Whether the noun, which is also a verb form, may be a verb here: after a pronoun "le",
 * "la" ("il la porte") or "quel" ("quel est"), unless a preposition, an auxiliary or the
 * start of the sentence comes before the article ("de la président", "il a la charge",
 * "La mesure a été adoptée"); an infinitive or participle ending always may ("de le
 * faire", "en la voyant", "il a du partir").
 */
function verbReadingPossible(index: DocumentIndex, at: number, determiner: Determiner, previous: string | undefined, noun: string): boolean {
  if (isNounInfinitive(noun)) return true
  const lower = index.tokens[at]!.value.toLowerCase()
  if (lower === 'ce') return verbsAfterCe.has(noun)
  if (!determiner.pronoun) return false
  if (lower !== 'le' && lower !== 'la') return true
  return !afterPrepositionOrAuxiliary(index, at, previous)
}

/**
 * English heads of compounds written in English order ("la rock star", "le fast food"):
 * the noun before them is a modifier, not the head the determiner agrees with.
 */
const englishHeads = new Set(['star', 'stars', 'show', 'shows', 'party', 'food', 'music', 'band', 'story', 'business', 'station', 'team', 'girl', 'boy'])

/** Whether the word after the noun is an English head ("de la rock star"). */
function headNounFollows(index: DocumentIndex, nounAt: number): boolean {
  const afterAt = nextWordIndex(index.tokens, nounAt)
  return afterAt !== undefined && englishHeads.has(index.tokens[afterAt]!.value.toLowerCase())
}

/** Words of the other gender that differ from `noun` by their ending: "patient" / "patiente", "droite" / "droit". */
const genderEndings: ReadonlyArray<readonly [string, string]> = [
  ['e', ''], ['', 'e'], ['eur', 'euse'], ['euse', 'eur'], ['eur', 'rice'], ['rice', 'eur'], ['ien', 'ienne'],
  ['ienne', 'ien'], ['on', 'onne'], ['onne', 'on'], ['er', 'ère'], ['ère', 'er'], ['f', 've'], ['ve', 'f'],
]

/**
 * The noun of the other gender that the writer may have meant ("la patient": "le patient"
 * or "la patiente"; "le droite de grève": "le droit"), or undefined.
 */
function otherGenderNoun(noun: string, gender: 'm' | 'f'): string | undefined {
  for (const [ending, replacement] of genderEndings) {
    if (!noun.endsWith(ending) || noun.length <= ending.length + 2) continue
    const candidate = noun.slice(0, noun.length - ending.length) + replacement
    const info = nounInfo(candidate)
    if (info && info.gender !== gender && info.number !== 'p') return candidate
  }
  return undefined
}

function wordBefore(index: DocumentIndex, at: number): string | undefined {
  const previousAt = previousWordIndex(index.tokens, at)
  return previousAt === undefined ? undefined : index.tokens[previousAt]!.value
}

type Report = (reason: string, start: number, end: number, options: {expected: string[]; safe?: boolean}) => unknown

function checkPair(index: DocumentIndex, at: number, nextAt: number, determiner: Determiner, info: NounInfo, report: Report): void {
  const tokens = index.tokens
  const written = tokens[at]!.value
  const lower = written.toLowerCase()
  const noun = tokens[nextAt]!.value
  const feminine = info.gender === 'f'
  const vowelSensitive = determiner.family === 'demonstrative' || determiner.family === 'possessive' || determiner.family === 'definite' || determiner.family.startsWith('contracted')
  // "la hyène" / "l’hyène", "ce hanfu": the form before an uncertain initial is not judged.
  if (vowelSensitive && isElisionOptional(noun)) return
  const vowel = startsWithVowelSound(noun)
  const gender = feminine ? 'féminin' : 'masculin'
  let expected: string
  let reason: string
  switch (determiner.family) {
    case 'demonstrative':
      expected = feminine ? 'cette' : vowel ? 'cet' : 'ce'
      reason =
        lower === 'cet' && !feminine
          ? `« cet » ne s’emploie que devant une voyelle ou un h muet : « ${withCaseOf(written, expected)} ${noun} ».`
          : lower === 'ce' && !feminine
            ? `Devant une voyelle ou un h muet, « ce » devient « cet » : « ${withCaseOf(written, expected)} ${noun} ».`
            : `« ${noun} » est ${gender} : « ${withCaseOf(written, expected)} ${noun} ».`
      break
    case 'definite': {
      if (vowel) return // "le accord": elision
      expected = feminine ? 'la' : 'le'
      // "de la président" → "du président", "à la projet" → "au projet".
      const previousAt = previousWordIndex(tokens, at)
      const preposition = previousAt === undefined ? undefined : tokens[previousAt]!.value
      if (!feminine && lower === 'la' && (preposition === 'de' || preposition === 'à' || preposition === 'De' || preposition === 'À')) {
        const contracted = withCaseOf(preposition, preposition.toLowerCase() === 'de' ? 'du' : 'au')
        reportGender(index, previousAt!, at, nextAt, contracted, info, report)
        return
      }
      reason = `« ${noun} » est ${gender} : « ${withCaseOf(written, expected)} ${noun} ».`
      break
    }
    case 'indefinite':
      expected = feminine ? 'une' : 'un'
      reason = `« ${noun} » est ${gender} : « ${withCaseOf(written, expected)} ${noun} ».`
      break
    case 'possessive': {
      const person = lower[0]!
      expected = feminine && !vowel ? `${person}a` : `${person}on`
      reason =
        feminine && vowel
          ? `Devant une voyelle ou un h muet, « ${lower} » devient « ${expected} » : « ${withCaseOf(written, expected)} ${noun} ».`
          : `« ${noun} » est ${gender} : « ${withCaseOf(written, expected)} ${noun} ».`
      break
    }
    case 'contracted-de':
    case 'contracted-à':
      if (vowel) return // "du accord": elision
      expected = determiner.family === 'contracted-de' ? (feminine ? 'de la' : 'du') : feminine ? 'à la' : 'au'
      reason = `« ${noun} » est ${gender} : « ${withCaseOf(written, expected)} ${noun} ».`
      break
    case 'interrogative':
      expected = 'quel' + (feminine ? 'le' : '') + (lower.endsWith('s') ? 's' : '')
      reason = `« ${noun} » est ${gender} : « ${withCaseOf(written, expected)} ${noun} ».`
      break
    case 'negative':
      expected = feminine ? 'aucune' : 'aucun'
      reason = `« ${noun} » est ${gender} : « ${withCaseOf(written, expected)} ${noun} ».`
      break
  }
  if (expected === lower) return
  // A gender mismatch may be a misspelt noun ("la patient" for "la patiente"): both fixes, as suggestions.
  const formOnly = (feminine && vowel && determiner.family === 'possessive') || (!feminine && determiner.family === 'demonstrative' && lower !== 'cette')
  if (!formOnly) {
    reportGender(index, at, at, nextAt, withCaseOf(written, expected), info, report)
    return
  }
  report(reason, tokens[at]!.start, tokens[at]!.end, {expected: [withCaseOf(written, expected)], safe: true})
}

/**
 * Reports the determiner tokens [first, last] to be replaced by `replacement` before the
 * noun at `nounAt`; when a noun of the other gender is close ("patient" / "patiente"),
 * the message covers the noun too and offers both readings, as suggestions.
 */
function reportGender(index: DocumentIndex, first: number, last: number, nounAt: number, replacement: string, info: NounInfo, report: Report): void {
  const tokens = index.tokens
  const noun = tokens[nounAt]!.value
  const gender = info.gender === 'f' ? 'féminin' : 'masculin'
  const written = index.source.slice(tokens[first]!.start, tokens[last]!.end)
  const other = otherGenderNoun(noun, info.gender === 'f' ? 'f' : 'm')
  if (other === undefined) {
    report(`« ${noun} » est ${gender} : « ${replacement} ${noun} ».`, tokens[first]!.start, tokens[last]!.end, {expected: [replacement], safe: true})
    return
  }
  const between = index.source.slice(tokens[last]!.end, tokens[nounAt]!.start)
  const expected = [`${replacement}${between}${noun}`, `${written}${between}${other}`]
  report(`« ${noun} » est ${gender} : « ${expected[0]} » ou « ${expected[1]} » ?`, tokens[first]!.start, tokens[nounAt]!.end, {expected, safe: false})
}
