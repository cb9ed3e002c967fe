/**
 * ## stray-period
 *
 * Flags a sentence cut in two by a stray full stop before a lone name or acronym:
 * "selon l’agence officielle nord-coréenne. KCNA." — the name belongs to the sentence
 * before it, as an apposition or in parentheses.
 *
 * Flagged when a "sentence" is a single acronym ("KCNA", "AFP", "TF1") or a known proper
 * name that is not also a common word ("Reuters", not "Merci"), and the sentence before
 * it, in the same paragraph, has at least three words and ends with a full stop right
 * after a word in lower case (so it was cut, not ended by a name). Answers ("Non."),
 * exclamations and names after an ellipsis are left alone.
 *
 * Fix: suggestions only — remove the stray full stop ("nord-coréenne KCNA.") or put the
 * name in parentheses ("nord-coréenne (KCNA).").
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Il a posé la question. Non. Il a insisté. Merci.
 *   Les villes visitées sont Berlin, Munich et... Francfort.
 *   Selon l’agence officielle nord-coréenne (KCNA), le traité est signé.
 *   Le président a parlé à Pyongyang. Kim Jong-Un a répondu.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le décret a été signé lundi, selon l’agence officielle nord-coréenne. KCNA.
 *   L’information a été confirmée par l’agence britannique. Reuters. Le ministre a réagi.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:69-1:75 ". KCNA" → " KCNA" | " (KCNA)" [suggestion]: Point égaré : « KCNA » semble appartenir à la phrase précédente.
 *   2:55-2:64 ". Reuters" → " Reuters" | " (Reuters)" [suggestion]: Point égaré : « Reuters » semble appartenir à la phrase précédente.
 */
import {isCommonWord, isKnownName} from '../src/lexicon/words.js'
import {defineRule, type RuleContext} from '../src/rules/kit.js'
import type {DocumentIndex, Token} from '../src/parse/document.js'
import {vocabularyOf} from '../src/vocabulary.js'

const acronym = /^\p{Lu}[\p{Lu}\d&]+$/u
const lowerInitial = /^\p{Ll}/u

type Report = RuleContext<unknown>['report']

/**
 * The check of a sentence of one word (`content`: its tokens but white space, one or
 * two): a name, then a full stop or nothing, after a sentence cut by its final full stop
 * right after a lower-case word. Apart from the loop over sentences, so that V8 optimises
 * that loop once: a rarely taken branch here reoptimises this function only.
 */
function checkLoneWord(index: DocumentIndex, houseWords: ReadonlySet<string>, at: number, content: readonly Token[], report: Report): void {
  if (content.length === 2 && content[1]!.value !== '.') return
  const {sentences, tokens} = index
  const previous = sentences[at - 1]!
  const name = content[0]!
  const isName = acronym.test(name.value) || houseWords.has(name.value) || (isKnownName(name.value) && !isCommonWord(name.value))
  if (!isName) return
  // The sentence before: cut by its final full stop, right after a lower-case word.
  const before = tokens.slice(previous.firstToken, previous.endToken).filter((token) => token.kind !== 'whitespace')
  const stop = before.at(-1)
  const lastWord = before.at(-2)
  if (!stop || stop.value !== '.' || lastWord?.kind !== 'word' || lastWord.end !== stop.start) return
  if (!lowerInitial.test(lastWord.value)) return
  if (before.filter((token) => token.kind === 'word').length < 3) return
  report(`Point égaré : « ${name.value} » semble appartenir à la phrase précédente.`, stop.start, name.end, {
    expected: [` ${name.value}`, ` (${name.value})`],
  })
}

export default defineRule(
  {id: 'stray-period', summary: 'Point égaré avant un nom isolé (« nord-coréenne. KCNA. »).', fix: 'suggestion'},
  ({index, file, report}) => {
    const {sentences, tokens} = index
    const houseWords = vocabularyOf(file).words
    for (let at = 1; at < sentences.length; at++) {
      const sentence = sentences[at]!
      const previous = sentences[at - 1]!
      if (previous.block !== sentence.block) continue
      // The lone sentence: one word, then a full stop (or nothing, at the end of the paragraph).
      const content = tokens.slice(sentence.firstToken, sentence.endToken).filter((token) => token.kind !== 'whitespace')
      const name = content[0]
      if (!name || name.kind !== 'word') continue
      if (content.length > 2) continue
      checkLoneWord(index, houseWords, at, content, report)
    }
  },
)
