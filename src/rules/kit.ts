/**
 * What every rule file uses: `defineRule` wraps unified-lint-rule with coquille's
 * metadata (id, family, fix safety) and hands the rule the document index and a
 * `report` that fills the message contract of DESIGN.md (exact place, actual, expected).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {lintRule} from 'unified-lint-rule'
import type {VFileMessage} from 'vfile-message'
import {pathToFileURL} from 'node:url'
import {join} from 'node:path'
import {getDocumentIndex, type DocumentIndex} from '../parse/document.js'
import {packageRoot} from '../package-root.js'
import {optionsProblem, type OptionsSchema} from './options.js'
import {editsTechnicalToken, technicalSpans} from './technical.js'

export type FixKind = 'safe' | 'suggestion'

export interface RuleMeta {
  /** kebab-case id, the part after `coquille:`. */
  readonly id: string
  /** One line: what the rule checks. */
  readonly summary: string
  /** Whether its fixes are applied by `--fix` (`safe`), offered only (`suggestion`), or both (`mixed`). */
  readonly fix: FixKind | 'mixed' | 'none'
  /** The options it takes (none when absent): checked at configuration, documented. */
  readonly options?: OptionsSchema
}

export interface ReportOptions {
  /** Replacements for the flagged range, best first; `''` deletes. */
  readonly expected?: readonly string[]
  /** Applied by `--fix` (default: the rule's fix kind is `safe`). */
  readonly safe?: boolean
  /** Longer explanation, shown under the reason. */
  readonly note?: string
  /**
   * The range is whole lines checked to hold nothing but what is deleted (block markers
   * included): markup in it is meant to go, so it does not demote the fix.
   */
  readonly wholeLines?: boolean
}

export interface RuleContext<Options> {
  readonly index: DocumentIndex
  readonly file: VFile
  readonly options: Options | undefined
  report(reason: string, start: number, end: number, options?: ReportOptions): VFileMessage
}

/** A coquille message: a vfile message with the fix kind of its suggestions. */
export interface CoquilleMessage extends VFileMessage {
  fix?: FixKind
}

/** Messages by place, then rule id: the order every entry point reports them in. */
export function sortMessages(messages: CoquilleMessage[]): CoquilleMessage[] {
  return messages.sort(
    (a, b) =>
      (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) - (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0) ||
      (a.ruleId ?? '').localeCompare(b.ruleId ?? ''),
  )
}

export type CoquilleRule<Options = unknown> = ReturnType<typeof lintRule<Root, Options>> & {readonly meta: RuleMeta}

export const documentationBase = pathToFileURL(join(packageRoot, 'docs', 'rules.md')).href

export function ruleUrl(id: string): string {
  return `${documentationBase}#${id}`
}

/**
 * One copy of each reason, flagged text and replacement still in use: rules build them
 * anew for every message, and a long text repeats many of them (number formats, spaces,
 * quotes). The map is emptied when full, so it never holds more than `internLimit`.
 * Only long texts are worth it (`internFrom`, and the sections of a huge file): for an
 * article, hashing each new reason cost more than the few copies it saved.
 */
const internedStrings = new Map<string, string>()
const internLimit = 16_384
/** Texts from this length (UTF-16 units) share their messages' strings. */
const internFrom = 65_536

const asIs = (text: string): string => text

function interned(text: string): string {
  const known = internedStrings.get(text)
  if (known !== undefined) return known
  if (internedStrings.size >= internLimit) internedStrings.clear()
  internedStrings.set(text, text)
  return text
}

/** The position of the first token that ends after `offset` (tokens are in source order). */
export function firstTokenEndingAfter(index: DocumentIndex, offset: number): number {
  const {tokens} = index
  let low = 0
  let high = tokens.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (tokens[middle]!.end <= offset) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Whether source [start, end) holds characters outside every token (markup), or touches a
 * token whose source is not its text: a character reference (`&nbsp;`, `&#x202F;`) or an
 * escape the article wrote is kept as written, and a token that spans markup (spaces
 * around `<!-- more -->`) is not rewritten over it.
 */
export function spansMarkup(index: DocumentIndex, start: number, end: number): boolean {
  if (index.format === 'txt' || start === end) return false
  const tokens = index.tokens
  const low = firstTokenEndingAfter(index, start)
  let covered = 0
  for (let at = low; at < tokens.length && tokens[at]!.start < end; at++) {
    const token = tokens[at]!
    if (token.end - token.start !== token.value.length) return true
    covered += Math.min(end, token.end) - Math.max(start, token.start)
  }
  return covered < end - start
}

export function defineRule<Options = unknown>(meta: RuleMeta, check: (context: RuleContext<Options>) => void): CoquilleRule<Options> {
  const plugin = lintRule<Root, Options>({origin: `coquille:${meta.id}`, url: ruleUrl(meta.id)}, (tree, file, options) => {
    // resolveConfig has checked them; a rule used as a plain unified plugin is checked here.
    const problem = optionsProblem(meta.options, options)
    if (problem !== undefined) throw new Error(`options de la règle « ${meta.id} » : ${problem}`)
    const index = getDocumentIndex(file, tree)
    const keep = file.data.section !== undefined || index.source.length >= internFrom ? interned : asIs
    check({
      index,
      file,
      options,
      report(reason, start, end, reportOptions) {
        // A message is an Error: the stack trace V8 captures for it is thrown away by
        // vfile-message (its `stack` is ''); not capturing it saves 2 µs a message.
        const stackTraceLimit = Error.stackTraceLimit
        Error.stackTraceLimit = 0
        let message: CoquilleMessage
        try {
          message = file.message(keep(reason), {place: {start: index.toPoint(start), end: index.toPoint(end)}}) as CoquilleMessage
        } finally {
          Error.stackTraceLimit = stackTraceLimit
        }
        message.actual = keep(index.source.slice(start, end))
        if (reportOptions?.expected) {
          message.expected = reportOptions.expected.map(keep)
          // Safe by construction: a fix over markup (Markdown/HTML syntax between tokens)
          // would destroy it, so it is offered, never applied blindly.
          // Likewise a fix inside a URL, a path, a file name, a version… (see technical.ts).
          const safe =
            (reportOptions.safe ?? meta.fix === 'safe') &&
            (reportOptions.wholeLines === true ||
              (!spansMarkup(index, start, end) && !editsTechnicalToken(technicalSpans(index), index.source, start, end, reportOptions.expected[0])))
          message.fix = safe ? 'safe' : 'suggestion'
        }
        if (reportOptions?.note) message.note = reportOptions.note
        return message
      },
    })
  })
  return Object.assign(plugin, {meta})
}
