/**
 * Runs: maximal sequences of tokens that touch (no white space between them) inside one
 * block, such as "France.Le", "sacrée“Elle" or "parlé,il". The rules about glued words
 * and punctuation spacing read runs as plain source text, because the parser may keep
 * a glued piece in one word token ("Quoi?Il") or split it ("France" "." "Le").
 */
import {perIndex, type DocumentIndex} from '../parse/document.js'

export interface Run {
  /** Source text of the run (equal to its tokens' values, or the run is not returned). */
  readonly text: string
  readonly start: number
  readonly end: number
  /** Tokens [firstToken, endToken). */
  readonly firstToken: number
  readonly endToken: number
}

const runsKey = Symbol('touching runs')

/**
 * Every run of touching word, punctuation and symbol tokens, block by block. Runs that
 * touch inline code or markup (source tokens), or whose source differs from their prose
 * (escapes, entities), are left out: what they look like in the source is not prose.
 * Computed once per document, whichever rule asks first.
 */
export function touchingRuns(index: DocumentIndex): readonly Run[] {
  return perIndex(index, runsKey, findRuns)
}

function findRuns(index: DocumentIndex): Run[] {
  const runs: Run[] = []
  const {tokens, source} = index
  let at = 0
  while (at < tokens.length) {
    const first = tokens[at]!
    if (first.kind === 'whitespace' || first.kind === 'source') {
      at++
      continue
    }
    let end = at + 1
    let markup = false
    let value = first.value
    while (end < tokens.length) {
      const next = tokens[end]!
      if (next.kind === 'whitespace' || next.block !== first.block || next.start !== tokens[end - 1]!.end) break
      if (next.kind === 'source') markup = true
      value += next.value
      end++
    }
    const before = tokens[at - 1]
    const after = tokens[end]
    if (before?.kind === 'source' && before.end === first.start) markup = true
    if (after?.kind === 'source' && after.start === tokens[end - 1]!.end) markup = true
    const start = first.start
    const stop = tokens[end - 1]!.end
    // `startsWith` at the offset compares without copying the source's text out.
    if (!markup && value.length === stop - start && source.startsWith(value, start)) {
      runs.push({text: value, start, end: stop, firstToken: at, endToken: end})
    }
    at = end
  }
  return runs
}

const topLevelDomains =
  'com|fr|org|net|re|io|eu|be|ch|ca|info|gouv|tv|uk|de|it|es|co|us|me|ly|ai|app|news|biz|lu|mc|ma|tn|dz|sn|ci|nc|pf|gp|mq|yt|pm|ru|cn|jp|int|edu|gov|html|php|pdf|jpg|png'
/**
 * What `addressPattern` needs somewhere: one of `: @ # / \ = & _`, a full stop before a
 * lower-case ASCII letter (a domain) or after a "w" ("www."). A plain expression that V8
 * scans faster than the full one, which most runs ("politique,", "fin.") never need.
 */
const mayBeAddress = /[:@#/\\=&_]|\.[a-z]|w\./
const addressPattern = new RegExp(`(?:^|[^\\p{L}])(?:https?|ftp|mailto):|www\\.|[@#/\\\\=&_]|\\.(?:${topLevelDomains})(?=$|[./:?#)\\]»”,;!])`, 'u')

/**
 * Whether a run is (or holds) an address, a path or a handle, where punctuation glued to
 * letters is normal: URLs, e-mails, domain names ("LINFO.re", "BFMTV.com"), hashtags,
 * handles, file names, query strings.
 */
export function isAddressLike(text: string): boolean {
  return mayBeAddress.test(text) && addressPattern.test(text)
}
