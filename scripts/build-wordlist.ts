/**
 * Builds src/lexicon/data/french-words.txt.gz, the French word list behind `isFrenchWord`,
 * from the Hunspell dictionary of Grammalecte as packaged by `dictionary-fr` (MPL-2.0):
 * every word of index.dic with its suffixes expanded by the rules of index.aff.
 *
 * Run once, after upgrading dictionary-fr: `npx tsc -p . && node dist/scripts/build-wordlist.js`.
 *
 * What is kept and why:
 * - suffix rules (plurals, feminines, conjugations) are expanded; their continuation flags
 *   are only elision prefixes, which are dropped;
 * - elision prefixes (l’, d’, qu’, jusqu’…) are NOT expanded: the loader splits "l’accord"
 *   itself, which keeps the list five times smaller;
 * - other prefixes (units: "k" + "m" → "km") are expanded, with their own continuation;
 * - forbidden words are left out; the case of the dictionary is kept (proper names are
 *   capitalised there, which `isKnownName` uses); apostrophes are the typographic ’;
 * - ordinals written with superscript letters ("1ᵉʳ") are left out: prose tokens never hold them.
 *
 * Then the spellings of the 1990 reform (« connait », « chaine », « weekend », « évènement »),
 * which are correct French that Grammalecte keeps out of its "Classique" dictionary: the
 * forms of Grammalecte's "Réforme 1990" dictionary that its "Classique" one lacks, both as
 * packaged by cspell (`@cspell/dict-fr-reforme`, `@cspell/dict-fr-fr`, MIT packaging of the
 * MPL-2.0 data) and read with cspell-trie-lib. Left out: the trie's accent-free and
 * lower-cased copies ("~"), compound markers, elided forms, chemical formulas, and the
 * "-è" forms that exist only before "-je" ("aimè-je").
 *
 * Output: the forms sorted by UTF-16 code unit (the loader binary-searches them), one per
 * line, gzip-compressed (about 1 MB instead of 5).
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync, gzipSync} from 'node:zlib'
import {decodeTrie} from 'cspell-trie-lib'
import {dataFolder} from '../src/lexicon/lists.js'
import {packageRoot} from '../src/package-root.js'

interface AffixRule {
  readonly strip: string
  readonly add: string
  /** Flags of the affixes that may follow this one. */
  readonly continuation: readonly string[]
  readonly condition: RegExp
}

interface AffixClass {
  readonly kind: 'PFX' | 'SFX'
  readonly crossProduct: boolean
  readonly rules: AffixRule[]
}

const superscript = /[\u1D2C-\u1D6A\u02B0-\u02FF\u2070-\u209F]/u
const apostrophe = /['’]/

/** Hunspell "FLAG long": every flag is two characters. */
function splitFlags(flags: string): string[] {
  const list: string[] = []
  for (let at = 0; at + 1 < flags.length; at += 2) list.push(flags.slice(at, at + 2))
  return list
}

function parseAffixes(aff: string): {classes: Map<string, AffixClass>; options: Map<string, string>} {
  const classes = new Map<string, AffixClass>()
  const options = new Map<string, string>()
  for (const line of aff.split('\n')) {
    const fields = line.trim().split(/\s+/)
    const [kind, flag] = fields
    if (kind !== 'PFX' && kind !== 'SFX') {
      if (kind && /^[A-Z]+$/.test(kind) && fields.length === 2) options.set(kind, fields[1]!)
      continue
    }
    const known = classes.get(flag!)
    if (!known) {
      // Header: "SFX S. Y 2".
      classes.set(flag!, {kind, crossProduct: fields[2] === 'Y', rules: []})
      continue
    }
    const [, , strip, addField, condition = '.'] = fields
    const [add = '', continuation = ''] = addField!.split('/')
    const pattern = condition === '.' ? '' : condition
    known.rules.push({
      strip: strip === '0' ? '' : strip!,
      add: add === '0' ? '' : add,
      continuation: splitFlags(continuation),
      condition: new RegExp(kind === 'SFX' ? `${pattern}$` : `^${pattern}`, 'u'),
    })
  }
  return {classes, options}
}

function applySuffix(word: string, rule: AffixRule): string | undefined {
  if (!rule.condition.test(word) || !word.endsWith(rule.strip)) return undefined
  return word.slice(0, word.length - rule.strip.length) + rule.add
}

function applyPrefix(word: string, rule: AffixRule): string | undefined {
  if (!rule.condition.test(word) || !word.startsWith(rule.strip)) return undefined
  return rule.add + word.slice(rule.strip.length)
}

export function expandDictionary(aff: string, dic: string): string[] {
  const {classes, options} = parseAffixes(aff)
  if (options.get('FLAG') !== 'long') throw new Error('build-wordlist: expected "FLAG long" in the affix file')
  const needAffix = options.get('NEEDAFFIX')
  const forbidden = options.get('FORBIDDENWORD')
  const forms = new Set<string>()
  const add = (form: string): void => {
    if (form === '' || superscript.test(form)) return
    forms.add(form.replace(/'/g, '’'))
  }
  const lines = dic.split('\n')
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!.trim()
    if (line === '') continue
    const slash = line.indexOf('/')
    const word = slash === -1 ? line : line.slice(0, slash)
    const flags = slash === -1 ? [] : splitFlags(line.slice(slash + 1).split(/\s/)[0]!)
    if (forbidden && flags.includes(forbidden)) continue
    if (!(needAffix && flags.includes(needAffix))) add(word)
    const suffixed: string[] = []
    for (const flag of flags) {
      const affix = classes.get(flag)
      if (affix?.kind !== 'SFX') continue
      for (const rule of affix.rules) {
        const form = applySuffix(word, rule)
        if (form === undefined) continue
        add(form)
        if (affix.crossProduct) suffixed.push(form)
      }
    }
    for (const flag of flags) {
      const affix = classes.get(flag)
      if (affix?.kind !== 'PFX') continue
      for (const rule of affix.rules) {
        // Elisions are split by the loader, not listed ("l’", "d’", "jusqu’").
        if (apostrophe.test(rule.add)) continue
        const bases = affix.crossProduct ? [word, ...suffixed] : [word]
        for (const base of bases) {
          const form = applyPrefix(base, rule)
          if (form === undefined) continue
          add(form)
          for (const next of rule.continuation) {
            const suffix = classes.get(next)
            if (suffix?.kind !== 'SFX') continue
            for (const suffixRule of suffix.rules) {
              const more = applySuffix(form, suffixRule)
              if (more !== undefined) add(more)
            }
          }
        }
      }
    }
  }
  return [...forms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** A trie entry that is not a plain word form: accent-free copies, compounds, elisions, formulas, "aimè-je" forms. */
const notPlainForm = /^~|[+*’'\u2080-\u2089]|è$/u

/** The forms of the reform dictionary that the classic one lacks (both cspell tries of Grammalecte 7.0). */
export function reformOnlyForms(reformTrie: string, classicTrie: string): string[] {
  const reform = decodeTrie(reformTrie)
  const classic = decodeTrie(classicTrie)
  const forms: string[] = []
  for (const word of reform.words()) {
    if (notPlainForm.test(word) || superscript.test(word) || classic.has(word)) continue
    forms.push(word)
  }
  return forms
}

const packageFolder = (name: string): string => join(packageRoot, 'node_modules', ...name.split('/'))
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')) as {version: string}).version
const readTrie = (name: string, file: string): string => gunzipSync(readFileSync(join(packageFolder(name), file))).toString('utf8')

function main(): void {
  // dictionary-fr exports only its loader; its files are read where npm put them.
  const folder = packageFolder('dictionary-fr')
  const classic = expandDictionary(readFileSync(join(folder, 'index.aff'), 'utf8'), readFileSync(join(folder, 'index.dic'), 'utf8'))
  const reform = reformOnlyForms(
    readTrie('@cspell/dict-fr-reforme', 'fr-reforme1990.trie.gz'),
    readTrie('@cspell/dict-fr-fr', 'fr-fr.trie.gz'),
  )
  const all = new Set(classic)
  const before = all.size
  for (const form of reform) all.add(form)
  const forms = [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const text = forms.join('\n') + '\n'
  const packed = gzipSync(text, {level: 9})
  writeFileSync(join(dataFolder, 'french-words.txt.gz'), packed)
  console.log(
    `dictionary-fr ${versionOf('dictionary-fr')}: ${before} forms; 1990 reform (@cspell/dict-fr-reforme ${versionOf('@cspell/dict-fr-reforme')} ` +
      `minus @cspell/dict-fr-fr ${versionOf('@cspell/dict-fr-fr')}): ${all.size - before} more; ` +
      `${forms.length} forms, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB of text, ` +
      `${(packed.length / 1e6).toFixed(2)} MB compressed → src/lexicon/data/french-words.txt.gz`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) main()
