/**
 * ## honorifics
 *
 * French abbreviates *Monsieur* as « M. » and *Madame* as « Mme »: "Mr" and "Mrs" are
 * English (in French "Mr" is an old abbreviation the Imprimerie nationale and the
 * Académie reject). An abbreviation that ends with the last letter of the word takes no
 * full stop: « Mme », « Mlle », « Mmes », « Dr », « Pr », not "Mme.", "Dr." (Imprimerie
 * nationale).
 *
 * Only before a name or a title ("Mr Dupont", "Mme. la ministre", "Dr. Schindel"); names
 * and titles that contain the English honorific ("Mr Bean", "Mr Propre", "Mrs Doubtfire":
 * `honorific-names.txt`) and sentences in English are left alone.
 *
 * Fix: safe.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   M. Dupont et Mme Durand ont vu le Dr Martin, Mlle Leroy et MM. Petit et Roux.
 *   Il imite Mr Bean et achète du Mr Propre. "Thank you Mr President", said the man.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Mr Dupont et Mr. Durand ont vu Mrs Martin et Mme. la ministre, puis le Dr. Leroy.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:1-1:3 "Mr" → "M." [safe]: « Mr » est anglais : en français, « M. ».
 *   1:14-1:17 "Mr." → "M." [safe]: « Mr » est anglais : en français, « M. ».
 *   1:32-1:35 "Mrs" → "Mme" [safe]: « Mrs » est anglais : en français, « Mme ».
 *   1:46-1:50 "Mme." → "Mme" [safe]: Pas de point après « Mme » : l’abréviation finit par la dernière lettre du mot.
 *   1:72-1:75 "Dr." → "Dr" [safe]: Pas de point après « Dr » : l’abréviation finit par la dernière lettre du mot.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   M. Dupont et M. Durand ont vu Mme Martin et Mme la ministre, puis le Dr Leroy.
 */
import type {DocumentIndex} from '../src/parse/document.js'
import {loadList} from '../src/lexicon/lists.js'
import {defineRule, type RuleContext} from '../src/rules/kit.js'
import {isCapitalised, isInlineSpace, isVerbatim, touchingAfter} from '../src/rules/typography.js'

const english: Readonly<Record<string, string>> = {Mr: 'M.', Mrs: 'Mme', Messrs: 'MM.'}
const withoutStop = new Set(['Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Drs', 'Pr', 'Mgr'])
const titles = new Set(['le', 'la', 'les', 'l’', "l'"])
/** Initials and longest form (full stop included) of the abbreviations: most words are dismissed on these. */
const abbreviations = [...Object.keys(english), ...withoutStop]
const initials = new Set(abbreviations.map((abbreviation) => abbreviation[0]!))
const longest = Math.max(...abbreviations.map((abbreviation) => abbreviation.length)) + 1
const englishWords = new Set(['the', 'of', 'and', 'is', 'to', 'said', 'you', 'thank', 'with', 'for', 'was', 'are', 'he', 'she', 'his', 'her'])

/** Whether the sentence holding token `at` reads as English (two English function words or more). */
function isEnglishSentence(index: DocumentIndex, at: number): boolean {
  const sentence = index.sentences[index.tokens[at]!.sentence]
  if (!sentence) return false
  let count = 0
  for (let position = sentence.firstToken; position < sentence.endToken; position++) {
    const token = index.tokens[position]!
    if (token.kind === 'word' && englishWords.has(token.value.toLowerCase())) count++
  }
  return count >= 2
}

type Report = RuleContext<unknown>['report']

/**
 * The check of a short word whose initial is an abbreviation's: whether it is one, its
 * full stop, the name after it, the message. Apart from the loop over tokens, so that V8
 * optimises that loop once: a rarely taken branch here reoptimises this function only.
 */
function checkAbbreviation(index: DocumentIndex, at: number, report: Report): void {
  const {tokens} = index
  const token = tokens[at]!
  const stopInToken = token.value.endsWith('.')
  const abbreviation = stopInToken ? token.value.slice(0, -1) : token.value
  const isEnglish = Object.hasOwn(english, abbreviation)
  // The abbreviation first: isVerbatim compares the source, for every word otherwise.
  if ((!isEnglish && !withoutStop.has(abbreviation)) || !isVerbatim(index, token)) return
  // The full stop, in the word ("Mme.") or as the next token ("Mr" ".").
  const stop = !stopInToken && touchingAfter(index, at)?.value === '.' ? tokens[at + 1]! : undefined
  const end = stop ? stop.end : token.end
  const hasStop = stopInToken || stop !== undefined
  if (!isEnglish && !hasStop) return
  const nameAt = (stop ? at + 1 : at) + 2
  const space = tokens[nameAt - 1]
  const name = tokens[nameAt]
  if (!isInlineSpace(space) || !name || name.block !== token.block || name.kind !== 'word') return
  if (!isCapitalised(name.value) && !titles.has(name.value.toLowerCase())) return
  if (loadList('honorific-names.txt').has(`${abbreviation} ${name.value}`) || isEnglishSentence(index, at)) return
  if (isEnglish) {
    report(`« ${abbreviation} » est anglais : en français, « ${english[abbreviation]} ».`, token.start, end, {expected: [english[abbreviation]!]})
  } else {
    report(`Pas de point après « ${abbreviation} » : l’abréviation finit par la dernière lettre du mot.`, token.start, end, {expected: [abbreviation]})
  }
}

export default defineRule(
  {id: 'honorifics', summary: 'Abréviations de civilité à la française (« M. », « Mme », non « Mr », « Mrs », « Mme. »).', fix: 'safe'},
  ({index, report}) => {
    const {tokens} = index
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word' || token.value.length > longest || !initials.has(token.value[0]!)) continue
      checkAbbreviation(index, at, report)
    }
  },
)
