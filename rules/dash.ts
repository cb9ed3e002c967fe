/**
 * ## dash
 *
 * A hyphen between spaces (" - ") used as a dash: French typography sets an incise or a
 * break with the en dash « – » (U+2013) between spaces (or the em dash « — » in some
 * houses); the hyphen only joins words ("porte-parole"). Two hyphens (" -- ") are a
 * typewriter dash too. House taste: `strict` only.
 *
 * Not flagged: a hyphen at the start of a line (a list or a dialogue line), a hyphen
 * glued to a word ("-Le gouvernement": scraping residue, or a minus sign "-5"), a minus
 * sign before a number ("soit - 3 %", "J - 1"; between two numbers, "2019 - 2020", it is
 * a dash), code.
 *
 * Fix: safe (« – »).
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le porte-parole – un proche du ministre – a parlé ; il fait -5 degrés, soit - 3 % à J - 1.
 *   - un élément de liste
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le porte-parole - un proche du ministre -- a parlé.
 *   Entre 2019 - 2020.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:17-1:18 "-" → "–" [safe]: Trait d’union employé comme tiret : « – ».
 *   1:41-1:43 "--" → "–" [safe]: Trait d’union employé comme tiret : « – ».
 *   2:12-2:13 "-" → "–" [safe]: Trait d’union employé comme tiret : « – ».
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Le porte-parole – un proche du ministre – a parlé.
 *   Entre 2019 – 2020.
 */
import {defineRule} from '../src/rules/kit.js'
import {addressTokens, isInlineSpace, isVerbatim} from '../src/rules/typography.js'

const digit = /^\d/

export default defineRule(
  {id: 'dash', summary: 'Tiret « – » plutôt qu’un trait d’union entre espaces (« mot - mot »).', fix: 'safe'},
  ({index, report}) => {
    const {tokens} = index
    const addresses = addressTokens(index)
    for (let at = 1; at + 1 < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'punctuation' || (token.value !== '-' && token.value !== '--') || addresses[at] === 1) continue
      const before = tokens[at - 1]!
      const after = tokens[at + 1]!
      if (!isInlineSpace(before) || !isInlineSpace(after) || before.block !== token.block || after.block !== token.block) continue
      // A hyphen that opens its line or its block: a list item or a dialogue line.
      const previous = tokens[at - 2]
      if (!previous || previous.block !== token.block || !isVerbatim(index, token)) continue
      // "soit - 3,57 %", "J - 1": a minus sign before a number; "2019 - 2020" is a range (a dash).
      const next = tokens[at + 2]
      if (next?.kind === 'word' && digit.test(next.value) && !digit.test(previous.value)) continue
      report('Trait d’union employé comme tiret : « – ».', token.start, token.end, {expected: ['–']})
    }
  },
)
