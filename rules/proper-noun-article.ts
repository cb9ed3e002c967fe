/**
 * ## proper-noun-article
 *
 * Flags an article that disagrees with the country, region, territory or organisation
 * named right after it: "le Russie" → "la Russie", "les Russie" → "la Russie", "La Japon"
 * → "Le Japon", "du France" → "de la France", "le ONU" → "l’ONU", "l’Hongrie" → "la
 * Hongrie". Each member of a coordination is checked on its own ("entre les Russie et le
 * Corée du Nord" gives two messages). The names, their gender, number and article come
 * from the gazetteer (`src/lexicon/data/gazetteer.json`); an acronym takes the article of
 * its pronunciation (l’ONU, l’OTAN but le FMI, la BCE).
 *
 * The French norm: a country or organisation name takes the definite article of its
 * gender and number (Grevisse, *Le Bon Usage*, § 587), elided before a vowel sound and
 * not before an h aspiré (la Hongrie, le Honduras).
 *
 * Not flagged, on purpose:
 * - names that take no article (Cuba, Israël, Matignon) and cities without an article:
 *   "le Paris des années 1930", "l’Israël de Ben Gourion" are good French;
 * - a name written in lower case ("la chine", porcelain) or that begins a longer proper
 *   noun (followed by a capitalised word or a number: "la Qatar Airways", "le France
 *   2030"), except after a title, where the capitalised words are a person's name ("la
 *   préfète de la Nord Anne Dupont", "l’élu du Bretagne Marie Durand");
 * - names that are also persons' names (Dominique, Virginie, Hollande), and a second
 *   accepted article ("le Suisse", a Swiss man);
 * - the article of a name that carries it ("La Paz", "le Caire", "La France insoumise").
 *
 * Division of labour: after "à" (à la, à le, à l’, à les) the whole group is
 * `place-preposition`'s when the name is a place ("à la Japon"), this rule's when it is an
 * organisation ("à le CGT" → "à la CGT"); the mere contraction of an article that agrees
 * is `place-preposition`'s before a place ("de le Japon" → "du Japon") and this rule's
 * before an organisation ("de le FMI" → "du FMI", "à les Nations unies" → "aux Nations
 * unies"). This rule flags the article, alone or with "de" or "à" (du, de la, de l’, de le,
 * à la…), when it disagrees with the name. So every determiner group before a gazetteer
 * name has one owner among these two rules; the `elision` rule is expected to leave such
 * groups alone (it keeps "de Ukraine" → "d’Ukraine", a bare "de" before a name whose
 * "from" form is "d’").
 *
 * Fix: the determiner only, never the name, keeping its case ("La Japon" → "Le Japon").
 * Safe when the name has one reading; a suggestion when homonyms disagree.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   La Russie et la Corée du Nord ont signé ; les États-Unis et le Japon protestent.
 *   L’ONU, l’OTAN, le FMI et la BCE ; la Hongrie et le Honduras.
 *   Le Paris des années folles, le Caire, La Haye et la France insoumise.
 *   Il vient de la Russie de Poutine, du Japon et des Pays-Bas.
 *   Le Suisse a gagné ; la Qatar Airways vole ; le France 2030 est lancé.
 *   Le président du Sénat Gérard Larcher a écrit à la CGT, au FMI et à l’ONU.
 *   Elle achète de la chine ancienne à la brocante.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   L’accord avec le Russie a été signé.
 *   La coopération entre les Russie et le Corée du Nord progresse.
 *   La Japon proteste, comme le ONU.
 *   Le président du France et celui de la Brésil.
 *   Budapest est la capitale de l’Hongrie.
 *   Il a écrit à le CGT et à la FMI ; la préfète de la Nord Anne Dupont.
 *   La directrice de le FMI a écrit à les Nations unies.
 *   Le débat oppose l’élue du Bretagne Marie Durand au maire.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:15-1:17 "le" → "la" [safe]: « Russie » est féminin : la Russie.
 *   2:22-2:25 "les" → "la" [safe]: « Russie » est féminin singulier : la Russie.
 *   2:36-2:38 "le" → "la" [safe]: « Corée du Nord » est féminin : la Corée du Nord.
 *   3:1-3:3 "La" → "Le" [safe]: « Japon » est masculin : le Japon.
 *   3:26-3:29 "le " → "l’" [safe]: On élide l’article devant « ONU » : l’ONU.
 *   4:14-4:16 "du" → "de la" [safe]: « France » est féminin : de la France.
 *   4:33-4:38 "de la" → "du" [safe]: « Brésil » est masculin : du Brésil.
 *   5:26-5:31 "de l’" → "de la " [safe]: Pas d’élision devant « Hongrie » : de la Hongrie.
 *   6:12-6:16 "à le" → "à la" [safe]: « CGT » est féminin : à la CGT.
 *   6:24-6:28 "à la" → "au" [safe]: « FMI » est masculin : au FMI.
 *   6:46-6:51 "de la" → "du" [safe]: « Nord » est masculin : du Nord.
 *   7:15-7:20 "de le" → "du" [safe]: On contracte « de le » : du FMI.
 *   7:33-7:38 "à les" → "aux" [safe]: On contracte « à les » : aux Nations unies.
 *   8:24-8:26 "du" → "de la" [safe]: « Bretagne » est féminin : de la Bretagne.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   L’accord avec la Russie a été signé.
 *   La coopération entre la Russie et la Corée du Nord progresse.
 *   Le Japon proteste, comme l’ONU.
 *   Le président de la France et celui du Brésil.
 *   Budapest est la capitale de la Hongrie.
 *   Il a écrit à la CGT et au FMI ; la préfète du Nord Anne Dupont.
 *   La directrice du FMI a écrit aux Nations unies.
 *   Le débat oppose l’élue de la Bretagne Marie Durand au maire.
 */
import {acceptedArticles, contract, joinBefore, matchAt, type Article} from '../src/lexicon/gazetteer.js'
import {splitElision} from '../src/parse/elision.js'
import type {DocumentIndex} from '../src/parse/document.js'
import {continuesAsLongerName, houseNamesOf, isPlace, keepCase, mayStartWithCapital, nameAt, nextWord, previousWord, startsSentence, type FoundName, type HouseNames} from '../src/rules/place-names.js'
import {defineRule, type RuleContext} from '../src/rules/kit.js'

const articles = new Set(['le', 'la', 'les'])
const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019

/** What the check of a determiner needs from its document. */
interface DeterminerScope {
  readonly index: DocumentIndex
  readonly house: HouseNames
  readonly report: RuleContext<unknown>['report']
}

function nextValues(index: DocumentIndex, from: number): string[] {
  const values: string[] = []
  for (let current = from, next = nextWord(index, current); next !== undefined && values.length < 6; current = next, next = nextWord(index, current)) {
    values.push(index.tokens[next]!.value)
  }
  return values
}

/**
 * The check of le/la/les or "du" at `at` before a word that may start with a capital
 * (at `next`). Apart from the loop over tokens, so that V8 optimises that loop once: a
 * rarely taken branch here reoptimises this function only.
 */
function checkArticle(scope: DeterminerScope, at: number, lower: string, next: number): void {
  const {index, house} = scope
  const tokens = index.tokens
  const token = tokens[at]!
  // "La Paz", "le Caire", "La France insoumise": the article belongs to the name.
  if (lower !== 'du' && matchAt([token.value, tokens[next]!.value, ...nextValues(index, next)], 0)?.withArticle) return
  const written = lower === 'du' ? 'le' : (lower as Article)
  const contractedDu = lower === 'du'
  checkDeterminer(scope, at, written, contractedDu, nameAt(index, house, next))
}

/** The check of a word "l’" + capital at `at`, apart from the loop over tokens as checkArticle is. */
function checkElidedArticle(scope: DeterminerScope, at: number): void {
  const {index, house} = scope
  const token = index.tokens[at]!
  const elision = splitElision(token.value)
  if (elision?.prefix !== 'l') return
  checkDeterminer(scope, at, 'l’', false, nameAt(index, house, at, elision.stem, token.start + elision.elided.length))
}

/** The determiner at `at` (`written`, from a "du" when `contractedDu`) against the name found after it. */
function checkDeterminer(scope: DeterminerScope, at: number, written: Article, contractedDu: boolean, found: FoundName | undefined): void {
  const {index, report} = scope
  const tokens = index.tokens
  const token = tokens[at]!
  // After "à", a place is place-preposition's ("à la Japon"); an organisation stays here ("à le CGT").
  const before = previousWord(index, at)
  const beforeValue = before === undefined ? '' : tokens[before]!.value
  if (/^(au|aux)$/i.test(beforeValue)) return
  const afterA = /^à$/i.test(beforeValue) || (beforeValue === 'A' && startsSentence(index, before!))
  const withDe = contractedDu || (before !== undefined && /^de$/i.test(beforeValue))
  // The preposition joined to the article in the fix: "du France" → "de la", "à le CGT" → "à la".
  const preposition = withDe ? 'de' : afterA ? 'à' : undefined
  // The word before the group, for "la députée du Nord Anne Dupont".
  const title = preposition && !contractedDu ? previousWord(index, before!) : before
  if (!found || found.glued || continuesAsLongerName(index, found, title)) return
  const entries = found.match.entries
  if (entries.some((entry) => entry.article === '' || entry.alsoPersonName)) return
  if (afterA && entries.some(isPlace)) return
  if (entries.some((entry) => acceptedArticles(entry).includes(written))) {
    // "de le FMI", "à les Nations unies": the article agrees but is not contracted.
    // (Before a place, the same slip is place-preposition's: "de le Japon".)
    if (preposition && !contractedDu && (written === 'le' || written === 'les') && !entries.some(isPlace)) {
      const contracted = contract(preposition, written)
      report(`On contracte « ${tokens[before!]!.value} ${token.value} » : ${joinBefore(contracted, found.written)}.`, tokens[before!]!.start, token.end, {
        expected: [keepCase(tokens[before!]!.value, contracted)],
        safe: true,
      })
    }
    return
  }

  const start = contractedDu || !preposition ? token.start : tokens[before!]!.start

  const entry = entries[0]!
  const expected = entry.article
  const determiner = preposition ? contract(preposition, expected) : expected
  const elidedBefore = written === 'l’'
  let end: number
  let replacement: string
  if (elidedBefore) {
    end = found.start
    replacement = `${determiner} `
  } else if (expected === 'l’') {
    end = found.start
    replacement = determiner
  } else {
    end = token.end
    replacement = determiner
  }
  replacement = keepCase(index.source.slice(start, end), replacement)
  const phrase = joinBefore(determiner, found.written)
  const name = found.written
  let reason: string
  if (expected === 'l’') reason = `On élide l’article devant « ${name} » : ${phrase}.`
  else if (elidedBefore) reason = `Pas d’élision devant « ${name} » : ${phrase}.`
  else if (entry.number === 'p') reason = `« ${name} » est au pluriel : ${phrase}.`
  else if (written === 'les') reason = `« ${name} » est ${entry.gender === 'f' ? 'féminin' : 'masculin'} singulier : ${phrase}.`
  else reason = `« ${name} » est ${entry.gender === 'f' ? 'féminin' : 'masculin'} : ${phrase}.`
  const unambiguous = entries.every((candidate) => candidate.article === expected) && !entry.alsoArticle
  report(reason, start, end, {expected: [replacement], safe: unambiguous})
}

export default defineRule(
  {id: 'proper-noun-article', summary: 'Article en désaccord avec le nom de pays ou d’organisation (« le Russie »).', fix: 'mixed'},
  ({index, file, report}) => {
    const scope: DeterminerScope = {index, house: houseNamesOf(file), report}
    const tokens = index.tokens
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word') continue
      const value = token.value
      // Lower-cased only when it may be an article (lower-casing never shortens a word).
      const lower = value.length <= 3 ? value.toLowerCase() : ''
      // The determiner: le/la/les, "du" (de + le), or the "l’" of an elided word.
      if (articles.has(lower) || lower === 'du') {
        const next = nextWord(index, at)
        if (next === undefined) continue
        // No capital, no name (nameAt's first test): most articles are left here, before the gazetteer.
        if (!mayStartWithCapital(tokens[next]!.value, 0)) continue
        checkArticle(scope, at, lower, next)
      } else {
        // "l’" then a capital: splitElision and nameAt find nothing in any other word.
        if (value.length <= 2 || (value.charCodeAt(0) | 0x20) !== 0x6c || !isApostrophe(value.charCodeAt(1)) || !mayStartWithCapital(value, 2)) continue
        checkElidedArticle(scope, at)
      }
    }
  },
)
