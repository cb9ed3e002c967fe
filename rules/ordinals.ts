/**
 * ## ordinals
 *
 * French abbreviates ordinals with the last letter(s) of the word: "2e" (deuxième),
 * "1er" (premier), "1re" (première), "XIXe" (dix-neuvième), plurals "2es", "1ers",
 * "1res" (Imprimerie nationale; Académie française). "2ème", "2ième", "2eme", "2è",
 * "1ier", "1ère", "XIXème" are common but wrong; "2nd"/"2nde" is English ("2d", "2de"
 * are the French forms of *second*, *seconde*, and "2e" is always right).
 *
 * Correct forms are never touched, and never rewritten with Unicode superscript letters
 * ("1er", "15e", "XIXe" stay plain letters: superscripts are the typesetter’s business).
 * Roman numerals are checked when they are valid numerals in capitals ("XIXème"); "Ière"
 * becomes "Ire". Nothing inside URLs or code.
 *
 * Fix: safe; "1ème" and "1e" (premier or première?) are suggestions.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le 1er mai, la 1re fois, les 1ers et les 1res ; le 2e, la 2de, le 2d ; le XIXe siècle.
 *   Les 15es rencontres, au IIIe millénaire ; François Ier et Élisabeth IIe ? Non : II.
 *   L’Inde et les Indes, la Mère et le Dème ; 1e-3 et 2e2.
 *   La 2ᵉ édition et le 19ᵉ arrondissement restent tels quels.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le 2ème tour, la 3ième place, le 4eme jour, le 5è rang.
 *   Le 1ier mai, la 1ère fois, les 1ères années au XIXème siècle.
 *   Le 2nd tour de la 2nde guerre ; la 1ème édition.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:4-1:8 "2ème" → "2e" [safe]: Ordinal mal abrégé : « 2e », non « 2ème ».
 *   1:18-1:23 "3ième" → "3e" [safe]: Ordinal mal abrégé : « 3e », non « 3ième ».
 *   1:34-1:38 "4eme" → "4e" [safe]: Ordinal mal abrégé : « 4e », non « 4eme ».
 *   1:48-1:50 "5è" → "5e" [safe]: Ordinal mal abrégé : « 5e », non « 5è ».
 *   2:4-2:8 "1ier" → "1er" [safe]: Ordinal mal abrégé : « 1er », non « 1ier ».
 *   2:17-2:21 "1ère" → "1re" [safe]: Ordinal mal abrégé : « 1re », non « 1ère ».
 *   2:32-2:37 "1ères" → "1res" [safe]: Ordinal mal abrégé : « 1res », non « 1ères ».
 *   2:48-2:54 "XIXème" → "XIXe" [safe]: Ordinal mal abrégé : « XIXe », non « XIXème ».
 *   3:4-3:7 "2nd" → "2e" | "2d" [safe]: Ordinal à l’anglaise : « 2e » (ou « 2d »), non « 2nd ».
 *   3:19-3:23 "2nde" → "2e" | "2de" [safe]: Ordinal à l’anglaise : « 2e » (ou « 2de »), non « 2nde ».
 *   3:36-3:40 "1ème" → "1er" | "1re" [suggestion]: Ordinal mal abrégé : « 1er » ou « 1re », non « 1ème ».
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Le 2e tour, la 3e place, le 4e jour, le 5e rang.
 *   Le 1er mai, la 1re fois, les 1res années au XIXe siècle.
 *   Le 2e tour de la 2e guerre ; la 1ème édition.
 */
import {defineRule, type RuleContext} from '../src/rules/kit.js'
import type {DocumentIndex} from '../src/parse/document.js'
import {addressTokens, touchingAfter, touchingBefore} from '../src/rules/typography.js'

/** A valid Roman numeral in capitals, 1 to 3999 ("XIX", "IV", "MMXX"); not "IIII". */
const romanNumeral = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/
/** "2ème", "XIXème", "1ier", "2nd": digits or a numeral, then a suffix, then an optional plural s. */
const ordinalPattern = /^(\d+|[IVXLCDM]+)(ème|ÈME|ième|IÈME|eme|EME|ieme|IEME|è|È|ier|IER|ière|IÈRE|iere|ère|ÈRE|ere|nde|NDE|nd|ND|e|E)(s|S)?$/

/** Whether a word beginning with this character may match ordinalPattern: a digit or a letter of a Roman numeral. */
function mayOpenOrdinal(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x49 || code === 0x56 || code === 0x58 || code === 0x4c || code === 0x43 || code === 0x44 || code === 0x4d
}

type Report = RuleContext<unknown>['report']

interface Correction {
  readonly expected: string[]
  readonly safe: boolean
  readonly english: boolean
}

function correct(number: string, suffix: string, plural: string): Correction | undefined {
  const upper = suffix === suffix.toUpperCase() && /[A-ZÈ]/.test(suffix)
  const lower = suffix.toLowerCase()
  const form = (ending: string): string => number + (upper ? ending.toUpperCase() : ending) + plural
  const first = number === '1' || number === 'I'
  if (lower === 'nd' || lower === 'nde') {
    if (number !== '2' && number !== 'II') return {expected: [form('e')], safe: true, english: true}
    return {expected: [form('e'), form(lower === 'nd' ? 'd' : 'de')], safe: true, english: true}
  }
  if (lower === 'e') return first && plural === '' ? {expected: [form('er'), form('re')], safe: false, english: false} : undefined
  if (lower === 'ier') return first ? {expected: [form('er')], safe: true, english: false} : {expected: [form('e')], safe: true, english: false}
  if (lower === 'ière' || lower === 'iere' || lower === 'ère' || lower === 'ere') {
    return first ? {expected: [form('re')], safe: true, english: false} : {expected: [form('e')], safe: true, english: false}
  }
  // ème, ième, eme, ieme, è
  if (first) return {expected: [form('er'), form('re')], safe: false, english: false}
  return {expected: [form('e')], safe: true, english: false}
}

/**
 * The check of a word that reads as a misspelt ordinal ("2ème", "XIXème", "2nd"): its
 * numeral, its neighbours, the message. Apart from the loop over tokens, so that V8
 * optimises that loop once: a rarely taken branch here reoptimises this function only.
 */
function checkOrdinal(index: DocumentIndex, at: number, match: RegExpExecArray, report: Report): void {
  const token = index.tokens[at]!
  const [, number, suffix, plural = ''] = match
  const roman = !/^\d/.test(number!)
  // "Mère", "Dès": a lone M, D, C or L is a letter; a numeral of an ordinal has I, V or X.
  if (roman && (!romanNumeral.test(number!) || !/[IVX]/.test(number!))) return
  // "Inde", "Indes", "Ie": with a numeral, only the French suffixes ème, ière… are misspellings.
  if (roman && /^(?:nde?|e|ier)$/i.test(suffix!)) return
  // "1e" in "1e-3" or "2e" in a code: only a whole word.
  const before = touchingBefore(index, at)
  const after = touchingAfter(index, at)
  if ((before && before.kind !== 'punctuation') || (after && /^[\p{L}\d-]/u.test(after.value))) return
  if (before && /[.,\-]$/.test(before.value)) return
  const correction = correct(number!, suffix!, plural)
  if (!correction) return
  const {expected, safe, english} = correction
  const reason = english
    ? `Ordinal à l’anglaise : « ${expected[0]} »${expected[1] ? ` (ou « ${expected[1]} »)` : ''}, non « ${token.value} ».`
    : expected.length > 1
      ? `Ordinal mal abrégé : « ${expected[0]} » ou « ${expected[1]} », non « ${token.value} ».`
      : `Ordinal mal abrégé : « ${expected[0]} », non « ${token.value} ».`
  report(reason, token.start, token.end, {expected, safe})
}

export default defineRule(
  {id: 'ordinals', summary: 'Ordinaux abrégés à la française (« 2e », « 1er », « XIXe », non « 2ème », « 1ier », « XIXème »).', fix: 'mixed'},
  ({index, report}) => {
    const {tokens} = index
    const addresses = addressTokens(index)
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word' || !mayOpenOrdinal(token.value.charCodeAt(0)) || addresses[at] === 1) continue
      const match = ordinalPattern.exec(token.value)
      if (!match) continue
      checkOrdinal(index, at, match, report)
    }
  },
)
