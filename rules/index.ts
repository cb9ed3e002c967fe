/**
 * Every rule of coquille, and the presets.
 *
 * - `recommended`: what CI runs on day one; precise rules only, quiet on well-edited copy.
 * - `strict`: everything in `recommended` plus matters of house taste.
 *
 * Some rules take options in `recommended` that `strict` drops: `french-spacing` accepts
 * an ordinary space where a no-break one is wanted (`allowOrdinarySpace`), and
 * `number-format` leaves the spaces of units and % alone (`units: false`).
 */
import type {CoquilleRule} from '../src/rules/kit.js'
import accentedCapitals from './accented-capitals.js'
import apostrophe from './apostrophe.js'
import boilerplate from './boilerplate.js'
import dash from './dash.js'
import determinerAgreement from './determiner-agreement.js'
import duplicate from './duplicate.js'
import elision from './elision.js'
import ellipsis from './ellipsis.js'
import foreignLanguage from './foreign-language.js'
import frenchSpacing from './french-spacing.js'
import gluedWords from './glued-words.js'
import headlineCase from './headline-case.js'
import honorifics from './honorifics.js'
import numberFormat from './number-format.js'
import ordinals from './ordinals.js'
import punctuationSpacing from './punctuation-spacing.js'
import placePreposition from './place-preposition.js'
import properNounArticle from './proper-noun-article.js'
import quotes from './quotes.js'
import repeatedWords from './repeated-words.js'
import spelling from './spelling.js'
import strayPeriod from './stray-period.js'

export type Severity = 'off' | 'warn' | 'error'
export type RuleSetting = Severity | [Severity, unknown?]

export const rules: Readonly<Record<string, CoquilleRule<any>>> = Object.fromEntries(
  [
    accentedCapitals,
    apostrophe,
    boilerplate,
    dash,
    determinerAgreement,
    duplicate,
    elision,
    ellipsis,
    foreignLanguage,
    frenchSpacing,
    gluedWords,
    headlineCase,
    honorifics,
    numberFormat,
    ordinals,
    placePreposition,
    properNounArticle,
    punctuationSpacing,
    quotes,
    repeatedWords,
    spelling,
    strayPeriod,
  ].map((rule) => [rule.meta.id, rule]),
)

const recommended: Readonly<Record<string, RuleSetting>> = {
  'accented-capitals': ['warn', {firstNames: false}],
  boilerplate: 'error',
  'determiner-agreement': 'error',
  duplicate: 'error',
  elision: 'error',
  'foreign-language': 'warn',
  'french-spacing': ['warn', {allowOrdinarySpace: true}],
  'glued-words': 'error',
  'headline-case': ['warn', {allCapsSubheadings: false}],
  honorifics: 'warn',
  'number-format': ['warn', {units: false}],
  ordinals: 'warn',
  'punctuation-spacing': 'warn',
  quotes: 'error',
  'repeated-words': 'error',
  spelling: 'warn',
  'stray-period': 'warn',
  'proper-noun-article': 'error',
  'place-preposition': 'error',
}

const strict: Readonly<Record<string, RuleSetting>> = {
  'accented-capitals': 'warn',
  apostrophe: 'warn',
  boilerplate: 'error',
  dash: 'warn',
  'determiner-agreement': 'error',
  duplicate: 'error',
  elision: 'error',
  ellipsis: 'warn',
  'foreign-language': 'warn',
  'french-spacing': 'warn',
  'glued-words': 'error',
  'headline-case': 'warn',
  honorifics: 'warn',
  'number-format': 'warn',
  ordinals: 'warn',
  'punctuation-spacing': 'warn',
  quotes: ['error', {straight: true, levels: true}],
  'repeated-words': 'error',
  spelling: 'warn',
  'stray-period': 'warn',
  'proper-noun-article': 'error',
  'place-preposition': 'error',
}

/**
 * Presets: `recommended` (CI on day one), `strict` (all typography), and `fr-CA`, the
 * recommended preset with Québec's typography (no space before ; ! ?, OQLF norm).
 */
export const presets: Readonly<Record<string, Readonly<Record<string, RuleSetting>>>> = {
  recommended,
  strict,
  'fr-CA': {...recommended, 'french-spacing': ['warn', {allowOrdinarySpace: true, profile: 'fr-CA'}]},
}
