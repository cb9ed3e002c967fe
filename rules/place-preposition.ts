/**
 * ## place-preposition
 *
 * Flags a preposition of place that does not suit the country, region or territory after
 * it: "à Russie" → "en Russie", "en Japon" → "au Japon", "à États-Unis" → "aux
 * États-Unis", "au France" → "en France", "à la Japon" → "au Japon", "de Japon" → "du
 * Japon", and the article left uncontracted before a place: "de le Japon" → "du Japon",
 * "à les États-Unis" → "aux États-Unis", "à Le Havre" → "au Havre". "en" before a city
 * ("en Paris") becomes "à".
 *
 * The French norm (Grevisse, *Le Bon Usage*, § 1051): "en" before a feminine name or a
 * masculine one starting with a vowel (en Russie, en Iran), "au" before a masculine one
 * (au Japon), "aux" before a plural (aux États-Unis), "à" before names without article
 * (à Cuba, à Paris), with the exceptions of usage recorded in the gazetteer (en Israël,
 * à la Barbade, dans le Donbass). Forms that careful usage accepts are accepted: "dans le
 * Texas" as "au Texas", "en Val-de-Marne", "à la Martinique".
 *
 * Not flagged, on purpose: "à la Russie", "à l’Iran", "au Japon" (also indirect objects:
 * "il a livré des armes à la Russie"); "de Russie" and "de la Russie"; names without an
 * article after "au" ("au Paris des années folles", "au Cuba de Castro"); a name that
 * begins a longer proper noun ("à France Télévisions", "à Russie unie"); names that are
 * also persons' names ("à Dominique"); "de" before a name after a capitalised word or a
 * numeral (royal titles: "Frederik X de Danemark"); "de" before a vowel, which is the
 * `elision` rule's ("de Iran" → "d’Iran"). "en" before a département is left alone ("en
 * Val-d’Oise" is administrative usage). A name glued to the next sentence ("à
 * RussieLa ministre…") is still read as the name, and a preposition glued to the end of the
 * previous sentence ("lundi.En Japon") is still read as the preposition.
 *
 * Division of labour with `proper-noun-article`: every group that starts with "à", "au",
 * "aux" or "en", and "de" + an article that agrees but is not contracted, is this rule's;
 * an article that disagrees after "de" is `proper-noun-article`'s.
 *
 * Fix: the preposition group only, never the name, keeping its case. Safe when there is
 * one right form ("en Japon" → "au Japon"); "à Russie" reads "en Russie" (place) or "à la
 * Russie" (indirect object), a suggestion unless a word of travel or stay comes before
 * ("sa visite à Russie").
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Il vit en Russie, au Japon, aux États-Unis, à Cuba, en Israël et en Iran.
 *   Il a livré des armes à la Russie et il a écrit à l’Iran et au Japon.
 *   Il revient de Russie, de la Russie de Poutine, du Japon et d’Iran.
 *   Il a adhéré à Russie unie puis est passé à France Télévisions.
 *   Elle écrit à Dominique ; il vit à la Martinique, dans le Texas et en Val-de-Marne.
 *   Le Paris des années folles ressemblait au Paris d’aujourd’hui ; au Cuba de Castro.
 *   Margrethe II de Danemark ; il a écrit à La Haye, au Havre et à La Rochelle.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Lors de sa visite à Russie, il a parlé.
 *   Il est allé à Russie puis en Japon.
 *   Il a vécu à États-Unis et au France.
 *   Il revient de Japon et de le Mexique.
 *   Il travaille à la Japon et en Paris.
 *   Il arrive à Le Havre.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:19-1:20 "à" → "en" | "à la" [safe]: « Russie » est féminin : en Russie.
 *   2:13-2:14 "à" → "en" | "à la" [suggestion]: « Russie » est féminin : en Russie.
 *   2:27-2:29 "en" → "au" [safe]: « Japon » est masculin : au Japon.
 *   3:11-3:12 "à" → "aux" [safe]: « États-Unis » est au pluriel : aux États-Unis.
 *   3:27-3:29 "au" → "en" | "à la" [suggestion]: « France » est féminin : en France.
 *   4:12-4:14 "de" → "du" [safe]: « Japon » est masculin : du Japon.
 *   4:24-4:29 "de le" → "du" [safe]: On contracte « de le » : du Mexique.
 *   5:14-5:18 "à la" → "au" [safe]: « Japon » est masculin : au Japon.
 *   5:28-5:30 "en" → "à" [safe]: Devant une ville, on écrit « à » : à Paris.
 *   6:11-6:15 "à Le" → "au" [safe]: On contracte « à Le » : au Havre.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Lors de sa visite en Russie, il a parlé.
 *   Il est allé à Russie puis au Japon.
 *   Il a vécu aux États-Unis et au France.
 *   Il revient du Japon et du Mexique.
 *   Il travaille au Japon et à Paris.
 *   Il arrive au Havre.
 *
 * @example
 *   {"name": "ok-glued.txt"}
 *
 *   Il a écrit à FranceInfo et à FranceAgriMer.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Lors de sa visite à
 *   Russie, il a parlé *en Japon* et `à Russie`.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:19-1:20 "à" → "en" | "à la" [safe]: « Russie » est féminin : en Russie.
 *   2:21-2:23 "en" → "au" [safe]: « Japon » est masculin : au Japon.
 *
 * @example
 *   {"name": "not-ok-glued.txt", "label": "input"}
 *
 *   Lors de sa visite à RussieLa ministre a parlé.
 *   Lors de sa visite à Russie La ministre a parlé.
 *   Le scrutin a eu lieu dimanche.En Portugal, le dépouillement continue.
 *
 * @example
 *   {"name": "not-ok-glued.txt", "label": "output"}
 *
 *   1:19-1:20 "à" → "en" | "à la" [safe]: « Russie » est féminin : en Russie.
 *   2:19-2:20 "à" → "en" | "à la" [safe]: « Russie » est féminin : en Russie.
 *   3:31-3:33 "En" → "Au" [safe]: « Portugal » est masculin : au Portugal.
 *
 * @example
 *   {"name": "not-ok-glued.txt", "label": "fixed"}
 *
 *   Lors de sa visite en RussieLa ministre a parlé.
 *   Lors de sa visite en Russie La ministre a parlé.
 *   Le scrutin a eu lieu dimanche.Au Portugal, le dépouillement continue.
 */
import {acceptedArticles, contract, elides, joinBefore, type Article, type PlaceName} from '../src/lexicon/gazetteer.js'
import {splitElision} from '../src/parse/elision.js'
import type {DocumentIndex} from '../src/parse/document.js'
import {continuesAsLongerName, houseNamesOf, isPlace, keepCase, mayStartWithCapital, nameAt, nextWord, previousWord, startsSentence, type FoundName, type HouseNames} from '../src/rules/place-names.js'
import {defineRule, type RuleContext} from '../src/rules/kit.js'

/** Words of travel or stay: after them "à + country" can only mean a place ("sa visite à Russie"). */
const travelWords = new Set([
  'visite', 'visites', 'voyage', 'voyages', 'séjour', 'séjours', 'déplacement', 'déplacements', 'tournée', 'escale',
  'exil', 'vacances', 'vit', 'vivent', 'vivait', 'vivaient', 'vivre', 'vécu', 'né', 'née', 'nés', 'nées', 'installé',
  'installée', 'installés', 'installées', 'basé', 'basée', 'basés', 'basées', 'réfugié', 'réfugiée', 'réfugiés',
  'déployé', 'déployée', 'déployés', 'déployées', 'stationnés', 'résident', 'réside', 'habite', 'habitent',
])

const genderWord = (entry: PlaceName) => (entry.gender === 'f' ? 'féminin' : 'masculin')

/** Why the form is wrong, in a newsroom sentence. */
function reasonFor(entry: PlaceName, name: string, phrase: string): string {
  if (entry.number === 'p') return `« ${name} » est au pluriel : ${phrase}.`
  if (entry.article === 'le' || entry.article === 'la') return `« ${name} » est ${genderWord(entry)} : ${phrase}.`
  return `« ${name} » : ${phrase}.`
}

const unique = (values: readonly string[]) => [...new Set(values)]
const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019

/** Whether the word may end with a sentence glued to it and its preposition ("mai.À", "hier.En"): gluedSentenceStart's expression, its end only. */
function endsWithGluedPreposition(word: string): boolean {
  const length = word.length
  if (length < 3) return false
  let end = length - 1
  const last = word.charCodeAt(end)
  if (last === 0x78) end-- // "Aux"
  const code = word.charCodeAt(end)
  if (code === 0xc0 || code === 0x41) return isSentenceEnd(word.charCodeAt(end - 1)) // "À", "A"
  const before = word.charCodeAt(end - 1)
  if (last === 0x78 && (code !== 0x75 || before !== 0x41)) return false
  if (!((code === 0x6e && before === 0x45) || (code === 0x75 && before === 0x41) || (code === 0x65 && before === 0x44))) return false // "En", "Au", "De"
  return isSentenceEnd(word.charCodeAt(end - 2))
}

const isSentenceEnd = (code: number): boolean => code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026

/** What the check of a preposition needs from its document. */
interface PrepositionScope {
  readonly index: DocumentIndex
  readonly house: HouseNames
  readonly report: RuleContext<unknown>['report']
}

/** Report the preposition [start, end) with its replacements. */
function flag(scope: PrepositionScope, start: number, end: number, expected: readonly string[], entry: PlaceName, found: FoundName, safe: boolean) {
  // A replacement that elides ("à l’") must swallow the space before the name.
  const swallow = expected.some((form) => form.endsWith('’'))
  const rangeEnd = swallow ? found.start : end
  const original = scope.index.source.slice(start, rangeEnd)
  const replacements = expected.map((form) => keepCase(original, swallow && !form.endsWith('’') ? `${form} ` : form))
  scope.report(reasonFor(entry, found.written, joinBefore(expected[0]!, found.written)), start, rangeEnd, {expected: replacements, safe})
}

/**
 * The capitalised preposition that starts a sentence glued to the previous one ("mai.À",
 * "hier.En"): its value and source offset. Only where the token is written as read.
 */
function gluedSentenceStart(index: DocumentIndex, at: number): {value: string; start: number} | undefined {
  const token = index.tokens[at]!
  const match = /^.*\p{Ll}[.!?…](À|A|En|Au|Aux|De)$/u.exec(token.value)
  if (!match || index.source.slice(token.start, token.end) !== token.value) return undefined
  return {value: match[1]!, start: token.end - match[1]!.length}
}

/** "à/de" followed by an article and a place name. */
function checkArticleGroup(scope: PrepositionScope, at: number, preposition: 'à' | 'de', articleToken: number, written: Article) {
  const {index, house, report} = scope
  const tokens = index.tokens
  const token = tokens[at]!
  const articleValue = tokens[articleToken]!.value
  const elision = written === 'l’' ? splitElision(articleValue) : undefined
  const found = elision ? nameAt(index, house, articleToken, elision.stem, tokens[articleToken]!.start + elision.elided.length) : nameAt(index, house, articleToken)
  // A city whose article belongs to its name: "à La Haye" is right, "à Le Havre" contracts.
  if (found?.match.withArticle) {
    const city = found.match.entries[0]!
    if ((written === 'le' || written === 'les') && !continuesAsLongerName(index, found)) {
      const contracted = contract(preposition, written)
      const bare = found.written.replace(/^\S+ /, '')
      report(`On contracte « ${preposition} ${articleValue} » : ${joinBefore(contracted, bare)}.`, token.start, tokens[articleToken]!.end, {
        expected: [keepCase(token.value, contracted)],
        safe: city.article === written,
      })
    }
    return
  }
  const name = written === 'l’' ? found : (() => {
    const after = nextWord(index, articleToken)
    return after === undefined ? undefined : nameAt(index, house, after)
  })()
  if (!name || name.glued || continuesAsLongerName(index, name)) return
  const entries = name.match.entries
  if (entries.some((entry) => !isPlace(entry) || entry.alsoPersonName || entry.article === '')) return
  const entry = entries[0]!
  const agrees = entries.some((candidate) => acceptedArticles(candidate).includes(written))
  if (agrees) {
    // "à la Russie", "à l’Iran", "de la Russie": right. "de le Japon": a contraction to make.
    if (written !== 'le' && written !== 'les') return
    const contracted = contract(preposition, written)
    report(`On contracte « ${preposition} ${articleValue} » : ${joinBefore(contracted, name.written)}.`, token.start, tokens[articleToken]!.end, {
      expected: [keepCase(token.value, contracted)],
      safe: true,
    })
    return
  }
  // A disagreeing article after "de" is proper-noun-article's.
  if (preposition === 'de') return
  const expected = contract('à', entry.article)
  const rangeEnd = expected.endsWith('’') || written === 'l’' ? name.start : tokens[articleToken]!.end
  const replacement = written === 'l’' && !expected.endsWith('’') ? `${expected} ` : expected
  report(reasonFor(entry, name.written, joinBefore(expected, name.written)), token.start, rangeEnd, {
    expected: [keepCase(token.value, replacement)],
    safe: entries.every((candidate) => candidate.article === entry.article),
  })
}

/**
 * The check of a preposition (`lower`: "à", "en", "au", "aux" or "de", written `value` at
 * `start`, in a sentence glued to the previous one when `glued`) against the word after it.
 * Apart from the loop over tokens, so that V8 optimises that loop once: a rarely taken
 * branch here reoptimises this function only.
 */
function checkPreposition(scope: PrepositionScope, at: number, start: number, value: string, lower: string, glued: boolean): void {
  const {index, house, report} = scope
  const tokens = index.tokens
  const token = tokens[at]!
  const next = nextWord(index, at)
  if (next === undefined) return
  const nextValue = tokens[next]!.value
  const nextLower = nextValue.length <= 3 ? nextValue.toLowerCase() : ''
  // Only an "l’" elision counts below ("à l’Iran"): others are not split.
  const elision = (nextValue.charCodeAt(0) | 0x20) === 0x6c && isApostrophe(nextValue.charCodeAt(1)) ? splitElision(nextValue) : undefined

  // "à/de" + article: "à la Japon", "à le Japon", "de le Japon", "à Le Havre".
  if ((lower === 'à' || lower === 'de') && (nextLower === 'le' || nextLower === 'la' || nextLower === 'les' || elision?.prefix === 'l')) {
    if (!glued) checkArticleGroup(scope, at, lower, next, elision ? 'l’' : (nextLower as Article))
    return
  }
  // No capital, no name (nameAt's first test): "de la", "en mai" stop here.
  if (!mayStartWithCapital(nextValue, 0)) return
  const found = nameAt(index, house, next)
  if (!found || continuesAsLongerName(index, found)) return
  const entries = found.match.entries
  if (entries.some((entry) => !isPlace(entry) || entry.alsoPersonName)) return
  if (found.match.withArticle) return
  const entry = entries[0]!
  const accepts = (form: string) => entries.some((candidate) => candidate.in === form || candidate.alsoIn?.includes(form))
  const withoutArticle = entries.some((candidate) => candidate.article === '')

  if (lower === 'à') {
    if (withoutArticle || accepts('à')) return
    const expected = unique([entry.in, ...entries.slice(1).map((candidate) => candidate.in), contract('à', entry.article)])
    const previous = previousWord(index, at)
    const travel = previous !== undefined && travelWords.has(tokens[previous]!.value.toLowerCase())
    flag(scope, start, token.end, expected, entry, found, expected.length === 1 || travel)
  } else if (lower === 'en') {
    if (accepts('en')) return
    if (withoutArticle && entries.some((candidate) => candidate.kind === 'city')) {
      // "en Avignon", "en Arles": old usage before a vowel, still seen.
      if (elides(found.written)) return
      report(`Devant une ville, on écrit « à » : ${joinBefore('à', found.written)}.`, start, token.end, {expected: [keepCase(value, 'à')], safe: true})
      return
    }
    if (entries.some((candidate) => candidate.kind === 'department')) return
    const expected = unique(entries.flatMap((candidate) => [candidate.in, ...(candidate.alsoIn ?? [])]))
    flag(scope, start, token.end, expected, entry, found, expected.length === 1)
  } else if (lower === 'au' || lower === 'aux') {
    // "au Paris des années folles", "au Cuba de Castro": names without article are free.
    if (withoutArticle) return
    const article = lower === 'au' ? 'le' : 'les'
    if (accepts(lower) || entries.some((candidate) => acceptedArticles(candidate).includes(article))) return
    const expected = unique([entry.in, contract('à', entry.article)])
    flag(scope, start, token.end, expected, entry, found, expected.length === 1)
  } else {
    // "de Japon" → "du Japon": only where "de" alone is never right.
    if (withoutArticle || entries.some((candidate) => candidate.kind === 'department' || candidate.kind === 'region' || candidate.kind === 'city')) return
    if (entries.some((candidate) => candidate.from === 'de' || candidate.from === 'd’' || candidate.alsoFrom?.some((form) => form === 'de' || form === 'd’'))) return
    // A vowel after "de" is the elision rule's ("de Iran"), unless a plural needs "des".
    if (entry.number === 's' && elides(found.written)) return
    const previous = previousWord(index, at)
    if (previous !== undefined && /^(\p{Lu}|[IVX]+$)/u.test(tokens[previous]!.value)) return
    flag(scope, start, token.end, unique([entry.from]), entry, found, true)
  }
}

export default defineRule(
  {id: 'place-preposition', summary: 'Préposition de lieu inadaptée au pays (« à Russie », « en Japon »).', fix: 'mixed'},
  ({index, file, report}) => {
    const scope: PrepositionScope = {index, house: houseNamesOf(file), report}
    const tokens = index.tokens
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word') continue
      if (checkGluedPreposition(scope, at)) continue
      const value = token.value
      // The prepositions have three letters at most, and lower-casing never shortens a word.
      if (value.length > 3) continue
      const lower = lowerPreposition(index, at, value)
      if (!isPlacePreposition(lower)) continue
      checkPreposition(scope, at, token.start, value, lower, false)
    }
  },
)

/** Whether `lower` is one of the prepositions checked before a place. */
function isPlacePreposition(lower: string): boolean {
  return lower === 'à' || lower === 'en' || lower === 'au' || lower === 'aux' || lower === 'de'
}

/**
 * The word `value` at `at` in lower case, "A" read as the preposition "à" at the start of
 * a sentence ("A Paris, …"). Apart from the loop over tokens (and called for every short
 * word), so that V8 optimises that loop once: the rarely taken "A" branch reoptimises this
 * function only.
 */
function lowerPreposition(index: DocumentIndex, at: number, value: string): string {
  return value === 'A' && startsSentence(index, at) ? 'à' : value.toLowerCase()
}

/**
 * Whether the word at `at` ends with a sentence glued to the previous one ("fin mai.À
 * Brésil"), whose first word is the preposition; that preposition is checked. Apart from
 * the loop over tokens (and called for every word) for the same reason as lowerPreposition.
 */
function checkGluedPreposition(scope: PrepositionScope, at: number): boolean {
  const {index} = scope
  const glued = endsWithGluedPreposition(index.tokens[at]!.value) ? gluedSentenceStart(index, at) : undefined
  if (glued === undefined) return false
  checkGluedSentenceStart(scope, at, glued)
  return true
}

/**
 * The check of the preposition that starts the sentence glued at the end of the word at
 * `at`. Apart from checkGluedPreposition, which runs for every word, for the same reason.
 */
function checkGluedSentenceStart(scope: PrepositionScope, at: number, glued: {value: string; start: number}): void {
  const value = glued.value
  // The prepositions have three letters at most, and lower-casing never shortens a word.
  if (value.length > 3) return
  const lower = value === 'A' ? 'à' : value.toLowerCase()
  if (!isPlacePreposition(lower)) return
  checkPreposition(scope, at, glued.start, value, lower, true)
}
