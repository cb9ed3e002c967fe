/**
 * Technical tokens in prose: URLs, e-mail addresses, paths, file names, `.NET`, `C#`,
 * phone numbers, standards (`ISO 27001`), version numbers. Their dots, colons, slashes
 * and digits look like typos to the typography rules (« de .NET » → « de. NET »,
 * « https://… » → « https :// … »); a safe fix never edits one (the rule kit demotes it
 * to a suggestion), whatever the format.
 */
import {perIndex, type DocumentIndex} from '../parse/document.js'

/** Source ranges [start, end) of technical tokens, in order, possibly overlapping. */
export type TechnicalSpans = ReadonlyArray<readonly [number, number]>

const fileExtensions =
  'pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|csv|json|xml|ya?ml|toml|html?|md|jpe?g|png|gif|svg|webp|tiff?|zip|gz|tgz|bz2|xz|rar|7z|tar|exe|msi|dmg|apk|iso|js|mjs|cjs|ts|jsx|tsx|py|rb|php|java|go|rs|sh|bat|ps1|css|sql|mp3|mp4|m4a|avi|mkv|mov|wav|ogg|flac|epub'

/**
 * One quantifier each after a literal start, so that scanning stays linear on any text
 * (tests/robustness/regex.test.ts); what a regular expression cannot say simply (the left
 * part of an address or a file name, trailing punctuation) is done in code.
 *
 * Patterns that must start a word are written without a leading `\b`, which is checked
 * in code (`wordStart`): V8 cannot scan ahead for the first letters of a pattern that
 * starts with `\b`, and tries it at every position (25 ms instead of 1 ms per 1,000
 * articles, for each of the three).
 */
const patterns: ReadonlyArray<{readonly pattern: RegExp; readonly wordStart: boolean}> = [
  // URLs with a scheme, www. addresses
  {pattern: /(?:https?|s?ftps?|file|ssh|git|wss?|rtsp|mms):\/\/[^\s<>"«»]+/giu, wordStart: true},
  {pattern: /www\.[^\s<>"«»]+/giu, wordStart: true},
  // Windows paths: C:\Temp
  {pattern: /\b[A-Za-z]:\\[^\s<>"«»]+/gu, wordStart: false},
  // .NET, ASP.NET, C#, F#, C++
  {pattern: /(?:\b(?:ASP|VB|ADO))?\.NET\b/gu, wordStart: false},
  {pattern: /(?<![\p{L}\d_])[CF](?:#|\+\+)/gu, wordStart: false},
  // international phone numbers and French ten-digit ones
  {pattern: /\+\d[\d \u00A0.()-]{6,20}\d/gu, wordStart: false},
  {pattern: /(?<![\p{L}\d])0[1-9](?:[ \u00A0.-]?\d{2}){4}(?![\p{L}\d])/gu, wordStart: false},
  // standards: ISO 27001, ISO/IEC 27001:2022, RFC 9110, EN 14683
  {pattern: /\b(?:ISO|IEC|CEI|NF|EN|RFC|IEEE|ECMA|DIN|ASTM)(?:\/(?:IEC|CEI))?[ \u00A0-]?\d[\d:.-]{0,20}/gu, wordStart: false},
  // versions: 1.2.3, v2, v2.1, version 4.0 (5.862.890, thousands written with dots, is dropped below)
  {pattern: /(?<![\p{L}\d.])v?\d{1,9}\.\d{1,9}\.\d[\p{L}\d.+-]{0,30}/gu, wordStart: false},
  {pattern: /(?<![\p{L}\d])v\d[\d.]{0,20}(?![\p{L}])/gu, wordStart: false},
  {pattern: /versions?[ \u00A0]\d[\d.]{0,20}/giu, wordStart: true},
]

/**
 * What `\b` counts as a word character in a pattern with the flags `iu`: ASCII letters,
 * digits, `_`, and the two characters that fold to ASCII letters (ſ, the Kelvin sign).
 */
function isWordCharacterFolded(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x17f || code === 0x212a
  )
}

/** The matches of `pattern` in `source`, each starting a word when `wordStart` (as a leading `\b` would). */
function* technicalMatches(source: string, pattern: RegExp, wordStart: boolean): Generator<[number, number]> {
  if (!wordStart) {
    for (const match of source.matchAll(pattern)) yield [match.index, match.index + match[0].length]
    return
  }
  // Each pattern's first character is a letter: `\b` holds where the one before is no word character.
  pattern.lastIndex = 0
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    if (match.index > 0 && isWordCharacterFolded(source.charCodeAt(match.index - 1))) {
      pattern.lastIndex = match.index + 1
      continue
    }
    yield [match.index, match.index + match[0].length]
  }
}
const unixPath = /[.~]{0,2}\/[\p{L}\d_./-]+/gu
const thousandsWithDots = /^\d{1,3}(?:\.\d{3})+$/u
const fileExtension = new RegExp(`\\.(?:${fileExtensions})(?![\\p{L}\\d_])`, 'giu')
const nameCharacter = /[\p{L}\d_.-]/u
const addressCharacter = /[\p{L}\d._%+-]/u
const hostCharacter = /[\p{L}\d.-]/u
/** Punctuation that ends a sentence after a token rather than belonging to it. */
const trailingPunctuation = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '-'])

/** The technical tokens of `source`, sorted by start. */
export function findTechnicalSpans(source: string): TechnicalSpans {
  const spans: Array<readonly [number, number]> = []
  const add = (start: number, end: number): void => {
    while (end > start && trailingPunctuation.has(source[end - 1]!)) end--
    if (end > start && !thousandsWithDots.test(source.slice(start, end))) spans.push([start, end])
  }
  for (const {pattern, wordStart} of patterns) {
    for (const [start, end] of technicalMatches(source, pattern, wordStart)) add(start, end)
  }
  // Unix paths: ./configure, ../lib, ~/notes, /etc/hosts; not "et/ou" nor "24/24" (a
  // slash after a letter or a digit).
  for (const match of source.matchAll(unixPath)) {
    const before = source[match.index - 1]
    if (before === undefined || !nameCharacter.test(before)) add(match.index, match.index + match[0].length)
  }
  // E-mail addresses: from each @, the address characters on either side.
  let reached = 0
  for (let at = source.indexOf('@'); at !== -1; at = source.indexOf('@', at + 1)) {
    let start = at
    while (start > reached && addressCharacter.test(source[start - 1]!)) start--
    let end = at + 1
    while (end < source.length && hostCharacter.test(source[end]!)) end++
    reached = at + 1
    if (start < at && source.slice(at + 1, end).includes('.')) add(start, end)
  }
  // File and host names with a known extension: Rapport.PDF, node.js, index.html.
  // Each walk stops where the previous extension ended: linear on ".pdf.pdf.pdf…".
  let floor = 0
  for (const match of source.matchAll(fileExtension)) {
    let start = match.index
    while (start > floor && nameCharacter.test(source[start - 1]!)) start--
    floor = match.index + match[0].length
    if (start < match.index) add(start, match.index + match[0].length)
  }
  return spans.sort((a, b) => a[0] - b[0] || a[1] - b[1])
}

const technicalKey = Symbol('technical-spans')

export function technicalSpans(index: DocumentIndex): TechnicalSpans {
  return perIndex(index, technicalKey, (found) => findTechnicalSpans(found.source))
}

/**
 * Whether replacing [start, end) with `replacement` changes a technical token. Only what
 * changes counts (the common start and end of the text and its replacement are left out:
 * « 66.Jeudi » → « 66. Jeudi » inserts after the full stop, not in a phone number ending in
 * 66): a change that overlaps a token or touches it, or an insertion strictly inside one.
 * Deleting a whole token (and more) is not editing it.
 */
export function editsTechnicalToken(spans: TechnicalSpans, source: string, start: number, end: number, replacement: string | undefined): boolean {
  if (spans.length === 0) return false
  const actual = source.slice(start, end)
  const text = replacement ?? ''
  let prefix = 0
  while (prefix < actual.length && prefix < text.length && actual[prefix] === text[prefix]) prefix++
  let suffix = 0
  while (suffix < actual.length - prefix && suffix < text.length - prefix && actual[actual.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++
  const from = start + prefix
  const to = end - suffix
  for (const [spanStart, spanEnd] of spans) {
    if (spanStart > to) break
    const changes = from === to ? spanStart < from && from < spanEnd : from <= spanEnd && to >= spanStart
    if (!changes) continue
    const deletesWhole = text === '' && start <= spanStart && end >= spanEnd
    if (!deletesWhole) return true
  }
  return false
}
