/**
 * ## glued-words
 *
 * Flags two words written as one, the mark of a scraper or a hurried paste that ate a
 * space or a line break: a lower-case letter followed by a capital ("RussieLa"), an
 * acronym followed by a lower-case word ("BFMTVce") or by a capitalised one ("TGVPour"),
 * a number followed by a word ("3mars", "2022Le"), a full stop between two words
 * ("France.Le") and a quotation mark between two words ("sacrée“Elle", "ainsi.”sagesse",
 * "fini."Je"). A straight quotation mark opens or closes a quotation as the count of
 * those before it in the paragraph says; in a paragraph where they do not pair up, it is
 * left alone.
 *
 * Words without a change of case to show the cut are split too where the lexicons
 * vouch for both sides: a function word before a capital ("deFrance", "parAclasta"), a
 * common word before an unknown name ("perfusionBivalirudine") or an acronym
 * ("rapportOCDE"), a first name before a surname or a number ("DavidDupont", "HenriIV"),
 * a known name before a verb or a preposition that no name ends with ("Macronestime",
 * "Météo-Franceces": not "Gramont", "Rosales", "Michelet", nor a token the text repeats).
 * Without a change of case, a capitalised word that no list knows and that the text writes
 * only once is also cut: before a verb that follows subjects, whatever the name ("Careyest"
 * → "Carey est"; not "Securitest", where "test" is a word); before a short word that names
 * also end with ("et", "en", "de", "du"…) when the first part stands alone elsewhere in the
 * text ("Angiox … Angioxet" → "Angiox et") or is a known name before a determiner
 * ("Cognacet du Pineau"); a capitalised determiner before an adjective, when the noun after
 * agrees with both ("Lapremière fois" → "La première fois"; "Lagarde a dit", "Legrand est"
 * stay); a long capitalised noun before a long word that agrees with it ("Étatsmembres" →
 * "États membres", "Eruptioncutanée"), or before an unknown word that ends like an
 * adjective of its gender ("Présidencemacronienne"; not combining forms in -o and
 * prefixes: "Rétromobile", "Intersyndicat").
 * A full stop is a glued sentence end also when the word before it is unknown but the
 * one after opens sentences ("Kowalski.Selon"), before "A" and a lower-case word
 * ("Renault.A la") or "M." and a name; a sub-heading or a bullet run into the text
 * ("soir.- Les enjeux -Le texte") gets a paragraph break as a suggestion, and an opening
 * guillemet glued to a full stop ("lundi.« Rien") its space.
 *
 * A split is proposed only when the whole is not a known word and both parts are: the
 * French word list (Grammalecte’s dictionary), the news names, the camel-case brands
 * that are right as written (iPhone, YouTube, McDonald’s, LaLiga…) and the house
 * vocabulary. Never inside URLs, e-mail addresses, domain names ("LINFO.re"), hashtags,
 * handles, abbreviations ("J.-C.", "U.S.A."), decimal numbers and times ("20h30");
 * "4x4", "G7", "COP21" are words; "5km" is a matter of unit spacing, not of glued words;
 * "XIXe", "1er" are ordinals.
 *
 * Shared with `punctuation-spacing`, so that a defect gets one message: this rule owns
 * the joins of letters without punctuation, a full stop glued between a word (or a
 * number) and a word, and a quotation mark glued between two words; `punctuation-spacing`
 * owns the missing space after a comma, a semicolon, a colon, an exclamation or question
 * mark, a closing parenthesis, and after a full stop that follows a bracket or a quote
 * ("(AFP).Le").
 *
 * Fix: the split ("Russie La"), with a sentence break as a second suggestion when the
 * second word starts a sentence ("Russie. La"), or a comma after an acronym
 * ("BFMTV, ce"); these are suggestions, since the lost punctuation cannot be known.
 * The missing space after a full stop ("France. Le") or around a quotation mark
 * ("sacrée “Elle"), and after a number before a lower-case word ("3 mars"), are safe.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le iPhone et YouTube, McDonald’s et LaLiga ; Kim Jong-Un et O’Neill.
 *   Le 4x4 du G7 roule à 5km/h vers la COP21, en 2022, à 20h30, au XIXe siècle.
 *   Lisez LINFO.re et BFMTV.com, écrivez à redaction@exemple.fr, suivez #FranceInfo.
 *   Il est né en 52 av. J.-C. aux U.S.A. et mesure 3,5 mètres (c.-à-d. beaucoup).
 *   Les ONGs alertent sur les SUVs et les NFTs ; la Nouvelle-Aquitaine et les Hauts-de-France aussi.
 *   Le siège est à Cambridge, CB2 1TN, au Royaume-Uni (un code postal britannique).
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Lors de sa visite à RussieLa ministre a parlé.
 *   Comme indiqué BFMTVce rapprochement est historique.
 *   Le décret du 3mars a été publié en France.Le ministre a réagi.
 *   Une «lutte sacrée“Elle a salué ainsi.”sagesse» du président.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:21-1:29 "RussieLa" → "Russie La" | "Russie. La" [suggestion]: Deux mots collés : « Russie » et « La ».
 *   2:15-2:22 "BFMTVce" → "BFMTV ce" | "BFMTV, ce" [suggestion]: Deux mots collés : « BFMTV » et « ce ».
 *   3:14-3:19 "3mars" → "3 mars" [safe]: Nombre collé au mot suivant : « 3 » et « mars ».
 *   3:36-3:45 "France.Le" → "France. Le" [safe]: Il manque une espace après le point entre « France » et « Le ».
 *   4:12-4:23 "sacrée“Elle" → "sacrée “Elle" [safe]: Guillemet collé entre deux mots : il manque une espace.
 *   4:32-4:46 "ainsi.”sagesse" → "ainsi.” sagesse" [safe]: Guillemet collé entre deux mots : il manque une espace.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Lors de sa visite à RussieLa ministre a parlé.
 *   Comme indiqué BFMTVce rapprochement est historique.
 *   Le décret du 3 mars a été publié en France. Le ministre a réagi.
 *   Une «lutte sacrée “Elle a salué ainsi.” sagesse» du président.
 *
 * @example
 *   {"name": "ok-3.txt"}
 *
 *   Son iPhone et eBay citent DiCaprio, Louis XIV et Henri IV ; AirFrance et FranceInfo.
 *   Les maires Dumont, Gramont et Rosales ; le Dr Michelet. Voir exemple.com ou Node.js.
 *   Un taux (aPTT) mesuré ; le facteur XIIIa.
 *
 * @example
 *   {"name": "not-ok-3.txt", "label": "input"}
 *
 *   Les élus desVosges et deFrance, le médicament parAclasta et le rapportOCDE.
 *   Le président Macronestime que Netflixest cher, selon Météo-Franceces jours-ci.
 *   Le préfet DavidDupont a reçu HenriIV et la perfusionBivalirudine.
 *
 * @example
 *   {"name": "not-ok-3.txt", "label": "output"}
 *
 *   1:10-1:19 "desVosges" → "des Vosges" [suggestion]: Deux mots collés : « des » et « Vosges ».
 *   1:23-1:31 "deFrance" → "de France" [suggestion]: Deux mots collés : « de » et « France ».
 *   1:47-1:57 "parAclasta" → "par Aclasta" [suggestion]: Deux mots collés : « par » et « Aclasta ».
 *   1:64-1:75 "rapportOCDE" → "rapport OCDE" [suggestion]: Deux mots collés : « rapport » et « OCDE ».
 *   2:14-2:26 "Macronestime" → "Macron estime" [suggestion]: Deux mots collés : « Macron » et « estime ».
 *   2:31-2:41 "Netflixest" → "Netflix est" [suggestion]: Deux mots collés : « Netflix » et « est ».
 *   2:54-2:69 "Météo-Franceces" → "Météo-France ces" [suggestion]: Deux mots collés : « Météo-France » et « ces ».
 *   3:11-3:22 "DavidDupont" → "David Dupont" [suggestion]: Deux mots collés : « David » et « Dupont ».
 *   3:30-3:37 "HenriIV" → "Henri IV" [suggestion]: Deux mots collés : « Henri » et « IV ».
 *   3:44-3:65 "perfusionBivalirudine" → "perfusion Bivalirudine" [suggestion]: Deux mots collés : « perfusion » et « Bivalirudine ».
 *
 * @example
 *   {"name": "ok-5.txt"}
 *
 *   Christine Lagarde a parlé ; Legrand est là ; le salon Rétromobile et Securitest.
 *   Le ministre Dupuis et Maisonneuve ; la Villeneuve voisine.
 *
 * @example
 *   {"name": "not-ok-5.txt", "label": "input"}
 *
 *   Le Tramadol soulage. Qu’est-ce que Tramadolet comment agit-il ?
 *   Selon la presse, Kowalczykest attendu dans la région du Cognacet du Bordelais.
 *   Lapremière fois, les Étatsmembres ont voté contre la Présidencemacronienne.
 *
 * @example
 *   {"name": "not-ok-5.txt", "label": "output"}
 *
 *   1:36-1:46 "Tramadolet" → "Tramadol et" [suggestion]: Deux mots collés : « Tramadol » et « et ».
 *   2:18-2:30 "Kowalczykest" → "Kowalczyk est" [suggestion]: Deux mots collés : « Kowalczyk » et « est ».
 *   2:57-2:65 "Cognacet" → "Cognac et" [suggestion]: Deux mots collés : « Cognac » et « et ».
 *   3:1-3:11 "Lapremière" → "La première" [suggestion]: Deux mots collés : « La » et « première ».
 *   3:22-3:34 "Étatsmembres" → "États membres" [suggestion]: Deux mots collés : « États » et « membres ».
 *   3:54-3:75 "Présidencemacronienne" → "Présidence macronienne" [suggestion]: Deux mots collés : « Présidence » et « macronienne ».
 *
 * @example
 *   {"name": "not-ok-4.txt", "label": "input"}
 *
 *   La semaine.M. Durand a parlé au G7.Il a ajouté."Nous partons" lundi.« Rien ».
 *   Le groupe Kowalski.Selon lui, c’est la fin de la bivalirudine.Table des matières.
 *   Le vote a eu lieu ce soir.- Les enjeux -Le texte sera relu. Le texte.A la une.
 *
 * @example
 *   {"name": "not-ok-4.txt", "label": "output"}
 *
 *   1:4-1:13 "semaine.M" → "semaine. M" [suggestion]: Il manque une espace après le point entre « semaine » et « M ».
 *   1:33-1:38 "G7.Il" → "G7. Il" [safe]: Il manque une espace après le point entre « G7 » et « Il ».
 *   1:41-1:53 "ajouté.\"Nous" → "ajouté. \"Nous" [safe]: Guillemet collé entre deux mots : il manque une espace.
 *   1:68-1:70 ".«" → ". «" [safe]: Guillemet ouvrant collé au point : il manque une espace.
 *   2:11-2:25 "Kowalski.Selon" → "Kowalski. Selon" [suggestion]: Il manque une espace après le point entre « Kowalski » et « Selon ».
 *   2:50-2:68 "bivalirudine.Table" → "bivalirudine. Table" [suggestion]: Il manque une espace après le point entre « bivalirudine » et « Table ».
 *   3:26-3:28 ".-" → ".\n\n-" [suggestion]: Intertitre collé au texte : il manque un saut de ligne après le point.
 *   3:39-3:41 " -" → "\n\n" [suggestion]: Intertitre collé au texte : il manque un saut de ligne avant le tiret.
 *   3:64-3:71 "texte.A" → "texte. A" [suggestion]: Il manque une espace après le point entre « texte » et « A ».
 *
 * @example
 *   {"name": "not-ok-4.txt", "label": "fixed"}
 *
 *   La semaine.M. Durand a parlé au G7. Il a ajouté. "Nous partons" lundi. « Rien ».
 *   Le groupe Kowalski.Selon lui, c’est la fin de la bivalirudine.Table des matières.
 *   Le vote a eu lieu ce soir.- Les enjeux -Le texte sera relu. Le texte.A la une.
 *
 * @example
 *   {"name": "ok-2.md"}
 *
 *   Le code `France.Le` et `RussieLa` reste tel quel, comme [le lien](https://exemple.fr/RussieLa.Le).
 *
 *       Bloc de code : BFMTVce
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "input"}
 *
 *   Les élus ont voté la réformeConcernant le budget, le TGVPour la ligne.
 *   Le décret paru en 2022Le ministre l’a signé.
 *   Il a dit : "Non."Le ministre a ri. Le texte est fini."Je pars", dit-il.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "output"}
 *
 *   1:22-1:39 "réformeConcernant" → "réforme Concernant" | "réforme. Concernant" [suggestion]: Deux mots collés : « réforme » et « Concernant ».
 *   1:54-1:61 "TGVPour" → "TGV Pour" | "TGV. Pour" [suggestion]: Deux mots collés : « TGV » et « Pour ».
 *   2:19-2:25 "2022Le" → "2022 Le" | "2022. Le" [suggestion]: Nombre collé au mot suivant : « 2022 » et « Le ».
 *   3:13-3:20 "Non.\"Le" → "Non.\" Le" [safe]: Guillemet collé entre deux mots : il manque une espace.
 *   3:49-3:57 "fini.\"Je" → "fini. \"Je" [safe]: Guillemet collé entre deux mots : il manque une espace.
 */
import {loadList} from '../src/lexicon/lists.js'
import {nounInfo, startsWithVowelSound, type NounInfo} from '../src/lexicon/nouns.js'
import {isEnglishWord} from '../src/lexicon/ranks.js'
import {isCommonWord, isFrenchWord, isKnownName, isKnownWord} from '../src/lexicon/words.js'
import {splitElision} from '../src/parse/elision.js'
import {isAddressLike, touchingRuns, type Run} from '../src/rules/runs.js'
import {perIndex, type DocumentIndex} from '../src/parse/document.js'
import {defineRule, firstTokenEndingAfter, type RuleContext} from '../src/rules/kit.js'
import {vocabularyOf} from '../src/vocabulary.js'

const wordCharacter = /[\p{L}\p{M}\p{N}]/u
const maximumGluedLength = 64
const letter = /\p{L}/u
const upper = /\p{Lu}/u
const lower = /\p{Ll}/u
const digit = /\p{Nd}/u
const openingQuotes = new Set(['“', '«', '„', '‹', '‘'])
const quoteSeparator = /^[.!?…]*[“”«»„‹›‘"]$/u

/** Name particles glued to the name they introduce: "McCain", "LeBron", "DiCaprio", "LaFerrari". */
const nameParticles = new Set(['mc', 'mac', 'de', 'di', 'da', 'du', 'le', 'la', 'van', 'von', 'der', 'den', 'ter', 'fitz', 'al', 'el', 'ben', 'abu', 'ibn'])
/** Symbols of units and ordinal endings after a number: the typography rules' concern, or right. */
const numberSuffixes = new Set([
  'km', 'kms', 'cm', 'mm', 'm', 'kg', 'kgs', 'mg', 'g', 'ha', 'hl', 'cl', 'ml', 'mn', 'min', 'h', 'hr', 'hrs', 'sec', 's', 'ms',
  'kw', 'kwh', 'mw', 'mwh', 'gw', 'gwh', 'tw', 'twh', 'w', 'v', 'mah', 'mhz', 'ghz', 'khz', 'hz', 'db', 'ko', 'mo', 'go', 'to',
  'kb', 'mb', 'gb', 'tb', 'px', 'pt', 'pts', 'ch', 'cv', 'bar', 'psi', 'nm', 'µm', 'kt', 'mt', 'gt', 'md', 'mds', 'mrd',
  'bn', 'k', 'x', 'e', 'er', 'ère', 're', 'ème', 'eme', 'è', 'nd', 'nde', 'nds', 'ndes', 'es', 'ers', 'ères', 'èmes', 'bis',
  'ter', 'quater', 'aine', 'aines', 'ans', 'an', 'th', 'st', 'rd', 'j', 'jrs', 'l', 'hab', 'p', 'pp', 'mph', 'fps',
])
const ordinalPrefix = /^(?:ère|ème|eme|ers|er|re|e)(?=\p{Ll}{2})/u
/** An acronym with the English plural "s" ("ONGs", "SUVs"): one word, not "ON" + "Gs". */
const acronymPlural = /^\p{Lu}{2,}s$/u
/** Endings glued to an acronym to make a word: "LGBTIphobe", "ONUsien". */
const acronymSuffixes = /^(?:phobes?|phobies?|istes?|ismes?|iens?|iennes?|isation|iser|esque|esques)$/u

interface Piece {
  readonly text: string
  readonly start: number
  readonly end: number
}

/**
 * Whether the UTF-16 unit at `at` is a letter, mark or digit (false past the end). ASCII
 * answers by its code, without the expression or a one-unit string (most of prose; this
 * runs for every character of the runs looked at).
 */
function isWordUnitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)
  return at < text.length && wordCharacter.test(text[at]!)
}

/** Joiners inside a piece: - ’ '. */
const isJoiner = (code: number): boolean => code === 0x2d || code === 0x2019 || code === 0x27

/** Splits a run into pieces of letters and digits (joined by inner hyphens and apostrophes) and what separates them. */
function piecesOf(text: string, offset: number): {pieces: Piece[]; separators: string[]} {
  const pieces: Piece[] = []
  const separators: string[] = []
  let at = 0
  let separatorStart = 0
  while (at < text.length) {
    if (!isWordUnitAt(text, at)) {
      at++
      continue
    }
    const start = at
    while (at < text.length && (isWordUnitAt(text, at) || (isJoiner(text.charCodeAt(at)) && isWordUnitAt(text, at + 1) && at > start))) at++
    separators.push(text.slice(separatorStart, start))
    pieces.push({text: text.slice(start, at), start: offset + start, end: offset + at})
    separatorStart = at
  }
  return {pieces, separators}
}

const nonLetters = /[^\p{L}]/gu
const letterCount = (text: string): number => text.replace(nonLetters, '').length
const lastSegment = (text: string): string => text.split(/[-’']/).at(-1)!

interface Split {
  readonly at: number
  readonly kind: 'case' | 'acronym' | 'number'
}

/**
 * What any split point needs somewhere in the word: a lower-case letter then a capital, two
 * capitals then a lower-case letter, or digits from the start then a letter. One test
 * instead of the walk below, for the many words that have none.
 */
const mayHoldSplit = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}|^\p{Nd}+\p{L}/u
/**
 * What a run needs for this rule to say anything: a split point in one of its pieces, or a
 * full stop or a quotation mark between two of them, or a capitalised word long enough to
 * hold a name and a word. Most runs ("politique,") have none.
 */
const mayHoldGluedWords = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}|\p{Nd}\p{L}|[.“”«»„‹›‘"]|\p{Lu}\p{Ll}{4}/u
/**
 * A character that `mayHoldGluedWords` may need: anything but lower-case letters (ASCII,
 * Latin-1, œ), apostrophes and punctuation it never matches. A plain class, scanned twice
 * as fast as the expression above, which four runs in five ("politique,") then skip.
 */
const notPlainLowerCase = /[^a-z\xdf-\xf6\xf8-\xff\u0153’',;:!?()\-]/
/**
 * Lower-case words then marks only ("fin.", "santé\",", "l'attentat."): pieces without a
 * capital or a digit, and no separator but a joiner between them, of which no check can
 * say anything: a quarter of the runs that pass the tests before it. The marks start with
 * one the word's class does not hold: one way to read a run, so no backtracking ("a''''…x"
 * was quadratic when both classes could take ’ ' -).
 */
const plainWordThenMarks = /^[a-z\xdf-\xf6\xf8-\xff\u0153’'\-]+(?:[^\p{L}\p{M}\p{N}’'\-][^\p{L}\p{M}\p{N}]*)?$/u

/** Where a piece may hold two glued words, in order of preference. */
function splitPoints(word: string): Split[] {
  const points: Split[] = []
  if (!mayHoldSplit.test(word) || acronymPlural.test(word)) return points
  const characters = [...word]
  let offset = 0
  let upperRun = 0
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]!
    const previous = characters[index - 1] ?? ''
    if (index > 0 && lower.test(previous) && upper.test(character)) points.push({at: offset, kind: 'case'})
    if (lower.test(character) && upperRun >= 2) {
      points.push({at: offset, kind: 'acronym'})
      if (upperRun >= 3) points.push({at: offset - characters[index - 1]!.length, kind: 'case'})
    }
    if (index > 0 && digit.test(previous) && letter.test(character) && /^\p{Nd}+$/u.test(word.slice(0, offset))) {
      points.push({at: offset, kind: 'number'})
    }
    upperRun = upper.test(character) ? upperRun + 1 : 0
    offset += character.length
  }
  return points
}

type Report = RuleContext<unknown>['report']

// Expressions of the checks below, hoisted: a literal in a function is a new RegExp at each call.
const lowerCaseWord = /^\p{Ll}+$/u
const capitalisedName = /^\p{Lu}\p{Ll}{2,}$/u
const longCapitalisedWord = /^\p{Lu}\p{Ll}{5,}$/u
const capitalThenFourLower = /\p{Lu}\p{Ll}{4}/u
const lettersOnly = /^\p{L}+$/u
/** "2020", "4x4", "COP21": a number, or a word with digits, at the end of a sentence. */
const numberEnd = /^[\p{L}\p{N}]*\p{N}$|^\p{N}[\p{L}\p{N}]*$/u
const letterLast = /\p{L}$/u
const longLowerCaseWord = /^\p{Ll}{4,}$/u
const capitalisedWord = /^\p{Lu}\p{Ll}+$/u
const threeLowerCaseLetters = /^\p{Ll}{3,}$/u
/** The word after a piece, across spaces only. */
const spacesThenWord = /^[ \t]+([\p{L}’']+)/u

/**
 * A lower-case word glued to a capitalised one: "deFrance", "parAclasta", "lesAk",
 * "perfusionBivalirudine". A function word before any capital is enough (a lower-case
 * particle only before a known name: "deGrasse" stays); another word must be a common
 * French word of three letters or more, before a name-shaped word.
 */
function gluedAfterLowerCase(left: string, right: string): boolean {
  if (!lowerCaseWord.test(left) || !upper.test(right[0]!)) return false
  if (functionWords.has(left)) {
    // "aPTT", "dsDNA": a lower-case letter before an acronym is a scientific abbreviation.
    if (letterCount(right) < 2 || (!lower.test(right) && !isKnownWord(right))) return false
    return !lowerParticles.has(left) || isKnownWord(right)
  }
  return left.length >= 3 && nameShape.test(right) && isCommonWord(left) && !isKnownWord(right)
}

/**
 * A first name glued to a surname or a ruler to his number: "DavidWarren",
 * "StevenMcGonigal", "HenriIV". The left part must be a name and not a common word
 * ("AirFrance", "GrandCoeur" and "FranceInfo" stay), the right one a name that is not a
 * common word either, or an unknown name-shaped word, or a Roman numeral.
 */
function nameThenName(left: string, right: string): boolean {
  if (!capitalisedName.test(left) || !isKnownName(left) || isCommonWord(left)) return false
  if (romanNumeral.test(right)) return true
  if (!nameShape.test(right) || isCommonWord(right)) return false
  return isKnownName(right) || !isFrenchWord(right)
}

/** "Paris", "l’Île-de-France": a capital then lower case (not an acronym, not "secret"). */
function isCapitalisedWord(word: string): boolean {
  const stem = splitElision(word)?.stem ?? word
  return upper.test(stem[0]!) && lower.test(stem)
}

/** Whether a word usually opens a sentence: "Le", "Dans", "Jeudi", "L’alerte", "Qu’il". */
function opensSentence(word: string): boolean {
  const openers = loadList('sentence-openers.txt')
  const elision = splitElision(word)
  if (elision) return openers.has(elision.prefix)
  return openers.has(word.toLowerCase().replace(/'/g, '’'))
}

/**
 * Articles, prepositions and conjunctions: written in lower case and glued to a capital
 * ("deFrance", "parAclasta", "etSaulon"), they are two words even when the name is unknown.
 */
const functionWords = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'à', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses',
  'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes', 'par', 'pour', 'sur', 'sous', 'dans', 'avec',
  'chez', 'entre', 'contre', 'vers', 'selon', 'sans', 'depuis', 'pendant', 'après', 'avant', 'en', 'et', 'ou', 'mais',
  'que', 'qui', 'dont', 'où', 'est', 'a', 'ont', 'sont', 'était',
])
/** Lower-case particles that some names keep glued ("deGrasse", "vanHool"): split only before a known name. */
const lowerParticles = new Set(['de', 'la', 'le', 'van', 'von', 'der', 'den', 'di', 'da', 'dos', 'al', 'el'])
/** A capitalised name shape: "Aclasta", "McGonigal", "O’Neill". */
const nameShape = /^(?:Mc|Mac|O’|O')?\p{Lu}\p{Ll}{2,}$/u
const romanNumeral = /^[IVXL]{1,5}$/
/**
 * Lower-case words that follow a name in a sentence and that no name ends with: what a
 * name glued to the next word ("Macronestime", "Netflixest", "Météo-Franceces") is cut
 * before. Endings of surnames ("-et", "-on", "-ont", "-aux", "-que") are left out on purpose.
 */
const wordsAfterName = new Set([
  'est', 'était', 'sont', 'avait', 'aura', 'sera', 'serait', 'fut', 'doit', 'peut', 'veut', 'fait', 'dit', 'estime',
  'affirme', 'explique', 'ajoute', 'souligne', 'rappelle', 'indique', 'précise', 'annonce', 'assure', 'déclare', 'juge',
  'reste', 'devient', 'compte', 'prévoit', 'propose', 'depuis', 'dans', 'pour', 'avec', 'selon', 'chez', 'contre', 'vers',
  'mais', 'ainsi', 'aussi', 'donc', 'dont', 'ces', 'leur', 'leurs', 'sur', 'sous',
  'entre', 'après', 'avant', 'pendant', 'lors', 'une', 'par', 'puis', 'avaient', 'étaient', 'devait',
])

const repeatedKey = Symbol('words written more than once')

/** Whether `word` occurs more than once in the text; one scan per word and document. */
function isRepeated(index: DocumentIndex, word: string): boolean {
  const answers = perIndex(index, repeatedKey, () => new Map<string, boolean>())
  let answer = answers.get(word)
  if (answer === undefined) {
    answer = index.source.indexOf(word) !== index.source.lastIndexOf(word)
    answers.set(word, answer)
  }
  return answer
}

/** Verb forms that follow a subject and that no name ends with: after them even an unknown name is cut ("Careyest"). */
const verbsAfterName = new Set([
  'est', 'était', 'sont', 'avait', 'avaient', 'étaient', 'sera', 'serait', 'fut', 'doit', 'peut', 'veut', 'estime',
  'affirme', 'explique', 'ajoute', 'souligne', 'rappelle', 'indique', 'précise', 'annonce', 'assure', 'déclare',
])
/**
 * Short words that follow a name and that names also end with ("Martinet", "Cohen",
 * "Hermes"): a cut before them needs the name to stand alone elsewhere in the text.
 */
const shortWordsAfterName = new Set(['et', 'en', 'de', 'du', 'des', 'au', 'aux', 'ou'])
/** Determiners that open a noun phrase: after "Cognacet du Pineau", "et" coordinates two of them. */
const phraseOpeners = /^(?:le|la|les|l['’]\p{L}+|du|des|un|une|son|sa|ses|leur|leurs|ce|cette|ces)$/u

const wordsKey = Symbol('words of the text')

/** Whether `word` stands as a word of its own somewhere in the text ("Angiox" before "Angioxet"). */
function standsAlone(index: DocumentIndex, word: string): boolean {
  const words = perIndex(index, wordsKey, () => {
    const values = new Set<string>()
    for (const token of index.tokens) if (token.kind === 'word') values.add(token.value)
    return values
  })
  return words.has(word)
}

/** The word after the piece, across spaces only: "Cognacet du" → "du". */
function wordAfter(index: DocumentIndex, end: number): string {
  return spacesThenWord.exec(index.source.slice(end, end + 40))?.[1] ?? ''
}

/**
 * A capitalised word glued to the lower-case word after it, with no change of case to
 * show the cut: "Macronestime", "Cherbourgdepuis", "Météo-Franceces", "Careyest",
 * "Angioxet". Cut only when the token is not written the same way elsewhere in the text
 * (a name repeats, a slip seldom does), nor a word of any list (French, names, English),
 * and where
 * - a known name (4 letters or more) meets a word of `wordsAfterName`;
 * - any name-shaped word of 4 letters or more meets a verb that follows subjects
 *   ("Careyest": no name ends with "est" after 4 letters but English words, left alone);
 * - a word meets a short word that names also end with ("et", "en", "de"…), when that
 *   word stands alone elsewhere in the text ("Angiox … Angioxet"), or when it is a known
 *   name and "et" is followed by a determiner ("Cognacet du Pineau").
 */
function nameThenWord(word: string, index: DocumentIndex, end: number): {left: string; right: string} | undefined {
  const hyphen = word.lastIndexOf('-')
  const head = word.slice(0, hyphen + 1)
  const last = word.slice(hyphen + 1)
  if (!longCapitalisedWord.test(last) || isEnglishWord(word)) return undefined
  // Only a word of the lists below can be cut off: none is longer than `longestWordAfterName`.
  for (let at = last.length - 2; at >= 3 && at >= last.length - longestWordAfterName; at--) {
    const right = last.slice(at)
    const left = head + last.slice(0, at)
    let cut = false
    if (at >= 4 && wordsAfterName.has(right) && isKnownName(left)) cut = true
    // "Securitest", "Autotest": the end of the name makes a word with the verb ("test").
    // No word ends in "qu" ("Holmquest").
    else if (at >= 4 && verbsAfterName.has(right) && !isFrenchWord(left) && !endsInWord(left, right) && !/qu?$/.test(left)) cut = true
    else if (shortWordsAfterName.has(right) || wordsAfterName.has(right)) {
      cut = standsAlone(index, left) || (at >= 4 && right === 'et' && isKnownName(left) && phraseOpeners.test(wordAfter(index, end)))
    }
    if (!cut) continue
    if (isRepeated(index, word)) return undefined
    return {left, right}
  }
  return undefined
}

const longestWordAfterName = Math.max(...[...wordsAfterName, ...verbsAfterName, ...shortWordsAfterName].map((word) => word.length))

/** Whether the last letters of `left` make a word with `right`: "Securit" + "est" ("test"), "Nordou" + "est" ("ouest"). */
function endsInWord(left: string, right: string): boolean {
  return [1, 2].some((count) => isCommonWord(left.slice(-count) + right))
}

/** Capitalised determiners that a glued adjective or noun may follow: "Lapremière", "Lepremier", "Unenouvelle". */
const capitalDeterminers: ReadonlyMap<string, {gender: 'm' | 'f' | 'both'; number: 's' | 'p'}> = new Map([
  ['Le', {gender: 'm', number: 's'}], ['La', {gender: 'f', number: 's'}], ['Les', {gender: 'both', number: 'p'}],
  ['Un', {gender: 'm', number: 's'}], ['Une', {gender: 'f', number: 's'}], ['Des', {gender: 'both', number: 'p'}],
  ['Ce', {gender: 'm', number: 's'}], ['Cette', {gender: 'f', number: 's'}], ['Ces', {gender: 'both', number: 'p'}],
  ['Du', {gender: 'm', number: 's'}], ['Au', {gender: 'm', number: 's'}], ['Aux', {gender: 'both', number: 'p'}],
  ['Sa', {gender: 'f', number: 's'}], ['Ses', {gender: 'both', number: 'p'}], ['Son', {gender: 'm', number: 's'}],
])

function agreesWith(info: NounInfo | undefined, gender: 'm' | 'f' | 'both', number: 's' | 'p'): boolean {
  if (!info) return false
  return (gender === 'both' || info.gender === 'both' || info.gender === gender) && (info.number === 'both' || info.number === number)
}

/**
 * A capitalised determiner glued to the word after it, before a noun that agrees with
 * both: "Lapremière fois" → "La première fois", "Lepremier pas". Surnames made the same
 * way ("Legrand", "Lagarde", "Lenoir") are followed by a verb, not by an agreeing noun.
 */
function determinerThenWord(word: string, index: DocumentIndex, end: number): {left: string; right: string} | undefined {
  for (let at = 2; at <= 5 && at < word.length - 2; at++) {
    const left = word.slice(0, at)
    const determiner = capitalDeterminers.get(left)
    if (!determiner) continue
    const right = word.slice(at)
    if (!threeLowerCaseLetters.test(right) || startsWithVowelSound(right)) continue
    const info = nounInfo(right)
    if (!info?.alsoAdjective || !agreesWith(info, determiner.gender, determiner.number)) continue
    const next = wordAfter(index, end)
    const nextInfo = lowerCaseWord.test(next) ? nounInfo(next) : undefined
    if (!nextInfo || nextInfo.alsoVerb || nextInfo.gender === 'both' || !agreesWith(nextInfo, determiner.gender, determiner.number)) continue
    if (isRepeated(index, word)) return undefined
    return {left, right}
  }
  return undefined
}

/**
 * A capitalised noun glued to the adjective or noun after it: "Étatsmembres",
 * "Eruptioncutanée". Both parts must be long (5 and 6 letters or more), the first a
 * noun and no adjective, the second agreeing with it in number (and in gender when it is
 * an adjective); compound names of this shape ("Maisonneuve", "Boisvert") have a short
 * second part or are known names, and a first part in -o is a combining form
 * ("Rétromobile", "Radiofréquence").
 */
function nounThenWord(word: string, index: DocumentIndex): {left: string; right: string} | undefined {
  if (!cuttableNoun.test(word) || isEnglishWord(word)) return undefined
  for (let at = word.length - 6; at >= 5; at--) {
    const left = word.slice(0, at)
    const right = word.slice(at)
    // "Rétromobile", "Autoroute": a first part in -o is a combining form ("rétro-", "auto-", "radio-").
    if (!(isFrenchWord(right) || adjectiveByEnding(right)) || isKnownName(left) || left.endsWith('o') || prefixes.has(left.toLowerCase())) continue
    const leftInfo = nounInfo(left) ?? nounInfo(accentedInitial(left))
    // An adjective that is no noun ("cutanée"): its number by its ending; one that no list
    // knows ("grolandaise", from a name): its gender and number by its ending.
    const rightInfo = nounInfo(right) ?? (isCommonWord(right) ? {gender: 'both' as const, number: /[sx]$/.test(right) ? ('p' as const) : ('s' as const), alsoVerb: false, alsoAdjective: true} : adjectiveByEnding(right))
    if (!leftInfo || !rightInfo || leftInfo.alsoAdjective || leftInfo.alsoVerb || rightInfo.alsoVerb) continue
    if (leftInfo.number !== 'both' && rightInfo.number !== 'both' && leftInfo.number !== rightInfo.number) continue
    if (rightInfo.alsoAdjective && leftInfo.gender !== 'both' && rightInfo.gender !== 'both' && leftInfo.gender !== rightInfo.gender) continue
    if (isRepeated(index, word)) return undefined
    return {left, right}
  }
  return undefined
}

/** Endings of adjectives of place and of kind, feminine and masculine: "grolandaise", "bruxelloise", "macronien". */
const adjectiveEndingsOfUnknown: ReadonlyArray<readonly [RegExp, 'm' | 'f']> = [
  [/(?:aise|oise|ienne|éenne|ale|elle|euse|ive)s?$/u, 'f'],
  [/(?:ais|ois|ien|éen|al|el|eux|if)s?$/u, 'm'],
]

/**
 * The gender and number of a lower-case word that no list knows but that ends like an
 * adjective of place or kind ("grolandaise": feminine singular), of 7 letters or more;
 * undefined otherwise.
 */
function adjectiveByEnding(word: string): NounInfo | undefined {
  if (word.length < 7 || !lowerCaseWord.test(word) || isFrenchWord(word) || isEnglishWord(word)) return undefined
  const gender = adjectiveEndingsOfUnknown.find(([ending]) => ending.test(word))?.[1]
  if (gender === undefined) return undefined
  // "-ais", "-ois" are singular and plural alike.
  const number = /(?:ais|ois|eux)$/.test(word) ? 'both' : word.endsWith('s') ? 'p' : 's'
  return {gender, number, alsoVerb: false, alsoAdjective: true}
}

/** Prefixes that are also words ("l’inter", "le super"): glued to a word, they make one ("Intersyndicat", "Supermarché"). */
const prefixes = new Set(['inter', 'intra', 'extra', 'ultra', 'super', 'hyper', 'multi', 'contre', 'entre', 'trans', 'supra', 'infra', 'archi', 'sous'])

/** "Eruption" → "Éruption": a capital written without its accent. */
function accentedInitial(word: string): string {
  return word[0] === 'E' ? `É${word.slice(1)}` : word
}

/**
 * "OX14 4SA", "EH1 1YZ": digits then capitals after a code of letters and digits is the end of a
 * postcode or a reference, not a number glued to an acronym.
 */
function isCodeAfterCode(left: string, right: string, index: DocumentIndex, start: number): boolean {
  if (!/^\d{1,2}$/.test(left) || !/^[A-Z]{2,3}$/.test(right)) return false
  const at = firstTokenEndingAfter(index, start)
  const space = index.tokens[at - 1]
  const before = index.tokens[at - 2]
  return space?.kind === 'whitespace' && space.value === ' ' && before?.kind === 'word' && /^(?=.*\d)(?=.*[A-Z])[A-Z\d]{2,5}$/.test(before.value)
}

/**
 * A last segment that `nameThenWord` may cut ("Macronestime", "Météo-Franceces"), tried
 * only where that segment starts (sticky: one attempt, not one per position).
 */
const cuttableSegment = /\p{Lu}\p{Ll}{5,}$/uy
/** What `nounThenWord` may cut: "Étatsmembres". */
const cuttableNoun = /^\p{Lu}\p{Ll}{10,}$/u
/** The code of a word's last two units, a key of `cutWordsByLastTwo`. */
const lastTwoKey = (word: string): number => word.charCodeAt(word.length - 2) * 0x10000 + word.charCodeAt(word.length - 1)
/** Every word `nameThenWord` cuts before (all of two letters or more), by the codes of its last two letters. */
const cutWordsByLastTwo = new Map<number, string[]>()
for (const word of new Set([...wordsAfterName, ...verbsAfterName, ...shortWordsAfterName])) {
  const key = lastTwoKey(word)
  cutWordsByLastTwo.set(key, [...(cutWordsByLastTwo.get(key) ?? []), word])
}
/** The capitalised determiners (Le, La, Un, Des, Cette…), by the code of their first letter. */
const determinersByInitial = new Map<number, string[]>()
for (const determiner of capitalDeterminers.keys()) {
  const initial = determiner.charCodeAt(0)
  determinersByInitial.set(initial, [...(determinersByInitial.get(initial) ?? []), determiner])
}

/**
 * Whether `nameThenWord`, `determinerThenWord` or `nounThenWord` may split the word: its
 * last segment is a capital then five lower-case letters or more and ends with a word
 * `nameThenWord` cuts before (at its own places), or the word is long enough for
 * `nounThenWord`, or it starts with a capitalised determiner and a lower-case word follows
 * it (`determinerThenWord` needs one). Saves the word-list lookups for the others
 * ("Selon", "Macron", "L’État", "Cette,").
 */
function maySplitWithoutCase(word: string, index: DocumentIndex, end: number): boolean {
  const segmentStart = word.lastIndexOf('-') + 1
  cuttableSegment.lastIndex = segmentStart
  if (cuttableSegment.test(word)) {
    if (segmentStart === 0 && cuttableNoun.test(word)) return true
    // The words nameThenWord cuts before that end the last segment, 3 letters or more after its start.
    const segmentLength = word.length - segmentStart
    const candidates = cutWordsByLastTwo.get(lastTwoKey(word))
    if (candidates) for (const candidate of candidates) if (segmentLength - candidate.length >= 3 && word.endsWith(candidate)) return true
  }
  const determiners = determinersByInitial.get(word.charCodeAt(0))
  if (!determiners) return false
  for (const determiner of determiners) {
    if (determiner.length < word.length - 2 && word.startsWith(determiner)) return lowerCaseWord.test(wordAfter(index, end))
  }
  return false
}

/** Checks a piece for two glued words; reports the first plausible split. */
function checkPiece(piece: Piece, report: Report, houseWords: ReadonlySet<string>, index: DocumentIndex): void {
  const word = piece.text
  // Two glued words make a token of a few dozen letters; a longer one is not prose (and
  // testing every split of it would be quadratic).
  if (word.length > maximumGluedLength) return
  const points = splitPoints(word)
  if (points.length === 0) {
    if (!capitalThenFourLower.test(word) || !maySplitWithoutCase(word, index, piece.end) || isKnownWord(word) || houseWords.has(word)) return
    const split = nameThenWord(word, index, piece.end) ?? determinerThenWord(word, index, piece.end) ?? nounThenWord(word, index)
    if (split) {
      report(`Deux mots collés : « ${split.left} » et « ${split.right} ».`, piece.start, piece.end, {
        expected: [`${split.left} ${split.right}`],
        safe: false,
      })
    }
    return
  }
  if (isKnownWord(word) || houseWords.has(word)) return
  for (const {at, kind} of points) {
    let left = word.slice(0, at)
    let right = word.slice(at)
    if (kind === 'number') {
      // "1erjanvier": the ordinal stays with its number.
      const ordinal = ordinalPrefix.exec(right)
      if (ordinal && isFrenchWord(right.slice(ordinal[0].length))) {
        left += ordinal[0]
        right = right.slice(ordinal[0].length)
      }
      if (!lettersOnly.test(right) || numberSuffixes.has(right.toLowerCase()) || right.length < 2) continue
      if (!isKnownWord(right)) continue
      if (isCodeAfterCode(left, right, index, piece.start)) return
      const capital = upper.test(right[0]!)
      const expected = [`${left} ${right}`]
      if (capital && isCommonWord(right)) expected.push(`${left}. ${right}`)
      report(`Nombre collé au mot suivant : « ${left} » et « ${right} ».`, piece.start, piece.end, {expected, safe: !capital})
      return
    }
    if (kind === 'case' && gluedAfterLowerCase(left, right)) {
      const expected = [`${left} ${right}`]
      if (!functionWords.has(left) && isCommonWord(right) && opensSentence(right)) expected.push(`${left}. ${right}`)
      report(`Deux mots collés : « ${left} » et « ${right} ».`, piece.start, piece.end, {expected, safe: false})
      return
    }
    if (kind === 'case' && nameThenName(left, right)) {
      report(`Deux mots collés : « ${left} » et « ${right} ».`, piece.start, piece.end, {expected: [`${left} ${right}`], safe: false})
      return
    }
    if (letterCount(left) < 2 || letterCount(right) < 2 || romanNumeral.test(left)) continue
    if (nameParticles.has(lastSegment(left).toLowerCase())) continue
    if (kind === 'acronym' && acronymSuffixes.test(right)) continue
    if (!isKnownWord(left) || !isKnownWord(right)) continue
    // "GrandCoeur", "AirFrance": a capitalised word followed by another is as likely a name
    // as two glued sentences; only a word that opens sentences ("ParisLe") tells.
    if (kind === 'case' && isCapitalisedWord(left) && !opensSentence(right)) continue
    const expected = [`${left} ${right}`]
    if (kind === 'acronym') expected.push(`${left}, ${right}`)
    else if (isCommonWord(right)) expected.push(`${left}. ${right}`)
    report(`Deux mots collés : « ${left} » et « ${right} ».`, piece.start, piece.end, {expected, safe: false})
    return
  }
}

/** A word on either side of a glued full stop: a known word, or on the left a number ("2020.Le"). */
function isSentenceWord(piece: Piece, side: 'left' | 'right'): boolean {
  const text = piece.text
  // "2020.Le", "4x4.Trois", "COP21.La": a number or a word with digits ends the sentence.
  if (side === 'left' && numberEnd.test(text)) return true
  if (letterCount(text) < 2 || !letter.test(text[side === 'left' ? text.length - 1 : 0]!)) return false
  return isKnownWord(text)
}

/**
 * Whether "left.right" is two sentences glued at the full stop: 'sure' when both sides are
 * known words (or a number on the left) and the right one is capitalised ("France.Le",
 * "G7.Il", "prix.L’inflation"); 'likely' when the left word is unknown but the right one
 * opens sentences ("Kowalski.Selon") or is a common word after a lower-case one
 * ("bivalirudine.Table"), or when the right one is the capital "A" before a
 * lower-case word ("Renault.A la") or "M." before a name ("semaine.M. Durand"). Not
 * "J.-C", "U.S.A", "3.5", "oui.sncf", "France.TV".
 */
function sentenceJoin(piece: Piece, next: Piece, source: string): 'sure' | 'likely' | undefined {
  if (!upper.test(next.text[0]!)) return undefined
  // What answers no whatever the lists say, before asking them.
  if (next.text.length === 1 ? next.text !== 'A' && next.text !== 'À' && next.text !== 'M' : next.text.length <= 2 && !lower.test(next.text)) return undefined
  if (isKnownName(`${piece.text}.${next.text}`)) return undefined
  const leftKnown = isSentenceWord(piece, 'left')
  if (next.text.length === 1) {
    if (!leftKnown || letterCount(piece.text) < 2) return undefined
    const after = source.slice(next.end, next.end + 3)
    if (/^[AÀ]$/.test(next.text) && /^ \p{Ll}/u.test(after)) return 'likely'
    if (next.text === 'M' && /^\. \p{Lu}/u.test(after)) return 'likely'
    return undefined
  }
  // Two capitals after the stop read as a domain, not as a sentence.
  if (next.text.length <= 2 && !lower.test(next.text)) return undefined
  if (leftKnown && isSentenceWord(next, 'right')) return 'sure'
  if (letterCount(piece.text) < 3 || !letterLast.test(piece.text) || !lower.test(next.text)) return undefined
  if (opensSentence(next.text)) return 'likely'
  // "bivalirudine.Table": an unknown lower-case word, then a common word capitalised.
  if (longLowerCaseWord.test(piece.text) && capitalisedWord.test(next.text) && isCommonWord(next.text)) return 'likely'
  return undefined
}

/** A sentence end then a bullet or a dash run into the next sub-heading: "soir.- Les enjeux", "fin.• Le point". */
const bulletAfterSentence = /\p{L}[.!?…]([-–—•+])$/u
/** A dash glued to a capitalised word after a word: "Les enjeux -Le texte", the end of a sub-heading. */
const bulletBeforeWord = /^[-•](?=\p{Lu}\p{Ll})/u
/** Whether a code is one of the last characters `bulletAfterSentence` may match: - – — • +. */
const isBulletEnd = (code: number): boolean => code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2022 || code === 0x2b

/** Sub-headings and bullets run into the text: reports them with a paragraph break as a suggestion. */
function checkBullets(run: Run, source: string, report: Report): void {
  const after = bulletAfterSentence.exec(run.text)
  if (after && source[run.end] === ' ' && upper.test(source[run.end + 1] ?? '')) {
    report('Intertitre collé au texte : il manque un saut de ligne après le point.', run.end - 2, run.end, {
      expected: [`${run.text.at(-2)}\n\n${after[1]}`],
      safe: false,
    })
  }
  if (bulletBeforeWord.test(run.text) && source[run.start - 1] === ' ' && letter.test(source[run.start - 2] ?? '')) {
    report('Intertitre collé au texte : il manque un saut de ligne avant le tiret.', run.start - 1, run.start + 1, {
      expected: ['\n\n'],
      safe: false,
    })
  }
}

/** "lundi.« Rien" : an opening guillemet glued to the full stop before it. */
const guillemetAfterStop = /\p{L}([.!?…])«$/u

const straightQuotesKey = Symbol('straight quotes by block')

/**
 * Whether the straight quotation mark at `offset` opens a quotation: it does when an even
 * number of them precede it in its paragraph. Undefined when the paragraph's marks do not
 * pair up, since the side of the missing space cannot then be told.
 */
function straightQuoteOpens(index: DocumentIndex, blockIndex: number, offset: number): boolean | undefined {
  const byBlock = perIndex(index, straightQuotesKey, () => new Map<number, number[]>())
  let offsets = byBlock.get(blockIndex)
  if (!offsets) {
    const block = index.blocks[blockIndex]!
    offsets = []
    for (let at = index.source.indexOf('"', block.start); at !== -1 && at < block.end; at = index.source.indexOf('"', at + 1)) offsets.push(at)
    byBlock.set(blockIndex, offsets)
  }
  if (offsets.length % 2 === 1) return undefined
  const before = offsets.indexOf(offset)
  return before === -1 ? undefined : before % 2 === 0
}

export default defineRule(
  {id: 'glued-words', summary: 'Deux mots collés (« RussieLa », « France.Le », « 3mars »).', fix: 'mixed'},
  ({index, file, report}) => {
    // Names of the house vocabulary are right as written ("BlaBlaCar", "LeMonde").
    const houseWords = vocabularyOf(file).words
    for (const run of touchingRuns(index)) {
      // The expressions below only for runs whose first or last character may start a match.
      const first = run.text.charCodeAt(0)
      const last = run.text.charCodeAt(run.text.length - 1)
      if ((first === 0x2d || first === 0x2022 || isBulletEnd(last)) && (bulletBeforeWord.test(run.text) || bulletAfterSentence.test(run.text))) {
        checkBullets(run, index.source, report)
      }
      if (last === 0xab) checkGuillemetAfterStop(run, index.source, report)
      if (!notPlainLowerCase.test(run.text) || !mayHoldGluedWords.test(run.text) || plainWordThenMarks.test(run.text) || isAddressLike(run.text)) continue
      checkPieces(run, index, houseWords, report)
    }
  },
)

/*
 * The checks below run for the few runs that passed the rule's cheap tests. Apart from
 * the loop over runs, so that V8 optimises that loop once: a rarely taken branch here
 * reoptimises these functions only.
 */

/** "lundi.« Rien": an opening guillemet glued to the stop before it, a space after it. */
function checkGuillemetAfterStop(run: Run, source: string, report: Report): void {
  const guillemet = guillemetAfterStop.exec(run.text)
  if (guillemet && /\s/.test(source[run.end] ?? '')) {
    report('Guillemet ouvrant collé au point : il manque une espace.', run.end - 2, run.end, {expected: [`${guillemet[1]} «`], safe: true})
  }
}

/** The pieces of a run that may hold glued words: each piece, then what glues it to the next. */
function checkPieces(run: Run, index: DocumentIndex, houseWords: ReadonlySet<string>, report: Report): void {
  const {pieces, separators} = piecesOf(run.text, run.start)
  for (let at = 0; at < pieces.length; at++) {
    const piece = pieces[at]!
    checkPiece(piece, report, houseWords, index)
    const next = pieces[at + 1]
    if (!next) continue
    const separator = separators[at + 1]!
    if (separator === '.') {
      const join = sentenceJoin(piece, next, index.source)
      if (!join) continue
      report(`Il manque une espace après le point entre « ${piece.text} » et « ${next.text} ».`, piece.start, next.end, {
        expected: [`${piece.text}. ${next.text}`],
        safe: join === 'sure',
      })
    } else if (quoteSeparator.test(separator)) {
      // "sacrée“Elle", "ainsi.”sagesse", "monde."Les": a quotation mark glued between two words.
      if (!letter.test(piece.text.at(-1)!) || !letter.test(next.text[0]!)) continue
      const quote = separator.at(-1)!
      const marks = separator.slice(0, -1)
      const opening = quote === '"' ? straightQuoteOpens(index, index.tokens[run.firstToken]!.block, next.start - 1) : openingQuotes.has(quote)
      if (opening === undefined) continue
      const expected = opening ? `${piece.text}${marks} ${quote}${next.text}` : `${piece.text}${separator} ${next.text}`
      report('Guillemet collé entre deux mots : il manque une espace.', piece.start, next.end, {expected: [expected], safe: true})
    }
  }
}
