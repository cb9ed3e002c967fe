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
 *   ville": the adjective is wrong, not the article, and is flagged as such below);
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
 * "le", "la", "les" are articles, not pronouns, also after an infinitive inside its clause
 * or a past participle after its auxiliary (a pronoun comes before its verb: "s’est
 * fracturé le cheville", "il faut réorganiser le prise en charge"; but "Travailler le
 * fatigue", "le sondage publié le montre" have a pronoun) and at the start of an item of a
 * list ("- Les taxe"). A capitalised
 * common noun heading a name takes its own gender ("le Coupe nationale" → "la Coupe", "la
 * Bureau des élus" → "le Bureau"), when the lists do not know the word as a name and a
 * complement or an adjective of its gender follows (not "le Concorde", the plane); a
 * suggestion. An adjective between a determiner and a
 * noun that agree takes their gender ("une grand maison" → "une grande maison", "un belle
 * arbre" → "un bel arbre"; a suggestion), but not "une demi heure", "la grand place" (old
 * compounds) or "un jeune homme"; when the adjective and the noun agree, the determiner
 * alone is fixed ("Le petite maison" → "La petite maison"). Before an adjective that
 * begins with a vowel sound, "ma", "ta", "sa", "ce" take their vowel forms ("ma ancienne
 * amie" → "mon ancienne amie", "ce énorme projet" → "cet énorme projet"), and "beau",
 * "nouveau", "vieux", "fou", "mou" take theirs before a masculine noun that does ("un
 * nouveau élan" → "un nouvel élan", "ce bel projet" → "ce beau projet"). Between a plural determiner
 * and a plural noun, a singular adjective takes the plural ("des meilleur joueurs" →
 * "meilleurs", "les grand magasins" → "grands"; not numerals: "des neuf glaciers"). The
 * pronoun "un" before "des" takes the gender of the noun ("une des projets" → "un des
 * projets", "l’un des villes" → "l’une des villes"). A noun of a person of either gender
 * takes the gender of the man named after it ("la politologue Paul Durand" → "le
 * politologue", a suggestion; a first name of one gender, then a surname; "le ministre
 * Anne Martin", an older usage, is left alone). A noun that no list knows (a
 * drug, a coinage) takes the gender its ending tells: -tion, -sion, -ité, -ine, -ase are
 * feminine, -isme and -ment masculine ("le tramadoline" → "la", "les transaminase" → "la
 * transaminase" or "les transaminases"), as suggestions; not a word one typing slip away
 * from a French word ("le désgine" is "le désigne", `spelling`'s).
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
 *   {"name": "ok-4.txt"}
 *
 *   Un jeune homme, une tout autre affaire, une demi heure et la grand place.
 *   Il le porte et la montre ; le Tour de France et la Coupe du monde ; le Concorde et au Flore.
 *   Travailler le fatigue ; le sondage publié le montre.
 *
 * @example
 *   {"name": "not-ok-4.txt", "label": "input"}
 *
 *   Il s’est fracturé le cheville ; il faut réorganiser le prise en charge.
 *   - Les taxe foncière
 *   Il a remporté le Coupe nationale et la Bureau des élus s’est réuni.
 *   Une grand maison, un petite jardin, un belle arbre dans la vieux ville.
 *   Le petite maison.
 *   Il prend le tramadoline ; les transaminase montent.
 *   Une des projets, l’un des villes et des meilleur joueurs dans les grand magasins.
 *   Selon la politologue Paul Durand et la ministre Anne Martin.
 *   Ma ancienne amie a eu un nouveau élan pour ce bel projet.
 *
 * @example
 *   {"name": "not-ok-4.txt", "label": "output"}
 *
 *   1:19-1:21 "le" → "la" [safe]: « cheville » est féminin : « la cheville ».
 *   1:53-1:55 "le" → "la" [safe]: « prise » est féminin : « la prise ».
 *   2:3-2:11 "Les taxe" → "La taxe" | "Les taxes" [suggestion]: « taxe » est au singulier et « Les » ne l’est pas : « La taxe » ou « Les taxes » ?
 *   3:15-3:17 "le" → "la" [suggestion]: « Coupe » est féminin : « la Coupe ».
 *   3:37-3:39 "la" → "le" [suggestion]: « Bureau » est masculin : « le Bureau ».
 *   4:5-4:10 "grand" → "grande" [suggestion]: « maison » est féminin : « Une grande maison ».
 *   4:22-4:28 "petite" → "petit" [suggestion]: « jardin » est masculin : « un petit jardin ».
 *   4:40-4:45 "belle" → "bel" [suggestion]: « arbre » est masculin : « un bel arbre ».
 *   4:60-4:65 "vieux" → "vieille" [suggestion]: « ville » est féminin : « la vieille ville ».
 *   5:1-5:3 "Le" → "La" [safe]: « petite maison » est féminin : « La petite maison ».
 *   6:10-6:12 "le" → "la" [suggestion]: « tramadoline » est féminin, comme les noms en « -ine » : « la tramadoline ».
 *   6:27-6:43 "les transaminase" → "la transaminase" | "les transaminases" [suggestion]: « transaminase » est au singulier et « les » ne l’est pas : « la transaminase » ou « les transaminases » ?
 *   7:1-7:4 "Une" → "Un" [safe]: « projets » est masculin : « Un des projets ».
 *   7:20-7:22 "un" → "une" [safe]: « villes » est féminin : « l’une des villes ».
 *   7:41-7:49 "meilleur" → "meilleurs" [suggestion]: « joueurs » est au pluriel : « des meilleurs joueurs ».
 *   7:67-7:72 "grand" → "grands" [suggestion]: « magasins » est au pluriel : « les grands magasins ».
 *   8:7-8:9 "la" → "le" [suggestion]: Devant le nom d’un homme (« Paul Durand ») : « le politologue ».
 *   9:1-9:3 "Ma" → "Mon" [safe]: Devant une voyelle ou un h muet, « ma » devient « mon » : « Mon ancienne amie ».
 *   9:26-9:33 "nouveau" → "nouvel" [safe]: Devant une voyelle ou un h muet, « nouveau » devient « nouvel » : « un nouvel élan ».
 *   9:47-9:50 "bel" → "beau" [safe]: « bel » ne s’emploie que devant une voyelle ou un h muet : « ce beau projet ».
 *
 * @example
 *   {"name": "not-ok-4.txt", "label": "fixed"}
 *
 *   Il s’est fracturé la cheville ; il faut réorganiser la prise en charge.
 *   - Les taxe foncière
 *   Il a remporté le Coupe nationale et la Bureau des élus s’est réuni.
 *   Une grand maison, un petite jardin, un belle arbre dans la vieux ville.
 *   La petite maison.
 *   Il prend le tramadoline ; les transaminase montent.
 *   Un des projets, l’une des villes et des meilleur joueurs dans les grand magasins.
 *   Selon la politologue Paul Durand et la ministre Anne Martin.
 *   Mon ancienne amie a eu un nouvel élan pour ce beau projet.
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
import {isFrenchWord, isKnownName} from '../src/lexicon/words.js'
import {englishFrequencies} from '../src/lexicon/ranks.js'
import {own as ownEntry} from '../src/lexicon/own.js'
import {suggest} from '../src/lexicon/suggest.js'
import {firstNameGender, isPersonNounOfEitherGender} from '../src/lexicon/first-names.js'
import {splitElision} from '../src/parse/elision.js'
import {defineRule} from '../src/rules/kit.js'
import {beginsWithConsonant, hasCapital, isAllCaps, isLowerCaseWord, lowerCased, nextWordIndex, opensSentence, previousWordIndex, withCaseOf} from '../src/rules/word-pairs.js'
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
function checkNumber(index: DocumentIndex, at: number, nextAt: number, lower: string, info: NounInfo | undefined, previous: string | undefined, report: Report): void {
  if (!info || info.number === 'both') return
  const tokens = index.tokens
  const written = tokens[at]!.value
  const noun = tokens[nextAt]!.value
  // Only the table of the noun's number is read: "le projet" needs no plural of "le".
  const plural = info.number === 'p' ? pluralDeterminers.get(lower) : undefined
  const singular = info.number === 'p' ? undefined : singularDeterminers.get(lower)
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
  if (!isLettersAndHyphens(noun) || hasCapital(noun)) return
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

/**
 * "Le petite fille": the adjective and the noun after it agree with each other, so the
 * determiner alone is wrong ("La petite fille"), not the adjective. Reports it and
 * returns true; false when the noun after does not settle it.
 */
function adjectiveAgreesWithNounAfter(index: DocumentIndex, at: number, adjectiveAt: number, info: NounInfo, report: Report): boolean {
  const tokens = index.tokens
  const nounAt = nextWordIndex(tokens, adjectiveAt)
  if (nounAt === undefined) return false
  const noun = tokens[nounAt]!.value
  if (!/^\p{Ll}+$/u.test(noun)) return false
  const nounInfoAfter = nounInfo(noun)
  if (!nounInfoAfter || nounInfoAfter.gender !== info.gender || nounInfoAfter.alsoVerb || nounInfoAfter.number === 'p') return false
  const written = tokens[at]!.value
  const lower = written.toLowerCase()
  const feminine = info.gender === 'f'
  const forms: Record<string, [string, string]> = {
    le: ['le', 'la'], la: ['le', 'la'], un: ['un', 'une'], une: ['un', 'une'], ce: ['ce', 'cette'], cette: ['ce', 'cette'],
    aucun: ['aucun', 'aucune'], aucune: ['aucun', 'aucune'], quel: ['quel', 'quelle'], quelle: ['quel', 'quelle'],
  }
  const pair = ownEntry(forms, lower)
  if (!pair) return false
  const expected = withCaseOf(written, pair[feminine ? 1 : 0])
  if (expected.toLowerCase() === lower) return false
  const phrase = index.source.slice(tokens[adjectiveAt]!.start, tokens[nounAt]!.end)
  report(`« ${phrase} » est ${feminine ? 'féminin' : 'masculin'} : « ${expected} ${phrase} ».`, tokens[at]!.start, tokens[at]!.end, {expected: [expected], safe: true})
  return true
}

/** Adjectives that stay invariable before a noun: "une demi-heure", "la mi-juin", "nu-pieds", "feu la reine". */
const invariableBefore = new Set([
  'demi', 'mi', 'semi', 'nu', 'feu', 'mini', 'maxi', 'super', 'extra', 'ex', 'pseudo', 'quasi',
  // Numerals: "des neuf glaciers" counts them ("neuf" is no adjective there).
  'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze',
  'quinze', 'seize', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'cent', 'mille',
])
/** Nouns after which "grand" stays as it is, in old compounds written without their hyphen: "la grand place". */
const grandCompounds = new Set(['mère', 'mères', 'tante', 'tantes', 'rue', 'place', 'messe', 'messes', 'chose', 'peine', 'route', 'salle', 'voile', 'croix', 'faim', 'soif', 'peur', 'hâte', 'honte', 'chère', 'garde'])
/** The other gender of an adjective by its ending (masculine, feminine): "grand" / "grande", "bon" / "bonne", "beau" / "belle". */
const adjectiveEndings: ReadonlyArray<readonly [masculine: string, feminine: string]> = [
  ['', 'e'], ['n', 'nne'], ['l', 'lle'], ['s', 'sse'], ['t', 'tte'], ['eux', 'euse'], ['f', 've'], ['er', 'ère'], ['eau', 'elle'],
  ['c', 'che'], ['g', 'gue'], ['x', 'se'], ['eil', 'eille'], ['ieux', 'ieille'],
]
const genderOf: ReadonlyMap<string, 'm' | 'f'> = new Map(Object.entries({un: 'm', une: 'f', le: 'm', la: 'f', ce: 'm', cet: 'm', cette: 'f', mon: 'm', ma: 'f', ton: 'm', ta: 'f', son: 'm', sa: 'f', du: 'm', au: 'm', aucun: 'm', aucune: 'f', quel: 'm', quelle: 'f'} as Record<string, 'm' | 'f'>))

/**
 * "une grand maison" → "une grande maison", "un petite jardin" → "un petit jardin": an
 * adjective between a determiner and a noun that agree with each other takes their gender.
 * The adjective's form of the other gender is made from its ending and must be an
 * adjective the lexicon knows in that gender ("grande"); "un jeune homme" ("jeun"), "une
 * demi heure", "la grand place" (old compounds) are left alone. Returns whether it reported.
 */
function checkAdjectiveBetween(index: DocumentIndex, at: number, adjectiveAt: number, lower: string, own: NounInfo | undefined, report: Report): boolean {
  // The adjective's own reading first: it settles most pairs ("le projet") without a lookup.
  if (own && (own.gender === 'both' || !own.alsoAdjective)) return false
  const gender = genderOf.get(lower)
  if (gender === undefined || own?.gender === gender) return false
  const tokens = index.tokens
  const adjective = tokens[adjectiveAt]!.value
  if (!isLowerCaseWord(adjective, 2) || invariableBefore.has(adjective)) return false
  const nounAt = nextWordIndex(tokens, adjectiveAt)
  if (nounAt === undefined) return false
  const noun = tokens[nounAt]!.value
  if (!isLowerCaseWord(noun) || (adjective === 'grand' && grandCompounds.has(noun))) return false
  const nounInfoAfter = nounInfo(noun)
  if (!nounInfoAfter || nounInfoAfter.gender !== gender || nounInfoAfter.number === 'p' || nounInfoAfter.alsoVerb || nounInfoAfter.alsoAdjective) return false
  if (!own && !isFrenchWord(adjective)) return false
  let expected: string | undefined
  for (const [masculine, feminine] of adjectiveEndings) {
    const [from, to] = gender === 'f' ? [masculine, feminine] : [feminine, masculine]
    if (!adjective.endsWith(from) || adjective.length <= from.length) continue
    const candidate = adjective.slice(0, adjective.length - from.length) + to
    const info = nounInfo(candidate)
    // An adjective that is no noun ("vraie"): the regular feminine of a word that is no noun either.
    const regular = !info && !own && gender === 'f' && from === '' && isFrenchWord(candidate)
    if (regular || (info?.alsoAdjective && info.gender === gender && info.number !== 'p')) {
      expected = candidate
      break
    }
  }
  if (expected === undefined) return false
  // "un belle arbre": before a vowel sound the masculine of "belle", "nouvelle", "vieille" is "bel", "nouvel", "vieil".
  if (gender === 'm' && startsWithVowelSound(noun)) {
    const beforeVowel: Record<string, string> = {beau: 'bel', nouveau: 'nouvel', vieux: 'vieil', fou: 'fol', mou: 'mol'}
    expected = ownEntry(beforeVowel, expected) ?? expected
  }
  if (expected === adjective) return false
  const determiner = index.source.slice(tokens[at]!.start, tokens[at]!.end)
  report(`« ${noun} » est ${gender === 'f' ? 'féminin' : 'masculin'} : « ${determiner} ${expected} ${noun} ».`, tokens[adjectiveAt]!.start, tokens[adjectiveAt]!.end, {
    expected: [expected],
    safe: false,
  })
  return true
}

/**
 * Endings that give the gender of a French noun whatever its stem (Grevisse, § 481):
 * nouns in -tion, -sion, -xion, -ité, and the chemical and drug names in -ine and -ase are
 * feminine ("la bivalirudine", "la transaminase"); nouns in -isme and -ment are masculine.
 */
const genderEndingsOfUnknown: ReadonlyArray<readonly [RegExp, 'm' | 'f']> = [
  [/(?:tion|sion|xion|ité|ine|ase)s?$/u, 'f'],
  [/(?:isme|ment)s?$/u, 'm'],
]
const singularOf: Readonly<Record<string, 'm' | 'f'>> = {le: 'm', un: 'm', ce: 'm', du: 'm', au: 'm', la: 'f', une: 'f', cette: 'f'}

/**
 * A noun that no list knows ("bivalirudine", a drug; "dédiabolisation", a coinage) after a
 * determiner: its ending tells its gender and its final "s" its number. "le bivalirudine" →
 * "la bivalirudine", "les bivalirudine" → "la bivalirudine" or "les bivalirudines", as
 * suggestions. Only lower-case words of 6 letters or more that are neither French nor
 * English words, nor one typing slip away from a French word ("le désgine" is "le désigne"). Returns whether the word was such a noun (the other checks know nothing
 * of it).
 */
function checkUnknownNoun(index: DocumentIndex, at: number, nounAt: number, info: NounInfo | undefined, report: Report): boolean {
  if (info !== undefined) return false
  const tokens = index.tokens
  const noun = tokens[nounAt]!.value
  if (!isLowerCaseWord(noun, 6) || isFrenchWord(noun)) return false
  const gender = genderEndingsOfUnknown.find(([ending]) => ending.test(noun))?.[1]
  // No ending that tells a gender: true even for an English word, as no check after this
  // one reports before a word that is no French word (they ask isFrenchWord of it).
  if (gender === undefined) return true
  if (isEnglishWord(noun)) return false
  // "le désgine": a typo of a French word one edit away ("désigne") is `spelling`'s, and may be a verb.
  if (suggest(noun, 1).length > 0) return true
  const written = tokens[at]!.value
  const lower = written.toLowerCase()
  const plural = noun.endsWith('s')
  const vowel = startsWithVowelSound(noun)
  const between = index.source.slice(tokens[at]!.end, tokens[nounAt]!.start)
  const feminine = gender === 'f'
  const genderName = feminine ? 'féminin' : 'masculin'
  const determinerGender = ownEntry(singularOf, lower)
  if (determinerGender !== undefined && !plural) {
    if (determinerGender === gender) return true
    if (vowel && (lower === 'le' || lower === 'la' || lower === 'du' || lower === 'au')) return true
    const pairs = new Map<string, readonly [string, string]>([
      ['le', ['le', 'la']],
      ['la', ['le', 'la']],
      ['un', ['un', 'une']],
      ['une', ['un', 'une']],
      ['ce', [vowel ? 'cet' : 'ce', 'cette']],
      ['cette', [vowel ? 'cet' : 'ce', 'cette']],
      ['du', ['du', 'de la']],
      ['au', ['au', 'à la']],
    ])
    const pair = pairs.get(lower)
    if (pair === undefined) return true
    const expected = withCaseOf(written, pair[feminine ? 1 : 0])
    report(`« ${noun} » est ${genderName}, comme les noms en « -${endingOf(noun)} » : « ${expected} ${noun} ».`, tokens[at]!.start, tokens[at]!.end, {expected: [expected], safe: false})
    return true
  }
  const singular = singularDeterminers.get(lower)
  if (singular !== undefined && singular[0] !== '' && !plural && !hasCapital(written.slice(1))) {
    const form = vowel ? singular[2] : singular[feminine ? 1 : 0]
    const one = form.endsWith('’') ? `${withCaseOf(written, form)}${noun}` : `${withCaseOf(written, form)}${between}${noun}`
    const expected = [one, `${written}${between}${noun}s`]
    report(`« ${noun} » est au singulier et « ${written} » ne l’est pas : « ${expected[0]} » ou « ${expected[1]} » ?`, tokens[at]!.start, tokens[nounAt]!.end, {expected, safe: false})
  }
  return true
}

/** The ending of `noun` that tells its gender, for the message: "ine", "tion". */
function endingOf(noun: string): string {
  return /(tion|sion|xion|ité|ine|ase|isme|ment)s?$/u.exec(noun)?.[1] ?? ''
}

/** The English list as written (its entries are in lower case), asked of its rank table: no set of 30,000 words built. */
const isEnglishWord = (word: string): boolean => englishFrequencies.rank(word) !== undefined

/** Adjectives with a form before a vowel sound (Grevisse, § 46): "un bel homme", "un nouvel élan", "un vieil ami". */
const vowelFormOfAdjective: Readonly<Record<string, string>> = {beau: 'bel', nouveau: 'nouvel', vieux: 'vieil', fou: 'fol', mou: 'mol'}
const consonantFormOfAdjective: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(vowelFormOfAdjective).map(([form, vowel]) => [vowel, form]))
const adjectivesWithVowelForm: ReadonlySet<string> = new Set([...Object.keys(vowelFormOfAdjective), ...Object.keys(consonantFormOfAdjective)])
const longestWithVowelForm = Math.max(...[...adjectivesWithVowelForm].map((adjective) => adjective.length))
/** Determiners with a form before a vowel sound, whose noun comes after an adjective: "mon ancienne amie", "cet énorme projet". */
const vowelFormOfDeterminer: Readonly<Record<string, {form: string; gender: 'm' | 'f'}>> = {
  ma: {form: 'mon', gender: 'f'}, ta: {form: 'ton', gender: 'f'}, sa: {form: 'son', gender: 'f'}, ce: {form: 'cet', gender: 'm'},
}

/**
 * The forms before a vowel sound when an adjective stands between the determiner and the
 * noun: "ma ancienne amie" → "mon ancienne amie", "ce énorme projet" → "cet énorme projet"
 * (the determiner takes the form of the adjective's first sound), "un nouveau élan" → "un
 * nouvel élan", "ce bel projet" → "ce beau projet" (the adjective takes the form of the
 * noun's). The noun after the adjective must be of the determiner's gender. Safe fixes.
 * Returns whether it reported.
 */
function checkVowelForms(index: DocumentIndex, at: number, adjectiveAt: number, lower: string, adjectiveInfo: NounInfo | undefined, report: Report): boolean {
  const tokens = index.tokens
  const written = tokens[at]!.value
  const adjective = tokens[adjectiveAt]!.value
  // Only "ma", "ta", "sa", "ce" or an adjective with a vowel form ("beau", "bel") can be reported below.
  const withVowelForm = adjective.length <= longestWithVowelForm && adjectivesWithVowelForm.has(adjective) && masculineDeterminers.has(lower)
  // Otherwise only the determiner's form, before an adjective with a vowel sound ("ma
  // ancienne"): not before a noun that is no adjective ("sa femme") nor a consonant ("ce
  // projet"); those two, read from what is at hand, first.
  if (!withVowelForm && ((adjectiveInfo && !adjectiveInfo.alsoAdjective) || beginsWithConsonant(adjective))) return false
  const determiner = ownEntry(vowelFormOfDeterminer, lower)
  if (!withVowelForm && (determiner === undefined || !startsWithVowelSound(adjective))) return false
  if (!isLowerCaseWord(adjective, 2)) return false
  const nounAt = nextWordIndex(tokens, adjectiveAt)
  if (nounAt === undefined) return false
  const noun = tokens[nounAt]!.value
  if (!isLowerCaseWord(noun)) return false
  const info = nounInfo(noun)
  if (!info || info.number === 'p' || info.alsoVerb) return false
  const phrase = index.source.slice(tokens[adjectiveAt]!.start, tokens[nounAt]!.end)
  if (determiner && info.gender === determiner.gender && startsWithVowelSound(adjective) && !isElisionOptional(adjective) && isFrenchWord(adjective)) {
    if (adjectiveInfo && !adjectiveInfo.alsoAdjective) return false
    const expected = withCaseOf(written, determiner.form)
    report(`Devant une voyelle ou un h muet, « ${lower} » devient « ${determiner.form} » : « ${expected} ${phrase} ».`, tokens[at]!.start, tokens[at]!.end, {expected: [expected], safe: true})
    return true
  }
  if (info.gender !== 'm' || !masculineDeterminers.has(lower) || isElisionOptional(noun)) return false
  const vowel = startsWithVowelSound(noun)
  const expected = vowel ? ownEntry(vowelFormOfAdjective, adjective) : ownEntry(consonantFormOfAdjective, adjective)
  if (expected === undefined) return false
  const reason = vowel ? `Devant une voyelle ou un h muet, « ${adjective} » devient « ${expected} »` : `« ${adjective} » ne s’emploie que devant une voyelle ou un h muet`
  report(`${reason} : « ${index.source.slice(tokens[at]!.start, tokens[at]!.end)} ${expected} ${noun} ».`, tokens[adjectiveAt]!.start, tokens[adjectiveAt]!.end, {expected: [expected], safe: true})
  return true
}

const pluralOnlyDeterminers = new Set(['les', 'des', 'ces', 'mes', 'tes', 'ses', 'nos', 'vos', 'leurs', 'aux', 'quels', 'quelles'])

/**
 * "des meilleur joueurs" → "des meilleurs joueurs", "les grand magasins" → "les grands
 * magasins", "des petite maisons" → "des petites maisons": a singular adjective between a
 * plural determiner and a plural noun takes their number (and the noun's gender). The
 * plural is made from the ending and must be an adjective form the lexicon knows. Returns
 * whether it reported.
 */
function checkPluralAdjectiveBetween(index: DocumentIndex, at: number, adjectiveAt: number, lower: string, own: NounInfo | undefined, report: Report): boolean {
  // The adjective's own reading first: a plural noun ("les projets") needs no lookup of the next word.
  if (own && (own.number !== 's' || !own.alsoAdjective)) return false
  if (!pluralOnlyDeterminers.has(lower)) return false
  const tokens = index.tokens
  const adjective = tokens[adjectiveAt]!.value
  if (!isLowerCaseWord(adjective, 2) || invariableBefore.has(adjective)) return false
  const nounAt = nextWordIndex(tokens, adjectiveAt)
  if (nounAt === undefined) return false
  const noun = tokens[nounAt]!.value
  if (!isLowerCaseWord(noun)) return false
  const after = nounInfo(noun)
  if (!after || after.number !== 'p' || after.alsoVerb) return false
  if (!own && !isFrenchWord(adjective)) return false
  // The adjective in the noun's gender first ("petite" before "garçons": "petit").
  const stems = [adjective]
  if (after.gender !== 'both' && own && own.gender !== 'both' && own.gender !== after.gender) {
    for (const [masculine, feminine] of adjectiveEndings) {
      const [from, to] = after.gender === 'f' ? [masculine, feminine] : [feminine, masculine]
      if (adjective.endsWith(from) && adjective.length > from.length) stems.unshift(adjective.slice(0, adjective.length - from.length) + to)
    }
  }
  let expected: string | undefined
  search: for (const stem of stems) {
    for (const [singular, plural] of numberEndings) {
      if (!stem.endsWith(singular) || stem.length <= singular.length) continue
      const candidate = stem.slice(0, stem.length - singular.length) + plural
      const info = nounInfo(candidate)
      if (info?.alsoAdjective && info.number === 'p' && (after.gender === 'both' || info.gender === 'both' || info.gender === after.gender)) {
        expected = candidate
        break search
      }
    }
  }
  if (expected === undefined || expected === adjective) return false
  const determiner = index.source.slice(tokens[at]!.start, tokens[at]!.end)
  report(`« ${noun} » est au pluriel : « ${determiner} ${expected} ${noun} ».`, tokens[adjectiveAt]!.start, tokens[adjectiveAt]!.end, {expected: [expected], safe: false})
  return true
}

/**
 * "une des projets" → "un des projets", "l’un des équipes" → "l’une des équipes": the
 * pronoun "un" before "des" takes the gender of the plural noun after it.
 */
function checkOneOf(index: DocumentIndex, at: number, report: Report): void {
  const tokens = index.tokens
  const written = tokens[at]!.value
  const elision = splitElision(written)
  const one = (elision && elision.prefix.toLowerCase() === 'l' ? elision.stem : written).toLowerCase()
  if (one !== 'un' && one !== 'une') return
  const desAt = nextWordIndex(tokens, at)
  if (desAt === undefined || tokens[desAt]!.value !== 'des') return
  const nounAt = nextWordIndex(tokens, desAt)
  if (nounAt === undefined) return
  const noun = tokens[nounAt]!.value
  if (!/^\p{Ll}+$/u.test(noun)) return
  const info = nounInfo(noun)
  // After "des" a verb form is a noun ("l’un des équipes").
  if (!info || info.gender === 'both' || info.number !== 'p' || info.alsoAdjective) return
  const expected = info.gender === 'f' ? 'une' : 'un'
  if (expected === one) return
  const start = tokens[at]!.end - one.length
  const replacement = withCaseOf(written.slice(written.length - one.length), expected)
  const phrase = `${written.slice(0, written.length - one.length)}${replacement} des ${noun}`
  report(`« ${noun} » est ${info.gender === 'f' ? 'féminin' : 'masculin'} : « ${phrase} ».`, start, tokens[at]!.end, {expected: [replacement], safe: true})
}

const masculineOf: Readonly<Record<string, string>> = {la: 'le', une: 'un', cette: 'ce'}

/**
 * "la politologue Gilles Kepel" → "le politologue": a noun of a person of either gender
 * ("ministre", "juge", "politologue") takes the gender of the person named after it, when
 * a first name of one gender and a surname follow. Only a feminine determiner before a
 * man's name is flagged: "le ministre Anne Martin" is an older usage, not a slip. A
 * suggestion.
 */
function checkPersonBeforeName(index: DocumentIndex, at: number, nounAt: number, lower: string, previous: string | undefined, report: Report): void {
  const tokens = index.tokens
  const written = tokens[at]!.value
  const masculine = ownEntry(masculineOf, lower)
  const noun = tokens[nounAt]!.value
  if (masculine === undefined || !isPersonNounOfEitherGender(noun)) return
  const nameAt = nextWordIndex(tokens, nounAt)
  if (nameAt === undefined || firstNameGender(tokens[nameAt]!.value) !== 'm') return
  const surnameAt = nextWordIndex(tokens, nameAt)
  if (surnameAt === undefined || !/^\p{Lu}\p{Ll}/u.test(tokens[surnameAt]!.value)) return
  const name = index.source.slice(tokens[nameAt]!.start, tokens[surnameAt]!.end)
  const vowel = startsWithVowelSound(noun)
  if (lower === 'la' && vowel) return
  const previousAt = previousWordIndex(tokens, at)
  if (lower === 'la' && (previous === 'de' || previous === 'à') && previousAt !== undefined) {
    const contracted = withCaseOf(tokens[previousAt]!.value, previous === 'de' ? 'du' : 'au')
    report(`Devant le nom d’un homme (« ${name} ») : « ${contracted} ${noun} ».`, tokens[previousAt]!.start, tokens[at]!.end, {expected: [contracted], safe: false})
    return
  }
  const expected = withCaseOf(written, lower === 'cette' && vowel ? 'cet' : masculine)
  report(`Devant le nom d’un homme (« ${name} ») : « ${expected} ${noun} ».`, tokens[at]!.start, tokens[at]!.end, {expected: [expected], safe: false})
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

/**
 * Whether "le", "la", "les" follows a preposition, an auxiliary or a verb that cannot be
 * finite (an infinitive or a past participle: "orienter la …", "il s’est fracturé le …"),
 * or opens the sentence or an item of a list: an article then, not a pronoun. A clitic
 * pronoun comes before its verb, after the subject: never right after an infinitive or a
 * participle ("le faire", not "faire le").
 */
function afterPrepositionOrAuxiliary(index: DocumentIndex, at: number, previous: string | undefined): boolean {
  if (opensSentence(index, at) || opensListItem(index, at)) return true
  if (previous === undefined) return false
  return prepositions.has(previous) || auxiliaries.has(previous) || afterNonFiniteVerb(index, at, previous)
}

/**
 * Whether the word before "le"/"la" is an infinitive inside its clause ("il faut orienter
 * le …", not "Travailler le fatigue", where the infinitive is the subject) or a past
 * participle after its auxiliary ("il s’est fracturé le …", not "le sondage publié le
 * montre", where the participle qualifies the subject).
 */
function afterNonFiniteVerb(index: DocumentIndex, at: number, previous: string): boolean {
  if (!isNonFiniteVerb(previous)) return false
  const verbAt = previousWordIndex(index.tokens, at)
  if (verbAt === undefined) return false
  const beforeAt = previousWordIndex(index.tokens, verbAt)
  if (beforeAt === undefined) return false
  if (/(?:er|ir)$/.test(previous)) return true
  // "s’est fracturé", "s’étant récemment fracturé": the auxiliary, maybe then an adverb.
  const isAuxiliary = (word: string): boolean => participleAuxiliaries.has(word) || participleAuxiliaries.has(splitElision(word)?.stem ?? '')
  const before = index.tokens[beforeAt]!.value.toLowerCase()
  if (isAuxiliary(before)) return true
  if (!/ment$/.test(before) && !adverbsBeforeParticiple.has(before)) return false
  const auxiliaryAt = previousWordIndex(index.tokens, beforeAt)
  return auxiliaryAt !== undefined && isAuxiliary(index.tokens[auxiliaryAt]!.value.toLowerCase())
}

/** Forms of "avoir" and "être" that make a compound tense with a past participle. */
const participleAuxiliaries = new Set([
  ...auxiliaries, 'étant', 'ayant', 'ait', 'aient', 'eût', 'fût', 'soit', 'soient', 'suis', 'es', 'sommes', 'êtes',
  'avions', 'aviez', 'étions', 'étiez', 'aurons', 'auront', 'aurais', 'auraient', 'serons', 'seront', 'seraient',
])
/** Adverbs between an auxiliary and its participle: "a déjà fracturé", "s’est encore cassé". */
const adverbsBeforeParticiple = new Set(['déjà', 'encore', 'toujours', 'jamais', 'souvent', 'bien', 'mal', 'aussi', 'enfin', 'même', 'pas', 'plus', 'tant', 'trop', 'peu', 'beaucoup', 'vite', 'tôt', 'tard'])

/** Endings of infinitives and past participles ("orienter", "choisir", "fracturé", "prises"). */
const nonFiniteEnding = /(?:er|ir|é|ée|és|ées)$/
/** Words with those endings that are no verbs and may stand before a subject: "hier", "cher", "fier", "loisir". */
const notNonFinite = new Set(['hier', 'cher', 'fier', 'amer', 'léger', 'entier', 'premier', 'dernier', 'particulier', 'après-midi'])

/**
 * Whether a lower-case word is an infinitive or a past participle by its ending, a French
 * word that the lexicon does not know as a noun ("orienter", "fracturé", but not "dossier",
 * "député", "été": a noun may be the subject before a pronoun).
 */
function isNonFiniteVerb(word: string): boolean {
  if (word.length < 4 || !nonFiniteEnding.test(word) || notNonFinite.has(word)) return false
  return nounInfo(word) === undefined && isFrenchWord(word)
}

/** A list marker alone before the word on its line: "- ", "• ", "3) ", "b. ", "iii) ". */
const listMarker = /(?:^|\n)[ \t]*(?:[-–—•*]|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[).])[ \t]*$/i

/** Whether the word opens an item of a list, after its marker: a capital there says nothing about a name either. */
function opensListItem(index: DocumentIndex, at: number): boolean {
  const start = index.tokens[at]!.start
  const lineStart = index.source.lastIndexOf('\n', start - 1) + 1
  return start - lineStart <= 12 && listMarker.test(index.source.slice(lineStart, start))
}

export default defineRule(
  {id: 'determiner-agreement', summary: 'Déterminant qui ne s’accorde pas avec le nom (« Ce ratification »).', fix: 'mixed'},
  ({index, report}) => {
    const tokens = index.tokens
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word') continue
      // Most words are neither a determiner nor "quel…", "…un(e)": told by their letters,
      // case-folded by char code, before any lower-casing or lookup.
      // (Tests written inline: this runs for every word, and the CLI runs without inlining.)
      const value = token.value
      const length = value.length
      const first = value.charCodeAt(0) | 0x20
      if (first === 0x71 && startsWithQuel(value)) checkInterrogativeBeforeCopula(index, at, report)
      const last = value.charCodeAt(length - 1) | 0x20
      const endsWithUn = (last === 0x6e || last === 0x65) && endsWithUnOrUne(value)
      if (endsWithUn && mayBeOneOf(value)) checkOneOf(index, at, report)
      const shaped = length >= 2 && length <= 7 && determinerShapes[length * 1024 + (first & 31) * 32 + (value.charCodeAt(1) & 31)] === 1
      const lower = shaped ? asciiLetterKey(value) : undefined
      const known = lower === undefined ? undefined : determinerKeys.get(lower)
      if (lower === undefined || known === undefined) {
        // "d’une", "qu’un": the stem after the apostrophe is "un" or "une", as written.
        if ((first === 0x64 || first === 0x71) && endsWithUn && (value.endsWith('un') || value.endsWith('une'))) checkElidedIndefinite(index, at, report)
        continue
      }
      checkDeterminer(index, at, lower, known ?? undefined, report)
    }
  },
)

/**
 * The check of a word that is a determiner (or "les", "des"), from its case to the noun
 * after it. Apart from the loop over tokens, so that V8 optimises that loop once: a
 * rarely taken branch here reoptimises this function only.
 */
function checkDeterminer(index: DocumentIndex, at: number, lower: string, determiner: Determiner | undefined, report: Report): void {
  const tokens = index.tokens
  const value = tokens[at]!.value
  if (isAllCaps(value) || (hasCapital(value) && !opensSentence(index, at) && !opensListItem(index, at))) return
  const nextAt = nextWordIndex(tokens, at)
  if (nextAt === undefined) return
  const noun = tokens[nextAt]!.value
  const nounShape = lettersAndHyphensCase(noun)
  if (nounShape === 0) return
  if (nounShape === 2) {
    checkCapitalisedNounAfter(index, at, nextAt, determiner, lower, report)
    return
  }
  const previousAt = previousWordIndex(tokens, at)
  const previous = previousAt === undefined ? undefined : lowerCased(tokens[previousAt]!.value)
  if (previous !== undefined && followsArticle(previous, lower)) return
  // Looked up once: every check below asks it.
  const info = nounInfo(noun)
  checkNumber(index, at, nextAt, lower, info, previous, report)
  if (checkUnknownNoun(index, at, nextAt, info, report)) return
  if (checkAdjectiveBetween(index, at, nextAt, lower, info, report) || checkPluralAdjectiveBetween(index, at, nextAt, lower, info, report)) return
  if (checkVowelForms(index, at, nextAt, lower, info, report)) return
  if (!determiner) return
  if (info?.gender === 'both' && info.number !== 'p') checkPersonBeforeName(index, at, nextAt, lower, previous, report)
  if (!info || info.gender === 'both' || info.number === 'p') return
  // A determiner of the noun's gender in whatever form before a vowel: nothing below reports.
  if (agreesWhateverTheSound(determiner.family, lower, info.gender === 'f')) return
  if (info.alsoVerb && verbReadingPossible(index, at, determiner, lower, previous, noun)) return
  if (isTensEtUn(index, lower, previous, previousAt)) return
  if (headNounFollows(index, nextAt)) return
  if (info.alsoAdjective && agreesWithNounAfter(index, nextAt, lower)) return
  if (info.alsoAdjective && adjectiveAgreesWithNounAfter(index, at, nextAt, info, report)) return
  checkPair(index, at, nextAt, determiner, info, report)
}

/**
 * A capitalised noun after the determiner at `at` ("la Maison"): checked when it is a
 * common noun. Apart from checkDeterminer, so that V8 optimises that function once: this
 * rarely taken branch reoptimises this function only.
 */
function checkCapitalisedNounAfter(index: DocumentIndex, at: number, nextAt: number, determiner: Determiner | undefined, lower: string, report: Report): void {
  const tokens = index.tokens
  const noun = tokens[nextAt]!.value
  // capitalisedCommonNoun's cheap conditions first (a lower-case determiner, a noun of
  // four letters or more, a word after it), before the noun's lookup.
  if (
    determiner &&
    noun.length >= 4 &&
    !hasCapital(tokens[at]!.value) &&
    nextWordIndex(tokens, nextAt) !== undefined &&
    capitalisedNounMayDisagree(determiner, lower, noun) &&
    capitalisedCommonNoun(index, at, nextAt)
  ) {
    checkCapitalisedNoun(index, at, nextAt, determiner, report)
  }
}

/**
 * Whether the word before the determiner `lower` is an article, which makes it no
 * determiner of the noun. Apart from checkDeterminer for the same reason as
 * checkCapitalisedNounAfter (its tests on "un", "une" are rarely reached).
 */
function followsArticle(previous: string, lower: string): boolean {
  // "un des projet": the article before "des" is the pronoun "un", and the noun is still plural.
  return articles.has(previous) && !(lower === 'des' && (previous === 'un' || previous === 'une'))
}

/**
 * Whether the determiner `lower` is the "un" of a number ("vingt et un"). Apart from
 * checkDeterminer for the same reason as checkCapitalisedNounAfter (the test on "et" is
 * rarely reached).
 */
function isTensEtUn(index: DocumentIndex, lower: string, previous: string | undefined, previousAt: number | undefined): boolean {
  return lower === 'un' && previous === 'et' && previousAt !== undefined && tens.test(wordBefore(index, previousAt) ?? '')
}

/** Every determiner the loop judges: its entry, or null for the plural ones ("les", "des"), judged by number only. */
const determinerKeys: ReadonlyMap<string, Determiner | null> = new Map<string, Determiner | null>([
  ...[...singularDeterminers.keys()].map((key): [string, null] => [key, null]),
  ...determiners,
])

/**
 * The lengths and first two letters (case-folded) of those keys, as flags: most words of
 * a text ("de", "et", "pour") are told apart from them without a lookup.
 */
const determinerShapes = new Uint8Array(8 * 32 * 32)
for (const key of determinerKeys.keys()) determinerShapes[key.length * 1024 + (key.charCodeAt(0) & 31) * 32 + (key.charCodeAt(1) & 31)] = 1

/** Whether the word begins with "quel" in any case (ASCII letters folded by their code). */
function startsWithQuel(word: string): boolean {
  return (
    word.length >= 4 &&
    (word.charCodeAt(0) | 0x20) === 0x71 &&
    (word.charCodeAt(1) | 0x20) === 0x75 &&
    (word.charCodeAt(2) | 0x20) === 0x65 &&
    (word.charCodeAt(3) | 0x20) === 0x6c
  )
}

/** Whether the word ends with "un" or "une" in any case. */
function endsWithUnOrUne(word: string): boolean {
  const length = word.length
  let end = length
  if (length >= 3 && (word.charCodeAt(length - 1) | 0x20) === 0x65) end = length - 1
  return end >= 2 && (word.charCodeAt(end - 1) | 0x20) === 0x6e && (word.charCodeAt(end - 2) | 0x20) === 0x75
}

const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019

/** Whether the word may be "un", "une" or "l’un(e)" (checkOneOf's only words): short, or an apostrophe before its "un(e)". */
function mayBeOneOf(word: string): boolean {
  const length = word.length
  return length <= 3 || isApostrophe(word.charCodeAt(length - 3)) || isApostrophe(word.charCodeAt(length - 4))
}

/**
 * The word in lower case when it is ASCII letters only, undefined otherwise: no determiner
 * has another character, and no other character lower-cases to an ASCII letter of them.
 */
function asciiLetterKey(word: string): string | undefined {
  let capitals = false
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code >= 0x61 && code <= 0x7a) continue
    if (code >= 0x41 && code <= 0x5a) capitals = true
    else return undefined
  }
  return capitals ? word.toLowerCase() : word
}

const hyphenless = /-/g

/** `letters.test(word.replace(/-/g, ''))` without a digit: read by char code for Latin letters, the expressions otherwise. */
function isLettersAndHyphens(word: string): boolean {
  let letterCount = 0
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code === 0x2d) continue
    const folded = code | 0x20
    if (folded >= 0x61 && folded <= 0x7a) {
      letterCount++
      continue
    }
    if (code < 0x80 || code === 0x2019) return false
    if ((code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) || code === 0x152 || code === 0x153) {
      letterCount++
      continue
    }
    return letters.test(word.replace(hyphenless, '')) && !hasDigit.test(word)
  }
  return letterCount > 0
}

/**
 * isLettersAndHyphens and hasCapital in one scan: 0 when the word is not letters and
 * hyphens, 2 when it holds a capital, 1 otherwise. ASCII and Latin-1 letters (and œ, Œ)
 * are told by their code; any other character falls back to the two functions.
 */
function lettersAndHyphensCase(word: string): 0 | 1 | 2 {
  let letterCount = 0
  let capital = false
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code === 0x2d) continue
    if (code >= 0x61 && code <= 0x7a) {
      letterCount++
      continue
    }
    if (code >= 0x41 && code <= 0x5a) {
      letterCount++
      capital = true
      continue
    }
    if (code < 0x80 || code === 0x2019) return 0
    if ((code >= 0xdf && code <= 0xff && code !== 0xf7) || code === 0x153) {
      letterCount++
      continue
    }
    if ((code >= 0xc0 && code <= 0xde && code !== 0xd7) || code === 0x152) {
      letterCount++
      capital = true
      continue
    }
    if (!isLettersAndHyphens(word)) return 0
    return hasCapital(word) ? 2 : 1
  }
  return letterCount === 0 ? 0 : capital ? 2 : 1
}

/**
 * Whether checkCapitalisedNoun could report for this determiner and noun (its own first
 * conditions), so that capitalisedCommonNoun's name lookups are skipped otherwise.
 */
function capitalisedNounMayDisagree(determiner: Determiner, lower: string, noun: string): boolean {
  if (determiner.family === 'interrogative' || determiner.family === 'negative' || determiner.family === 'possessive') return false
  const info = nounInfo(noun)
  if (!info || info.gender === 'both' || info.number === 'p' || info.alsoAdjective) return false
  return !(info.gender === 'f' ? feminineDeterminers : masculineDeterminers).has(lower)
}

/**
 * Whether the determiner has the noun's gender whether or not the noun begins with a
 * vowel sound ("le projet", "une idée", "son ami"): checkPair then has nothing to say,
 * nor adjectiveAgreesWithNounAfter. Not "ce"/"cet", nor "ma"/"mon" before a feminine noun.
 */
function agreesWhateverTheSound(family: Family, lower: string, feminine: boolean): boolean {
  switch (family) {
    case 'definite':
      return lower === (feminine ? 'la' : 'le')
    case 'indefinite':
      return lower === (feminine ? 'une' : 'un')
    case 'contracted-de':
    case 'contracted-à':
      return !feminine
    case 'interrogative':
      return lower === 'quel' + (feminine ? 'le' : '') + (lower.endsWith('s') ? 's' : '')
    case 'negative':
      return lower === (feminine ? 'aucune' : 'aucun')
    case 'demonstrative':
      return feminine && lower === 'cette'
    case 'possessive':
      return !feminine && lower.endsWith('on')
  }
}

/**
 * Whether the capitalised word after a lower-case determiner inside a sentence is a
 * common noun heading a name ("la Coupe du monde", "le Bureau politique", "la Cour des
 * comptes"): such names take the gender of their noun. Only before a complement ("de",
 * "du", "d’…") or an adjective of the noun's gender; not a word the lists know as a name
 * ("le Cognac", "la Fontaine"), nor a word of either gender or that may be an adjective
 * ("le Tour", "le Grand"), nor a bare noun, which may name a thing of another gender ("le
 * Concorde", the plane; "au Flore", the café).
 */
function capitalisedCommonNoun(index: DocumentIndex, at: number, nounAt: number): boolean {
  const tokens = index.tokens
  const written = tokens[at]!.value
  const noun = tokens[nounAt]!.value
  if (hasCapital(written) || !/^\p{Lu}\p{Ll}{3,}$/u.test(noun) || isKnownName(noun)) return false
  const afterAt = nextWordIndex(tokens, nounAt)
  const after = afterAt === undefined ? '' : tokens[afterAt]!.value
  // A complement ("la Cour des comptes", "le Bureau d’Asile") or an adjective of the noun's
  // gender ("la Coupe continentale") shows a name made on the noun; a bare capitalised noun
  // may name a thing of another gender ("le Concorde", the plane; "au Flore", the café).
  if (/^(?:de|du|des|d['’]\p{L}+)$/u.test(after)) return true
  const nounGender = nounInfo(noun)?.gender
  if (!/^\p{Ll}{3,}$/u.test(after) || nounGender === undefined) return false
  const afterInfo = nounInfo(after)
  if (afterInfo?.alsoAdjective) return afterInfo.gender === nounGender
  return afterInfo === undefined && adjectiveGenderByForm(after) === nounGender
}

/**
 * The gender of an adjective that is no noun, by its form: feminine when its masculine
 * ("continentale" → "continental") is a French word, masculine when its feminine is
 * ("exécutif" → "exécutive"); undefined for the epicene ("politique") and the unknown.
 */
function adjectiveGenderByForm(word: string): 'm' | 'f' | undefined {
  for (const [masculine, feminine] of adjectiveEndings) {
    if (word.endsWith(feminine) && word.length > feminine.length + 2 && isFrenchWord(word.slice(0, word.length - feminine.length) + masculine)) return 'f'
  }
  for (const [masculine, feminine] of adjectiveEndings) {
    if (word.endsWith(masculine) && word.length > masculine.length + 2 && isFrenchWord(word.slice(0, word.length - masculine.length) + feminine)) return 'm'
  }
  return undefined
}

/** "le Coupe continentale" → "la Coupe", "la Bureau exécutif" → "le Bureau": gender only, as a suggestion. */
function checkCapitalisedNoun(index: DocumentIndex, at: number, nounAt: number, determiner: Determiner, report: Report): void {
  const tokens = index.tokens
  const noun = tokens[nounAt]!.value
  const info = nounInfo(noun)
  // A capital inside a sentence is no verb: "la Coupe", whatever "coupe" may be after "il la".
  if (!info || info.gender === 'both' || info.number === 'p' || info.alsoAdjective) return
  if (determiner.family === 'interrogative' || determiner.family === 'negative' || determiner.family === 'possessive') return
  const written = tokens[at]!.value
  const lower = written.toLowerCase()
  const feminine = info.gender === 'f'
  if ((feminine ? feminineDeterminers : masculineDeterminers).has(lower)) return
  if (startsWithVowelSound(noun) || isElisionOptional(noun)) return
  const expected: Record<Family, string | undefined> = {
    demonstrative: feminine ? 'cette' : 'ce',
    definite: feminine ? 'la' : 'le',
    indefinite: feminine ? 'une' : 'un',
    'contracted-de': feminine ? 'de la' : 'du',
    'contracted-à': feminine ? 'à la' : 'au',
    possessive: undefined,
    interrogative: undefined,
    negative: undefined,
  }
  const replacement = expected[determiner.family]
  if (replacement === undefined || replacement === lower) return
  const previousAt = previousWordIndex(tokens, at)
  const preposition = previousAt === undefined ? undefined : tokens[previousAt]!.value
  if (!feminine && lower === 'la' && (preposition === 'de' || preposition === 'à')) {
    const contracted = preposition === 'de' ? 'du' : 'au'
    report(`« ${noun} » est masculin : « ${contracted} ${noun} ».`, tokens[previousAt!]!.start, tokens[at]!.end, {expected: [contracted], safe: false})
    return
  }
  const gender = feminine ? 'féminin' : 'masculin'
  report(`« ${noun} » est ${gender} : « ${replacement} ${noun} ».`, tokens[at]!.start, tokens[at]!.end, {expected: [replacement], safe: false})
}

/**
 * Whether the noun, which is also a verb form, may be a verb here: after a pronoun "le",
 * "la" ("il la porte") or "quel" ("quel est"), unless a preposition, an auxiliary or the
 * start of the sentence comes before the article ("de la président", "il a la charge",
 * "La mesure a été adoptée"); an infinitive or participle ending always may ("de le
 * faire", "en la voyant", "il a du partir").
 */
function verbReadingPossible(index: DocumentIndex, at: number, determiner: Determiner, lower: string, previous: string | undefined, noun: string): boolean {
  if (isNounInfinitive(noun)) return true
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
  // "ce projet", "sa femme": told by the first letter's code, these agree and end below
  // without a lexicon question.
  const vowel = !beginsWithConsonant(noun) && startsWithVowelSound(noun)
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
        if (isElisionOptional(noun)) return
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
  // "la hyène" / "l’hyène", "ce hanfu": the form before an uncertain initial is not judged.
  if (vowelSensitive && isElisionOptional(noun)) return
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
