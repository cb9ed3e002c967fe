/**
 * ## elision
 *
 * Flags a missing elision or contraction: "le accord" → "l’accord", "de Ukraine" →
 * "d’Ukraine", "que il" → "qu’il", "si il" → "s’il", "ce est" → "c’est", "de le
 * gouvernement" → "du gouvernement", "à les élus" → "aux élus".
 *
 * Knowledge comes from the noun lexicon (`src/lexicon/nouns.ts`): vowel sounds, mute and
 * aspirated h ("l’homme" but "le héros", "la Hongrie"), words that never elide ("le onze",
 * "le oui"), words where usage admits both ("la ouate"/"l’ouate", "de Hitler"), numbers
 * ("de 1,5 million"). Contractions are proposed only when "le"/"les" is an article: the next
 * word is a noun and not a verb ("de le faire" is right: "le" is a pronoun).
 *
 * Left to other rules: a determiner before a place or an organisation of the gazetteer
 * ("le ONU", "de le Japon": `proper-noun-article`, `place-preposition`). Before a
 * capitalised name, only "de" is judged, and only for gazetteer names whose "from" form is
 * elided ("de Ukraine", "de Israël"): foreign names vary ("de Oak Ridge").
 *
 * "de" before a plural noun ("de animaux") is more likely "des" mistyped: both "des" and
 * "d’" are offered, as a suggestion. A capital "Ne" opening a sentence ("Ne en 1982") is
 * left alone (a mistyped "Né").
 *
 * The apostrophe of the fix follows the article: typographic ’ unless the text mostly
 * writes straight ones. Fix: safe, but for "de" before a plural noun.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   L’accord avec l’Iran, le héros de la Hongrie, le onze de départ.
 *   Il veut le faire, de le dire et à les entendre ; la une du journal ; le ou les élus.
 *   Si elle vient, qu’il parte ; de Oak Ridge à Hitler, de 1,5 million d’euros.
 *   Le ONU et de le Japon sont laissés aux règles des noms propres.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le accord a été signé par le ministre de Ukraine.
 *   Il a dit que il viendrait si il peut, car ce est important.
 *   Le porte-parole de le gouvernement a écrit à les électeurs.
 *   Ce sont de animaux majestueux.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:1-1:4 "Le " → "L’" [safe]: Élision : « L’accord ».
 *   1:39-1:42 "de " → "d’" [safe]: Élision : « d’Ukraine ».
 *   2:10-2:16 "que il" → "qu’il" [safe]: Élision : « qu’il ».
 *   2:27-2:32 "si il" → "s’il" [safe]: Élision : « s’il ».
 *   2:43-2:46 "ce " → "c’" [safe]: Élision : « c’est ».
 *   3:17-3:22 "de le" → "du" [safe]: Contraction : « du gouvernement ».
 *   3:44-3:49 "à les" → "aux" [safe]: Contraction : « aux électeurs ».
 *   4:9-4:12 "de " → "des " | "d’" [suggestion]: Élision ou article : « d’animaux » ou « des animaux » ?
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   L’accord a été signé par le ministre d’Ukraine.
 *   Il a dit qu’il viendrait s’il peut, car c’est important.
 *   Le porte-parole du gouvernement a écrit aux électeurs.
 *   Ce sont de animaux majestueux.
 */
import {lookupAll} from '../src/lexicon/gazetteer.js'
import {contraction, elisionInfo, isElisionOptional, nounInfo, startsWithVowelSound} from '../src/lexicon/nouns.js'
import type {DocumentIndex, Token} from '../src/parse/document.js'
import {defineRule} from '../src/rules/kit.js'

const capitalised = /^\p{Lu}/u
/** Words after which "le"/"la"/"de"/"que" stay whole: coordination ("le ou les"), "à". */
const keepWholeBefore = new Set(['ou', 'et', 'à', 'a'])

/** The next word token after `at`, separated by one plain space in the same sentence. */
function nextWord(index: DocumentIndex, at: number): number | undefined {
  const space = index.tokens[at + 1]
  const word = index.tokens[at + 2]
  if (space?.kind !== 'whitespace' || space.value !== ' ' || word?.kind !== 'word') return undefined
  if (word.sentence !== index.tokens[at]!.sentence) return undefined
  return at + 2
}

/** Straight or typographic apostrophe: what the article mostly uses in its elisions. */
function apostropheOf(index: DocumentIndex): string {
  let straight = 0
  let typographic = 0
  for (const token of index.tokens) {
    if (token.kind !== 'word') continue
    if (token.value.includes('’')) typographic++
    else if (token.value.includes("'")) straight++
  }
  return straight > typographic ? "'" : '’'
}

function keepCase(original: string, replacement: string): string {
  return capitalised.test(original) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement
}

export default defineRule(
  {id: 'elision', summary: 'Élision ou contraction manquante (« le accord », « de le »).', fix: 'safe'},
  ({index, report}) => {
    const tokens = index.tokens
    let apostrophe: string | undefined
    const elided = (form: string): string => form.replace(/’$/u, (apostrophe ??= apostropheOf(index)))
    for (let at = 0; at < tokens.length; at++) {
      const token: Token = tokens[at]!
      if (token.kind !== 'word') continue
      const lower = token.value.toLowerCase()
      const info = elisionInfo(lower)
      const isContractible = lower === 'de' || lower === 'à'
      if (!info && !isContractible) continue
      const next = nextWord(index, at)
      if (next === undefined) continue
      const word = tokens[next]!
      const nextLower = word.value.toLowerCase()

      // Contractions: "de le", "à le", "de les", "à les" + noun.
      if (isContractible && (nextLower === 'le' || nextLower === 'les')) {
        const after = nextWord(index, next)
        if (after === undefined) continue
        const noun = tokens[after]!.value
        if (capitalised.test(noun)) continue // names: the gazetteer rules' business
        const facts = nounInfo(noun)
        // "de le accord" is an elision matter ("de l’accord"), not a contraction.
        if (!facts || facts.alsoVerb || (nextLower === 'le' && startsWithVowelSound(noun))) continue
        const contracted = contraction(lower, nextLower)
        if (!contracted) continue
        const replacement = keepCase(token.value, contracted)
        report(`Contraction : « ${replacement} ${noun} ».`, token.start, word.end, {expected: [replacement]})
        at = next
        continue
      }

      if (!info) continue
      if (keepWholeBefore.has(nextLower) || (lower === 'la' && nextLower === 'une')) continue
      const before = info.before
      let applies: boolean
      if (before === 'vowel') {
        if (capitalised.test(word.value)) {
          // Only "de" before a gazetteer name that elides ("d’Ukraine", "d’Israël").
          applies = lower === 'de' && lookupAll(word.value).some((entry) => entry.from === 'd’')
        } else {
          applies = startsWithVowelSound(word.value) && !isElisionOptional(word.value)
        }
      } else if (before === 'il') {
        applies = nextLower === 'il' || nextLower === 'ils'
      } else {
        applies = before.includes(nextLower)
      }
      if (!applies) continue
      // "Ne en 1982": a capital "Ne" opening a sentence is more likely "Né" mistyped.
      if (lower === 'ne' && token.value !== lower && index.sentences[token.sentence]?.firstToken === at) continue
      const form = keepCase(token.value, elided(info.elided))
      // "de animaux", "de admissions": more likely "des" mistyped; both offered, neither applied.
      if (lower === 'de' && nounInfo(word.value)?.number === 'p') {
        report(`Élision ou article : « ${form}${word.value} » ou « ${keepCase(token.value, 'des')} ${word.value} » ?`, token.start, word.start, {
          expected: [keepCase(token.value, 'des '), form],
          safe: false,
        })
        at = next - 1
        continue
      }
      if (lower === 'que' || lower === 'si') {
        // Short words: the message covers both words, as read.
        report(`Élision : « ${form}${word.value} ».`, token.start, word.end, {expected: [form + word.value]})
      } else {
        report(`Élision : « ${form}${word.value} ».`, token.start, word.start, {expected: [form]})
      }
      at = next - 1
    }
  },
)
