/**
 * Every rule of coquille, and the presets.
 *
 * - `recommended`: what CI runs on day one; precise rules only, quiet on well-edited copy.
 * - `strict`: everything in `recommended` plus matters of house taste.
 */
import type {CoquilleRule} from '../src/rules/kit.js'
import placePreposition from './place-preposition.js'
import properNounArticle from './proper-noun-article.js'
import repeatedWords from './repeated-words.js'

export type Severity = 'off' | 'warn' | 'error'
export type RuleSetting = Severity | [Severity, unknown?]

export const rules: Readonly<Record<string, CoquilleRule<any>>> = Object.fromEntries(
  [repeatedWords, properNounArticle, placePreposition].map((rule) => [rule.meta.id, rule]),
)

export const presets: Readonly<Record<string, Readonly<Record<string, RuleSetting>>>> = {
  recommended: {
    'repeated-words': 'error',
    'proper-noun-article': 'error',
    'place-preposition': 'error',
  },
  strict: {
    'repeated-words': 'error',
    'proper-noun-article': 'error',
    'place-preposition': 'error',
  },
}
