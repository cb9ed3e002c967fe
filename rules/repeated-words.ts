/**
 * ## repeated-words
 *
 * Flags a word written twice in a row ("le le", "de de"), the commonest slip of a
 * hurried rewrite. The message covers the second copy with the space before it; the fix
 * deletes them, which keeps the case of the first ("Le le" → "Le") and any markup.
 *
 * Legitimate doublings are not flagged: reflexive pronouns ("nous nous sommes",
 * "vous vous trompez"), expressive repetitions ("si si", "non non", "très très"),
 * onomatopoeia, capitalised names ("Bora Bora", "Duran Duran", "Capra pyrenaica
 * pyrenaica"), and the particle of a name ("l’appel de de Gaulle", from a list of
 * particle surnames). "de de" before another capitalised word is a suggestion only.
 * Repeated groups of two to four words ("le président le président") are flagged the
 * same way. Only words separated by plain white space inside one sentence are compared.
 *
 * Fix: safe (a suggestion for "de de" before a name).
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Nous nous sommes vus, vous vous en souvenez ?
 *   Non non, il a dit « si si » en riant.
 *   L’un l’autre, ils sont partis à Bora Bora.
 *   L’appel de de Gaulle ; le Gorilla Gorilla gorilla vit en Afrique.
 *   Il a dit qu’il viendrait, il a dit qu’il viendrait pas.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Il a signé le le décret.
 *   Le le ministre est arrivé de de la ville.
 *   Une habitante de de Lyon.
 *   Selon le président le président a signé.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:14-1:17 " le" → "" [safe]: Mot répété : « le ».
 *   2:3-2:6 " le" → "" [safe]: Mot répété : « Le ».
 *   2:29-2:32 " de" → "" [safe]: Mot répété : « de ».
 *   3:17-3:20 " de" → "" [suggestion]: Mot répété : « de ».
 *   4:19-4:32 " le président" → "" [safe]: Groupe de mots répété : « le président ».
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   # Un *le* le titre
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:10-1:13 " le" → "" [safe]: Mot répété : « le ».
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   # Un *le* titre
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Il a signé le décret.
 *   Le ministre est arrivé de la ville.
 *   Une habitante de de Lyon.
 *   Selon le président a signé.
 */
import {loadList} from '../src/lexicon/lists.js'
import type {DocumentIndex, Token} from '../src/parse/document.js'
import {defineRule, type RuleContext} from '../src/rules/kit.js'
import {equalIgnoringCase} from '../src/rules/word-pairs.js'

/** Words whose doubling is idiomatic French, not a slip. */
const legitimateDoublings = new Set([
  'nous', 'vous', 'si', 'non', 'oui', 'très', 'bien', 'bon', 'là', 'ah', 'oh', 'eh', 'ha', 'hé',
  'hein', 'allez', 'vite', 'encore', 'beaucoup', 'trop', 'tout', 'loin', 'plus', 'chut', 'bla',
  'pan', 'toc', 'tic', 'tac', 'ding', 'dong', 'cot', 'miam', 'glou', 'pouet', 'ouh', 'hop',
  'tam', 'cha', 'pschitt', 'coucou', 'bye', 'merci', 'mais', 'pourquoi', 'jamais', 'petit', 'doucement',
])
const letters = /^[\p{L}’']+$/u
const capitalised = /^\p{Lu}/u

/** What the checks of a repetition need from their document. */
interface RepetitionScope {
  readonly index: DocumentIndex
  readonly report: RuleContext<unknown>['report']
}

/** Word tokens from `at`, separated by single-line white space inside one sentence (up to `count`). */
function run(tokens: readonly Token[], at: number, count: number): number[] {
  const words: number[] = []
  for (let position = at; words.length < count && position < tokens.length; position += 2) {
    const token = tokens[position]!
    if (token.kind !== 'word' || token.sentence !== tokens[at]!.sentence) break
    words.push(position)
    const space = tokens[position + 1]
    if (words.length < count && (space?.kind !== 'whitespace' || /[\n\r]/.test(space.value))) break
  }
  return words
}

/** Whether the words 2…size of the group at `at` come back `size` words later, case aside (the first is checked already). */
function groupWordsEcho(tokens: readonly Token[], at: number, size: number): boolean {
  for (let offset = 1; offset < size; offset++) {
    const word = tokens[at + offset * 2]
    const copy = tokens[at + (size + offset) * 2]
    if (word?.kind !== 'word' || copy?.kind !== 'word' || !equalIgnoringCase(word.value, copy.value)) return false
  }
  return true
}

/**
 * The check of a group of `size` words at `at` whose first word comes back `size` words
 * later, as far as the cheap tests tell. Apart from the loop over tokens, so that V8
 * optimises that loop once: a rarely taken branch here reoptimises this function only.
 * Returns the position of the copy's last word when the group is reported.
 */
function reportRepeatedGroup(scope: RepetitionScope, at: number, size: number): number | undefined {
  const {index, report} = scope
  const tokens = index.tokens
  const first = tokens[at]!
  const echo = tokens[at + size * 2]!
  if (!equalIgnoringCase(echo.value, first.value)) return undefined
  // Then each word of the group against its copy, before the run and its arrays are built.
  if (!groupWordsEcho(tokens, at, size)) return undefined
  const words = run(tokens, at, size * 2)
  if (words.length < size * 2) return undefined
  const values = words.map((position) => tokens[position]!.value.toLowerCase())
  if (!values.every((value) => letters.test(value))) return undefined
  if (values.slice(0, size).join(' ') !== values.slice(size).join(' ')) return undefined
  const secondStart = words[size]!
  if (capitalised.test(tokens[secondStart]!.value)) return undefined
  const group = words.slice(0, size).map((position) => tokens[position]!.value).join(' ')
  report(`Groupe de mots répété : « ${group} ».`, tokens[secondStart - 1]!.start, tokens[words.at(-1)!]!.end, {expected: ['']})
  return words.at(-1)!
}

/**
 * The check of a word at `at` written again, as far as the cheap tests tell (same length,
 * single-line white space between, one sentence). Apart from the loop over tokens for the
 * same reason as the group's check. Returns the position the loop goes on from: the
 * copy's when the repetition is reported, else `at` (the step over the copy is here, not
 * in the loop, whose first report would otherwise reoptimise it).
 */
function reportRepeatedWord(scope: RepetitionScope, at: number): number {
  const {index, report} = scope
  const tokens = index.tokens
  const first = tokens[at]!
  const space = tokens[at + 1]!
  const second = tokens[at + 2]!
  if (!equalIgnoringCase(first.value, second.value)) return at
  const lower = first.value.toLowerCase()
  if (!letters.test(first.value)) return at
  if (legitimateDoublings.has(lower)) return at
  // "Bora Bora", "Duran Duran": a name, not a slip ("Le le" is a slip: second in lower case).
  if (capitalised.test(second.value)) return at
  // "Capra Pyrenaica pyrenaica": a capital inside a sentence is a name; "Le le" only at its start.
  if (capitalised.test(first.value) && index.sentences[first.sentence]?.firstToken !== at) return at
  // The particle of a name: "l’appel de de Gaulle"; before another name, only a suggestion.
  const next = tokens[at + 4]
  const beforeName = lower === 'de' && tokens[at + 3]?.kind === 'whitespace' && next?.kind === 'word' && capitalised.test(next.value)
  if (beforeName && loadList('particle-surnames.txt').has(next.value)) return at
  // The message covers the copy and the space before it: deleting exactly that keeps the
  // first word's case and any markup around the words ("*le* le").
  report(`Mot répété : « ${first.value} ».`, space.start, second.end, {expected: [''], safe: !beforeName})
  return at + 2
}

export default defineRule(
  {id: 'repeated-words', summary: 'Mot répété deux fois de suite (« le le »).', fix: 'safe'},
  ({index, report}) => {
    const scope: RepetitionScope = {index, report}
    const tokens = index.tokens
    for (let at = 0; at + 2 < tokens.length; at++) {
      const first = tokens[at]!
      if (first.kind !== 'word') continue
      // Repeated groups first: "le président le président".
      let grouped = false
      const firstLength = first.value.length
      const firstCode = first.value.charCodeAt(0)
      for (let size = 4; size >= 2 && !grouped; size--) {
        // Cheap test first: the group's first word must come back `size` words later
        // (same length, and first letters that may be the same case aside: two ASCII codes
        // that differ beyond case cannot).
        const echo = tokens[at + size * 2]
        if (echo?.kind !== 'word' || echo.value.length !== firstLength) continue
        const echoCode = echo.value.charCodeAt(0)
        if (echoCode !== firstCode && echoCode < 0x80 && firstCode < 0x80 && (echoCode | 0x20) !== (firstCode | 0x20)) continue
        const copyEnd = reportRepeatedGroup(scope, at, size)
        if (copyEnd === undefined) continue
        at = copyEnd
        grouped = true
      }
      if (grouped) continue
      const space = tokens[at + 1]!
      const second = tokens[at + 2]!
      // Cheap test first, as for groups: a repeated word has the same length.
      if (second.kind !== 'word' || second.value.length !== first.value.length || space.kind !== 'whitespace' || space.sentence !== first.sentence) continue
      if (second.sentence !== first.sentence || /[\n\r]/.test(space.value)) continue
      at = reportRepeatedWord(scope, at)
    }
  },
)
