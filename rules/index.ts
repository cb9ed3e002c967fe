/**
 * Every rule of coquille, and the presets.
 *
 * - `recommended`: what CI runs on day one; precise rules only, quiet on well-edited copy.
 * - `strict`: everything in `recommended` plus matters of house taste.
 */
import type {CoquilleRule} from '../src/rules/kit.js'
import determinerAgreement from './determiner-agreement.js'
import elision from './elision.js'
import repeatedWords from './repeated-words.js'

export type Severity = 'off' | 'warn' | 'error'
export type RuleSetting = Severity | [Severity, unknown?]

export const rules: Readonly<Record<string, CoquilleRule<any>>> = Object.fromEntries(
  [determinerAgreement, elision, repeatedWords].map((rule) => [rule.meta.id, rule]),
)

export const presets: Readonly<Record<string, Readonly<Record<string, RuleSetting>>>> = {
  recommended: {
    'determiner-agreement': 'error',
    elision: 'error',
    'repeated-words': 'error',
  },
  strict: {
    'determiner-agreement': 'error',
    elision: 'error',
    'repeated-words': 'error',
  },
}
