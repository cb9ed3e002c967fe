/**
 * ## ellipsis
 *
 * Three full stops typed in a row ("...") stand for the ellipsis character « … »
 * (U+2026), which French typography uses: its dots are spaced as one sign and never
 * break across lines. House taste: `strict` only.
 *
 * Exactly three full stops are flagged; "...." and a full stop after an ellipsis are
 * left alone, and so are URLs, paths ("../") and code.
 *
 * Fix: safe.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Il hésita… puis partit (…). Voir ../dossier et https://exemple.fr/a...b.
 *
 * @example
 *   {"name": "ok-2.md"}
 *
 *   Le code `a...b` reste tel quel.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Il hésita... puis partit (...) ; et alors...?
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:10-1:13 "..." → "…" [safe]: Trois points : le signe « … » (points de suspension).
 *   1:27-1:30 "..." → "…" [safe]: Trois points : le signe « … » (points de suspension).
 *   1:42-1:45 "..." → "…" [safe]: Trois points : le signe « … » (points de suspension).
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Il hésita… puis partit (…) ; et alors…?
 */
import {defineRule} from '../src/rules/kit.js'
import {addressTokens, isVerbatim} from '../src/rules/typography.js'

const threeDots = /(?<!\.)\.\.\.(?!\.)/g

export default defineRule(
  {id: 'ellipsis', summary: 'Points de suspension : « … » plutôt que trois points « ... ».', fix: 'safe'},
  ({index, report}) => {
    const {tokens, source} = index
    const addresses = addressTokens(index)
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'punctuation' || addresses[at] === 1 || !token.value.includes('...') || !isVerbatim(index, token)) continue
      for (const match of token.value.matchAll(threeDots)) {
        const start = token.start + match.index
        // Dots of a neighbouring token: "...." split in two, or "../" of a path.
        if (source[start - 1] === '.' || source[start + 3] === '.' || source[start + 3] === '/') continue
        report('Trois points : le signe « … » (points de suspension).', start, start + 3, {expected: ['…']})
      }
    }
  },
)
