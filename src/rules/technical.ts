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

const patterns: readonly RegExp[] = [
  // URLs with a scheme, www. addresses
  /\b(?:https?|s?ftps?|file|ssh|git|wss?|rtsp|mms):\/\/[^\s<>"«»]*[^\s<>"«».,;:!?)\]]/giu,
  /\bwww\.[^\s<>"«»]*[^\s<>"«».,;:!?)\]]/giu,
  // e-mail addresses (mailto: included)
  /(?<![\p{L}\d._%+-])(?:mailto:)?[\p{L}\d._%+-]{1,64}@[\p{L}\d-]{1,63}(?:\.[\p{L}\d-]{1,63}){1,8}/giu,
  // Unix paths: ./configure, ../lib, ~/notes, /etc/hosts (not "et/ou", "24/24")
  /(?<![\p{L}\p{N}_.])(?:\.{1,2}|~)?\/[\p{L}\d_.-]+(?:\/[\p{L}\d_.-]*)*/gu,
  // Windows paths: C:\Temp
  /\b[A-Za-z]:\\[^\s<>"«»]+/gu,
  // file and host names with a known extension: Rapport.PDF, node.js, index.html
  new RegExp(`(?<![\\p{L}\\d_.-])[\\p{L}\\d_-]+(?:\\.[\\p{L}\\d_-]+)*\\.(?:${fileExtensions})(?![\\p{L}\\d_])`, 'giu'),
  // .NET, ASP.NET, C#, F#, C++
  /(?<![\p{L}\d_])[\p{L}\d]*\.NET\b/gu,
  /(?<![\p{L}\d_])[CF](?:#|\+\+)/gu,
  // international phone numbers and French ten-digit ones
  /\+\d[\d \u00A0.()-]{6,}\d/gu,
  /(?<![\p{L}\d])0[1-9](?:[ \u00A0.-]?\d{2}){4}(?![\p{L}\d])/gu,
  // standards: ISO 27001, ISO/IEC 27001:2022, RFC 9110, EN 14683
  /\b(?:ISO|IEC|CEI|NF|EN|RFC|IEEE|ECMA|DIN|ASTM)(?:\/(?:IEC|CEI))?[ \u00A0-]?\d+(?:[-:.]\d+)*/gu,
  // versions: 1.2.3, v2, v2.1, version 4.0 (not 5.862.890, thousands written with dots)
  /(?<![\p{L}\d.])(?!\d{1,3}(?:\.\d{3})+(?![\p{L}\d.]))v?\d+\.\d+\.\d+(?:[-+.][\p{L}\d]+)*/gu,
  /(?<![\p{L}\d])v\d+(?:\.\d+)*(?![\p{L}\d])/gu,
  /\bversions?[ \u00A0]+\d+(?:\.\d+)+/giu,
]

/** The technical tokens of `source`, sorted by start. */
export function findTechnicalSpans(source: string): TechnicalSpans {
  const spans: Array<readonly [number, number]> = []
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    for (const match of source.matchAll(pattern)) spans.push([match.index, match.index + match[0].length])
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
