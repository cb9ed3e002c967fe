/**
 * ## apostrophe
 *
 * French typography writes the apostrophe ’ (U+2019), not the straight typewriter sign '
 * (Imprimerie nationale; the straight sign is a keyboard habit). Houses that keep the
 * straight one for their web copy can say so (option `style`); either way one article
 * makes one choice.
 *
 * Options: `style`: `"typographic"` (default): ’ is wanted; `"straight"`: ' is wanted;
 * `"consistent"`: either, but the less frequent one in an article is flagged (a tie goes to ’).
 *
 * Only an apostrophe between two letters is checked ("l'accord", "aujourd'hui",
 * "O'Neill"): a sign after digits is a foot or a minute ("5'11""), a sign at the start or
 * the end of a word is a quotation mark (the `quotes` rule’s). Never in URLs or code.
 * House taste: `strict` only (the corpus has 20,528 straight apostrophes and 4 typographic ones).
 *
 * Fix: safe.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   L’accord d’aujourd’hui, qu’il a signé avec O’Neill, mesure 5'11" ; 'cité'.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   L'accord d’aujourd'hui.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:2-1:3 "'" → "’" [safe]: Apostrophe droite : en typographie française, « ’ ».
 *   1:19-1:20 "'" → "’" [safe]: Apostrophe droite : en typographie française, « ’ ».
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   L’accord d’aujourd’hui.
 *
 * @example
 *   {"name": "ok-straight.md", "config": {"style": "straight"}}
 *
 *   L'accord d'aujourd'hui, voir `l’objet` et https://exemple.fr/l’article.
 *
 * @example
 *   {"name": "consistent.txt", "label": "input", "config": {"style": "consistent"}}
 *
 *   L'accord d'aujourd'hui qu’il signe.
 *
 * @example
 *   {"name": "consistent.txt", "label": "output", "config": {"style": "consistent"}}
 *
 *   1:26-1:27 "’" → "'" [safe]: Apostrophe courbe, mais droite ailleurs dans l’article : un seul choix.
 */
import {defineRule} from '../src/rules/kit.js'
import {addressTokens, isVerbatim, optionsObject} from '../src/rules/typography.js'

export interface ApostropheOptions {
  readonly style?: 'typographic' | 'straight' | 'consistent'
}

const letter = /\p{L}/u

export default defineRule<ApostropheOptions>(
  {
    id: 'apostrophe',
    summary: 'Apostrophe typographique « ’ » (ou droite, selon la maison), une seule sorte par article.',
    fix: 'safe',
    options: {
      style: {
        type: 'string',
        enum: ['typographic', 'straight', 'consistent'],
        default: 'typographic',
        description: 'Apostrophe voulue : typographic (’), straight (\'), consistent (l’une ou l’autre, une seule par article).',
      },
    },
  },
  ({index, options, report}) => {
    const settings = optionsObject(options)
    const style = settings['style'] === 'straight' || settings['style'] === 'consistent' ? settings['style'] : 'typographic'
    const {tokens} = index
    const addresses = addressTokens(index)
    /** Source offsets of the apostrophes between letters, with their sign. */
    const found: Array<{offset: number; sign: string}> = []
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word' || addresses[at] === 1 || !isVerbatim(index, token)) continue
      const value = token.value
      for (let position = 1; position < value.length - 1; position++) {
        const sign = value[position]!
        if ((sign === "'" || sign === '’') && letter.test(value[position - 1]!) && letter.test(value[position + 1]!)) {
          found.push({offset: token.start + position, sign})
        }
      }
    }
    let wanted = style === 'straight' ? "'" : '’'
    if (style === 'consistent') {
      const straight = found.filter((apostrophe) => apostrophe.sign === "'").length
      wanted = straight > found.length - straight ? "'" : '’'
    }
    for (const {offset, sign} of found) {
      if (sign === wanted) continue
      const reason =
        style === 'consistent'
          ? `Apostrophe ${sign === "'" ? 'droite, mais courbe' : 'courbe, mais droite'} ailleurs dans l’article : un seul choix.`
          : wanted === '’'
            ? 'Apostrophe droite : en typographie française, « ’ ».'
            : 'Apostrophe courbe : la maison écrit « \' ».'
      report(reason, offset, offset + 1, {expected: [wanted]})
    }
  },
)
