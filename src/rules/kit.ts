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

export type FixKind = 'safe' | 'suggestion'

export interface RuleMeta {
  /** kebab-case id, the part after `coquille:`. */
  readonly id: string
  /** One line: what the rule checks. */
  readonly summary: string
  /** Whether its fixes are applied by `--fix` (`safe`), offered only (`suggestion`), or both (`mixed`). */
  readonly fix: FixKind | 'mixed' | 'none'
}

export interface ReportOptions {
  /** Replacements for the flagged range, best first; `''` deletes. */
  readonly expected?: readonly string[]
  /** Applied by `--fix` (default: the rule's fix kind is `safe`). */
  readonly safe?: boolean
  /** Longer explanation, shown under the reason. */
  readonly note?: string
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

export type CoquilleRule<Options = unknown> = ReturnType<typeof lintRule<Root, Options>> & {readonly meta: RuleMeta}

export const documentationBase = pathToFileURL(join(packageRoot, 'docs', 'rules.md')).href

export function ruleUrl(id: string): string {
  return `${documentationBase}#${id}`
}

export function defineRule<Options = unknown>(meta: RuleMeta, check: (context: RuleContext<Options>) => void): CoquilleRule<Options> {
  const plugin = lintRule<Root, Options>({origin: `coquille:${meta.id}`, url: ruleUrl(meta.id)}, (tree, file, options) => {
    const index = getDocumentIndex(file, tree)
    check({
      index,
      file,
      options,
      report(reason, start, end, reportOptions) {
        const message = file.message(reason, {place: {start: index.toPoint(start), end: index.toPoint(end)}}) as CoquilleMessage
        message.actual = index.source.slice(start, end)
        if (reportOptions?.expected) {
          message.expected = [...reportOptions.expected]
          message.fix = (reportOptions.safe ?? meta.fix === 'safe') ? 'safe' : 'suggestion'
        }
        if (reportOptions?.note) message.note = reportOptions.note
        return message
      },
    })
  })
  return Object.assign(plugin, {meta})
}
