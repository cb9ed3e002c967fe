/**
 * ## number-format
 *
 * French numbers group their digits by three with a no-break space ("11 000",
 * "1 234 567,89"), and put a no-break space between a number and its unit, its currency or
 * the percent sign ("10 km", "10 €", "5 %", "40 °C"). This rule flags:
 *
 * - a group separated by an ordinary space ("11 000" typed with the space bar): at the end
 *   of a line the number would break in two ("11" / "000 soldats");
 * - a full stop used as a thousands separator ("11.000", the English and wire habit):
 *   French uses the full stop for neither thousands nor decimals;
 * - a number of five digits or more written without separator ("60000 personnes");
 * - with option `units` (default on; off in `recommended`): a unit, a currency or % glued
 *   to the number ("10km", "10€", "5%", "40°C") or after an ordinary space.
 *
 * The French norm followed: groups of three digits with a no-break space (Imprimerie
 * nationale; the narrow no-break space U+202F is the finest choice, option `space`);
 * **a number of four digits is written without space** ("2000 euros", "1500 km"), as the
 * BIPM’s SI brochure and the Office québécois de la langue française allow, so
 * four-digit numbers are never flagged for lack of a space (years could not be told from
 * quantities anyway); a four-digit number grouped with a full stop ("2.500") gets a space.
 *
 * Never flagged: years, postcodes ("75001 Paris": a capitalised word follows), phone
 * numbers and numbers starting with 0, identifiers (after "n°", "lot", "châssis", "code",
 * "version"…: the list `number-identifiers.txt`; "compte" and
 * "commande" only after a determiner: "le compte 40213377", but "la ville compte 12 500
 * habitants"), catalogue names after an acronym ("l’étoile HD 189733", not a currency:
 * "CHF 25000" is flagged), model names ("A380", "Boeing 737": not
 * numbers), decimals ("3,5"), times ("20h30"), hours ("20 h" and "20h" are house style),
 * angles ("45°"), numbers inside URLs and code.
 *
 * Options: `space` (`"any"` default: U+00A0 or U+202F; `"nbsp"`; `"nnbsp"`), the space
 * fixes insert (U+00A0, or U+202F with `"nnbsp"`); `units` (`true`): check units,
 * currencies and %; `allowOrdinarySpace` (`false`): accept an ordinary space in groups
 * and before units. `recommended` checks the groups only: on the corpus, "5%" is
 * written glued 438 times and spaced 59 times — a house style, not a slip — so unit
 * spacing is `strict`.
 *
 * Fix: safe.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   En 2019, 11 000 soldats et 1 234 567,89 euros ; 2500 km en 1500 heures.
 *   Le lot 91580057, le châssis n° 10045 et le code postal 75001 ; 75008 Paris.
 *   Appelez le 0 800 123 456 ; l’A380 et le Boeing 737 ; à 20h30 ; un angle de 45°.
 *   Il fait 40 °C, 3,5 % de hausse, 10 € et 110 km/h.
 *   L’exoplanète HD 189733 b tourne autour de son étoile.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Environ 11 000 soldats et 16.000 civils, soit 60000 personnes.
 *   Une baisse de 5% et 10€ de plus, à 110km/h par 40°C ; 3 %.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:9-1:15 "11 000" → "11 000" [safe]: Espace ordinaire dans « 11 000 » : une espace insécable empêche de couper le nombre.
 *   1:27-1:33 "16.000" → "16 000" [safe]: Point comme séparateur de milliers dans « 16.000 » : en français, une espace insécable.
 *   1:47-1:52 "60000" → "60 000" [safe]: Nombre de cinq chiffres sans séparateur : « 60000 ».
 *   2:16-2:17 "%" → " %" [safe]: Il manque une espace insécable entre « 5 » et « % ».
 *   2:23-2:24 "€" → " €" [safe]: Il manque une espace insécable entre « 10 » et « € ».
 *   2:36-2:41 "110km" → "110 km" [safe]: Il manque une espace insécable entre « 110 » et « km/h ».
 *   2:50-2:51 "°" → " °" [safe]: Il manque une espace insécable entre « 40 » et « °C ».
 *   2:56-2:57 " " → " " [safe]: Espace ordinaire avant « % » : il faut une espace insécable.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Environ 11 000 soldats et 16 000 civils, soit 60 000 personnes.
 *   Une baisse de 5 % et 10 € de plus, à 110 km/h par 40 °C ; 3 %.
 *
 * @example
 *   {"name": "ok-recommended.txt", "config": {"units": false}}
 *
 *   Une hausse de 5% et de 3 %, à 110km/h pour 10€.
 *
 * @example
 *   {"name": "narrow.txt", "label": "input", "config": {"space": "nnbsp", "units": false}}
 *
 *   Il y a 1 500 000 habitants et 11 000 soldats.
 *
 * @example
 *   {"name": "narrow.txt", "label": "output", "config": {"space": "nnbsp", "units": false}}
 *
 *   1:31-1:37 "11 000" → "11 000" [safe]: Espace insécable dans « 11 000 » : la maison veut une espace fine insécable.
 *
 * @example
 *   {"name": "ok-account.txt"}
 *
 *   Virez la somme sur le compte 40213377 ; la commande 123456 est partie.
 *
 * @example
 *   {"name": "not-ok-verb.txt", "label": "input"}
 *
 *   Le village compte 12.500 habitants et la mairie commande 20000 masques.
 *
 * @example
 *   {"name": "not-ok-verb.txt", "label": "output"}
 *
 *   1:19-1:25 "12.500" → "12 500" [safe]: Point comme séparateur de milliers dans « 12.500 » : en français, une espace insécable.
 *   1:58-1:63 "20000" → "20 000" [safe]: Nombre de cinq chiffres sans séparateur : « 20000 ».
 *
 * @example
 *   {"name": "not-ok-verb.txt", "label": "fixed"}
 *
 *   Le village compte 12 500 habitants et la mairie commande 20 000 masques.
 */
import type {DocumentIndex, Token} from '../src/parse/document.js'
import {loadList} from '../src/lexicon/lists.js'
import {defineRule} from '../src/rules/kit.js'
import {
  addressTokens,
  isInlineSpace,
  isSpaceChoice,
  narrowNoBreakSpace,
  noBreakSpace,
  optionsObject,
  touchingAfter,
  touchingBefore,
  type SpaceChoice,
} from '../src/rules/typography.js'

export interface NumberFormatOptions {
  readonly space?: SpaceChoice
  readonly units?: boolean
  readonly allowOrdinarySpace?: boolean
}

const spacedGroups = /^[1-9]\d{0,2}(?:[ \u00A0\u202F]\d{3})+(?:,\d+)?$/
const dottedGroups = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/
const ungrouped = /^([1-9]\d{4,})(,\d+)?$/
const numberValue = /^\d(?:[\d \u00A0\u202F.,]*\d)?$/
const gluedUnit = /^(\d+(?:,\d+)?)(\D.*)$/
const symbols = new Set(['%', '‰', '€', '$', '£', '¥', '₽', '₹', '₿'])
const lowerInitial = /^\p{Ll}/u

/** "1234567" → "1 234 567" with the given space. */
function group(digits: string, space: string): string {
  let out = ''
  for (let at = 0; at < digits.length; at++) {
    if (at > 0 && (digits.length - at) % 3 === 0) out += space
    out += digits[at]
  }
  return out
}

/** The word before the number (skipping one space), lower case without its final full stop. */
function wordBefore(index: DocumentIndex, at: number): string {
  const {tokens} = index
  let position = at - 1
  if (tokens[position]?.kind === 'whitespace') position--
  let token = tokens[position]
  if (token?.kind === 'punctuation' && token.value === ':') {
    // "code-barres : 3417990701829"
    position--
    if (tokens[position]?.kind === 'whitespace') position--
    token = tokens[position]
  }
  if (!token || token.block !== tokens[at]!.block) return ''
  if (token.kind === 'punctuation' && token.value === '.' && tokens[position - 1]?.kind === 'word') token = tokens[position - 1]!
  // "n° 10045": the parser splits "n" and "°".
  if (token.kind === 'symbol' && /^[°º]$/.test(token.value) && tokens[position - 1]?.end === token.start) return `${tokens[position - 1]!.value.toLowerCase()}°`
  return token.kind === 'word' || token.kind === 'symbol' ? token.value.toLowerCase().replace(/\.$/, '') : ''
}

/**
 * Identifier words that are also verbs: "le compte 12345678" is an account, "la commune
 * compte 25 785 habitants" a quantity. Read as the noun only after a determiner.
 */
const verbIdentifiers = new Set(['compte', 'commande'])
const nounDeterminers = new Set(['le', 'un', 'du', 'de', 'au', 'son', 'mon', 'ton', 'notre', 'votre', 'leur', 'ce', 'cet', 'chaque', 'la', 'une', 'sa', 'ma', 'ta', 'cette'])

/** The word before the word before the number ("le" in "le compte 1234"), lower case; elided "l’"/"d’" as "le"/"de". */
function wordBeforeWord(index: DocumentIndex, at: number): string {
  const {tokens} = index
  let position = at - 1
  while (position >= 0 && (tokens[position]!.kind === 'whitespace' || tokens[position]!.value === ':')) position--
  position--
  while (position >= 0 && tokens[position]!.kind === 'whitespace') position--
  const token = tokens[position]
  if (!token || token.kind !== 'word' || token.block !== tokens[at]!.block) return ''
  const value = token.value.toLowerCase()
  return value === 'l’' || value === "l'" ? 'le' : value === 'd’' || value === "d'" ? 'de' : value
}

/** An acronym of two to five capitals just before the number, with one space between, that is no unit or currency ("CHF"). */
function isCatalogueAcronym(index: DocumentIndex, at: number): boolean {
  const space = index.tokens[at - 1]
  const acronym = index.tokens[at - 2]
  return space?.kind === 'whitespace' && space.value === ' ' && acronym?.kind === 'word' && /^[A-Z]{2,5}$/.test(acronym.value) && !loadList('units.txt').has(acronym.value)
}

function isIdentifier(index: DocumentIndex, at: number): boolean {
  const before = wordBefore(index, at)
  if (before === '') return false
  const identifiers = loadList('number-identifiers.txt')
  if (verbIdentifiers.has(before)) return nounDeterminers.has(wordBeforeWord(index, at))
  if (identifiers.has(before)) return true
  // "HIP 12961", "HD 189733", "NGC 10234": a catalogue's acronym names what follows (not a currency: "CHF 25000").
  if (isCatalogueAcronym(index, at)) return true
  // "n°231122", "réf.12345": the marker glued to the number.
  const glued = touchingBefore(index, at)
  return glued !== undefined && identifiers.has(glued.value.toLowerCase().replace(/\.$/, ''))
}

export default defineRule<NumberFormatOptions>(
  {
    id: 'number-format',
    summary: 'Nombres à la française : milliers séparés par une espace insécable (« 11 000 »), « 5 % », « 10 km ».',
    fix: 'safe',
    options: {
      space: {type: 'string', enum: ['any', 'nbsp', 'nnbsp'], default: 'any', description: 'Espace des milliers et des unités : any (U+00A0 ou U+202F), nbsp (U+00A0), nnbsp (U+202F).'},
      units: {type: 'boolean', default: true, description: 'Vérifier aussi l’espace entre un nombre et son unité, sa monnaie ou %.'},
      allowOrdinarySpace: {type: 'boolean', default: false, description: 'Accepter une espace ordinaire dans les groupes de chiffres et avant les unités.'},
    },
  },
  ({index, options, report}) => {
    const settings = optionsObject(options)
    const choice: SpaceChoice = isSpaceChoice(settings['space']) ? settings['space'] : 'any'
    const checkUnits = settings['units'] !== false
    const allowOrdinary = settings['allowOrdinarySpace'] === true
    const insert = choice === 'nnbsp' ? narrowNoBreakSpace : noBreakSpace
    const units = loadList('units.txt')
    const {tokens} = index
    const addresses = addressTokens(index)
    const scope: NumberScope = {index, report, choice, checkUnits, allowOrdinary, insert, units}

    const anyDigit = /\d/
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word' || addresses[at] === 1 || !anyDigit.test(token.value)) continue
      checkNumberToken(scope, at)
    }
  },
)

type Report = (reason: string, start: number, end: number, options: {expected: string[]}) => unknown

/** What the check of one number needs from its document and the house's settings. */
interface NumberScope {
  readonly index: DocumentIndex
  readonly report: Report
  readonly choice: SpaceChoice
  readonly checkUnits: boolean
  readonly allowOrdinary: boolean
  /** The space the fixes insert. */
  readonly insert: string
  readonly units: ReadonlySet<string>
}

/** Whether a separator between digit groups is one the house accepts. */
function isAcceptedSeparator(scope: NumberScope, separator: string): boolean {
  const {choice, allowOrdinary, insert} = scope
  return choice === 'any' ? separator !== ' ' || allowOrdinary : separator === insert || (separator === ' ' && allowOrdinary)
}

/**
 * The check of a word token holding a digit (not part of an address). Apart from the
 * loop over tokens, so that V8 optimises that loop once: a rarely taken branch here
 * reoptimises this function only.
 */
function checkNumberToken(scope: NumberScope, at: number): void {
  const {index, report, insert} = scope
  const token = index.tokens[at]!
  const value = token.value
  if (scope.checkUnits) {
    checkGluedUnit(scope, token, at)
    if (numberValue.test(value)) checkUnitAfter(scope, token, at)
  }
  const glued = touchingBefore(index, at)
  // Part of a larger number or code ("1.2.3", "A-11000", "98" in "1,98m").
  if (glued && (glued.kind === 'word' || /[.,/\-]$/.test(glued.value))) return
  if (spacedGroups.test(value)) {
    const separators = value.match(/[ \u00A0\u202F]/g)!
    if (separators.every((separator) => isAcceptedSeparator(scope, separator)) || isIdentifier(index, at)) return
    const fixed = value.replace(/[ \u00A0\u202F]/g, insert)
    const printed = value.replace(/[\u00A0\u202F]/g, ' ')
    const reason = separators.includes(' ')
      ? `Espace ordinaire dans « ${printed} » : une espace insécable empêche de couper le nombre.`
      : `Espace ${insert === narrowNoBreakSpace ? 'insécable' : 'fine'} dans « ${printed} » : la maison veut une espace ${insert === narrowNoBreakSpace ? 'fine insécable' : 'insécable'}.`
    report(reason, token.start, token.end, {expected: [fixed]})
    return
  }
  if (dottedGroups.test(value)) {
    if (isIdentifier(index, at) || touchingAfter(index, at)?.value === '.') return
    const fixed = value.replace(/\./g, insert)
    report(`Point comme séparateur de milliers dans « ${value} » : en français, une espace insécable.`, token.start, token.end, {
      expected: [fixed],
    })
    return
  }
  const long = ungrouped.exec(value)
  if (long) {
    if (isIdentifier(index, at) || !isQuantity(scope, at)) return
    const fixed = group(long[1]!, insert) + (long[2] ?? '')
    report(`Nombre de ${long[1]!.length === 5 ? 'cinq' : long[1]!.length === 6 ? 'six' : 'sept'} chiffres${long[1]!.length > 7 ? ' ou plus' : ''} sans séparateur : « ${value} ».`, token.start, token.end, {
      expected: [fixed],
    })
  }
}

/** A number followed by a lower-case word or a unit: a quantity ("60000 personnes"), not a code. */
function isQuantity(scope: NumberScope, at: number): boolean {
  const {index, units} = scope
  const {tokens} = index
  const space = tokens[at + 1]
  const next = tokens[at + 2]
  if (touchingAfter(index, at)?.kind === 'symbol') return symbols.has(tokens[at + 1]!.value)
  if (!isInlineSpace(space) || !next || next.block !== tokens[at]!.block) return false
  if (next.kind === 'symbol') return symbols.has(next.value)
  return next.kind === 'word' && (lowerInitial.test(next.value) || units.has(next.value))
}

/** "10km": a unit glued to the number, inside one word token. */
function checkGluedUnit(scope: NumberScope, token: Token, at: number): void {
  const {index, report, insert, units} = scope
  const {tokens} = index
  const match = gluedUnit.exec(token.value)
  if (!match) return
  let unit = match[2]!
  // "110km/h": the parser keeps "110km"; the unit is read with what touches it.
  const after = touchingAfter(index, at)
  if (after?.value === '/' && tokens[at + 2]?.start === after.end) unit += '/' + tokens[at + 2]!.value
  if (!units.has(unit) && !units.has(match[2]!)) return
  const number = match[1]!
  report(`Il manque une espace insécable entre « ${number} » et « ${units.has(unit) ? unit : match[2]!} ».`, token.start, token.end, {
    expected: [number + insert + match[2]!],
  })
}

/** "5%", "10€", "40°C" (separate tokens), or the same after an ordinary space. */
function checkUnitAfter(scope: NumberScope, token: Token, at: number): void {
  const {index, report, insert} = scope
  const {tokens} = index
  const next = tokens[at + 1]
  if (!next || next.block !== token.block) return
  const glued = next.start === token.end && next.kind !== 'whitespace'
  if (glued) {
    const unit = unitAt(scope, at + 1)
    if (!unit) return
    report(`Il manque une espace insécable entre « ${token.value} » et « ${unit} ».`, next.start, next.start + 1, {
      expected: [insert + index.source[next.start]!],
    })
    return
  }
  if (!isInlineSpace(next) || next.value === noBreakSpace || next.value === narrowNoBreakSpace) return
  if (next.value === ' ' && scope.allowOrdinary) return
  const unit = unitAt(scope, at + 2)
  if (!unit || tokens[at + 2]!.start !== next.end) return
  // "10 m" is a unit only when nothing glues to it ("10 m." yes, "10 mai" is another word).
  report(
    next.value === ' ' ? `Espace ordinaire avant « ${unit} » : il faut une espace insécable.` : `Espaces multiples avant « ${unit} » : une seule espace insécable.`,
    next.start,
    next.end,
    {expected: [insert]},
  )
}

/** The unit, currency or % that starts at token `at`, if any ("%", "€", "km", "°C"). */
function unitAt(scope: NumberScope, at: number): string | undefined {
  const {index, units} = scope
  const {tokens} = index
  const token = tokens[at]
  if (!token) return undefined
  if (token.kind === 'symbol') {
    if (symbols.has(token.value)) return token.value
    if (token.value === '°') {
      const scale = touchingAfter(index, at)
      return scale && (scale.value === 'C' || scale.value === 'F') && !touchingAfter(index, at + 1)?.value.match(/^\p{L}/u) ? `°${scale.value}` : undefined
    }
    return undefined
  }
  if (token.kind !== 'word' || !units.has(token.value)) return undefined
  const after = touchingAfter(index, at)
  if (after?.value === '/' && units.has(`${token.value}/${tokens[at + 2]?.value}`)) return `${token.value}/${tokens[at + 2]!.value}`
  // "10 m." or "10 m," but not "10 l’…" or "3 t-shirts".
  if (after && after.kind !== 'punctuation') return undefined
  if (after && /^['’-]/.test(after.value)) return undefined
  return token.value
}
