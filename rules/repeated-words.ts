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
import {defineRule} from '../src/rules/kit.js'
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

export default defineRule(
  {id: 'repeated-words', summary: 'Mot répété deux fois de suite (« le le »).', fix: 'safe'},
  ({index, report}) => {
    const tokens = index.tokens
    /** Word tokens from `at`, separated by single-line white space inside one sentence (up to `count`). */
    const run = (at: number, count: number): number[] => {
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
    const groupWordsEcho = (at: number, size: number): boolean => {
      for (let offset = 1; offset < size; offset++) {
        const word = tokens[at + offset * 2]
        const copy = tokens[at + (size + offset) * 2]
        if (word?.kind !== 'word' || copy?.kind !== 'word' || !equalIgnoringCase(word.value, copy.value)) return false
      }
      return true
    }
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
        if (!equalIgnoringCase(echo.value, first.value)) continue
        // Then each word of the group against its copy, before the run and its arrays are built.
        if (!groupWordsEcho(at, size)) continue
        const words = run(at, size * 2)
        if (words.length < size * 2) continue
        const values = words.map((position) => tokens[position]!.value.toLowerCase())
        if (!values.every((value) => letters.test(value))) continue
        if (values.slice(0, size).join(' ') !== values.slice(size).join(' ')) continue
        const secondStart = words[size]!
        if (capitalised.test(tokens[secondStart]!.value)) continue
        const group = words.slice(0, size).map((position) => tokens[position]!.value).join(' ')
        report(`Groupe de mots répété : « ${group} ».`, tokens[secondStart - 1]!.start, tokens[words.at(-1)!]!.end, {expected: ['']})
        at = words.at(-1)!
        grouped = true
      }
      if (grouped) continue
      const space = tokens[at + 1]!
      const second = tokens[at + 2]!
      // Cheap test first, as for groups: a repeated word has the same length.
      if (second.kind !== 'word' || second.value.length !== first.value.length || space.kind !== 'whitespace' || space.sentence !== first.sentence) continue
      if (second.sentence !== first.sentence || /[\n\r]/.test(space.value)) continue
      if (!equalIgnoringCase(first.value, second.value)) continue
      const lower = first.value.toLowerCase()
      if (!letters.test(first.value)) continue
      if (legitimateDoublings.has(lower)) continue
      // "Bora Bora", "Duran Duran": a name, not a slip ("Le le" is a slip: second in lower case).
      if (capitalised.test(second.value)) continue
      // "Capra Pyrenaica pyrenaica": a capital inside a sentence is a name; "Le le" only at its start.
      if (capitalised.test(first.value) && index.sentences[first.sentence]?.firstToken !== at) continue
      // The particle of a name: "l’appel de de Gaulle"; before another name, only a suggestion.
      const next = tokens[at + 4]
      const beforeName = lower === 'de' && tokens[at + 3]?.kind === 'whitespace' && next?.kind === 'word' && capitalised.test(next.value)
      if (beforeName && loadList('particle-surnames.txt').has(next.value)) continue
      // The message covers the copy and the space before it: deleting exactly that keeps the
      // first word's case and any markup around the words ("*le* le").
      report(`Mot répété : « ${first.value} ».`, space.start, second.end, {expected: [''], safe: !beforeName})
      at += 2
    }
  },
)
