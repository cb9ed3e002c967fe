/**
 * Reports. `stylish` is vfile-reporter's human report, with each fix shown after its
 * reason; `json` is vfile-reporter-json's format, with each message's fix kind added; `sarif`
 * (SARIF 2.1.0) and `github` (workflow commands) are for CI systems.
 */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {VFileMessage} from 'vfile-message'
import type {CoquilleMessage} from '../rules/kit.js'
import {renderGithub} from './github.js'
import {inert, unsafeCharacter} from './inert.js'
import {renderSarif, sarifChunks} from './sarif.js'
import {spaceLegend, visibleReplacement} from './spaces.js'

export const reportFormats = ['stylish', 'json', 'sarif', 'github'] as const
export type ReportFormat = (typeof reportFormats)[number]

export interface ReportOptions {
  /** Folder that paths in SARIF and GitHub reports are relative to. */
  readonly cwd?: string
  readonly color?: boolean | undefined
  readonly verbose?: boolean
  readonly quiet?: boolean
}

export function renderReport(files: readonly VFile[], format: ReportFormat, options: ReportOptions = {}): string {
  if (format === 'json') return renderJson(files, options)
  if (format === 'sarif') return renderSarif(files, options.cwd ?? process.cwd())
  if (format === 'github') return renderGithub(files, options.cwd ?? process.cwd())
  return renderStylish(files, options)
}

/**
 * Messages per section of the stylish report: vfile-reporter spreads a file's rows into one
 * `push` call, which overflows the stack past about 120,000 rows (a 20 MB dump of repeated
 * lines has more). A file with more messages is shown as several sections under its name.
 */
const stylishSection = 10_000

function renderStylish(files: readonly VFile[], options: ReportOptions): string {
  // vfile-reporter prints `message.message`: each fix is appended to it while the report is
  // rendered, then taken off (copying every message cost as much memory as the messages).
  const changed: Array<[VFileMessage, string]> = []
  const marksUsed = new Set<string>()
  try {
    const shown = files.flatMap((file) => {
      let messages = file.messages as CoquilleMessage[]
      for (const message of messages) {
        const fixes = visibleFixesOf(message, marksUsed)
        if (fixes === undefined && !unsafeCharacter.test(message.reason)) continue
        changed.push([message, message.message])
        message.message = inert(fixes === undefined ? message.reason : `${message.reason} → ${fixes}`)
      }
      const path = file.path ? inert(file.path) : file.path
      if (messages.length <= stylishSection) {
        const copy = new VFile({path, cwd: file.cwd})
        copy.messages = messages
        return [copy]
      }
      messages = [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      const sections: VFile[] = []
      for (let start = 0; start < messages.length; start += stylishSection) {
        const copy = new VFile({path, cwd: file.cwd})
        copy.messages = messages.slice(start, start + stylishSection)
        sections.push(copy)
      }
      return sections
    })
    const report = inFrench(reporter(shown, {color: options.color, verbose: options.verbose, quiet: options.quiet}))
    return marksUsed.size === 0 ? report : `${report}\nLégende : ${spaceLegend(marksUsed)}`
  } finally {
    for (const [message, text] of changed) message.message = text
  }
}

/**
 * vfile-reporter's own words in French: "no issues found" after a clean file's name, and the
 * counts of the summary line (its last line). Severity labels stay those of the configuration.
 */
function inFrench(report: string): string {
  const lines = report.split('\n')
  for (let at = 0; at < lines.length; at++) {
    if (lines[at]!.endsWith(': no issues found')) lines[at] = lines[at]!.slice(0, -'no issues found'.length) + 'aucun problème'
  }
  const last = lines.length - 1
  const words: Readonly<Record<string, string>> = {error: 'erreur', warning: 'avertissement', info: 'information'}
  lines[last] = lines[last]!.replace(/\b(error|warning|info)(s?)\b/g, (_, word: string, plural: string) => words[word]! + plural)
  return lines.join('\n')
}

function visibleFixesOf(message: CoquilleMessage, marksUsed: Set<string>): string | undefined {
  if (!message.expected || message.expected.length === 0) return undefined
  return message.expected.map((value) => visibleReplacement(value, marksUsed)).join(' ou ')
}

/**
 * vfile-reporter-json's report with each message's fix kind added: the same objects it
 * builds (same keys, same order), `fix` last, serialised once.
 */
function renderJson(files: readonly VFile[], options: ReportOptions): string {
  return [...jsonChunks(files, options)].join('')
}

/**
 * vfile-reporter-json's report with each message's fix kind added: the same objects it
 * builds (same keys, same order), `fix` last, serialised message by message so that the
 * report of a file with 100,000 messages is never one object tree nor one string in memory.
 */
function* jsonChunks(files: readonly VFile[], options: ReportOptions): Generator<string> {
  yield '['
  let first = true
  for (const file of files) {
    const messages = file.messages as CoquilleMessage[]
    if (options.quiet && messages.length === 0) continue
    const head = JSON.stringify({path: file.path, cwd: file.cwd, history: file.history, messages: []})
    yield (first ? '' : ',') + head.slice(0, -2) // up to "messages":[
    first = false
    for (const [index, message] of messages.entries()) {
      const json = JSON.stringify({
        ancestors: message.ancestors,
        column: message.column,
        fatal: message.fatal,
        line: message.line,
        place: message.place,
        reason: message.reason,
        ruleId: message.ruleId,
        source: message.source,
        actual: message.actual,
        expected: message.expected,
        note: message.note,
        url: message.url,
        ...(message.fix ? {fix: message.fix} : {}),
      })
      yield index === 0 ? json : ',' + json
    }
    yield ']}'
  }
  yield ']'
}

/**
 * The report in pieces, for writing: JSON and SARIF message by message, the others whole.
 * Joined, the pieces are `renderReport`'s string.
 */
export function renderReportChunks(files: readonly VFile[], format: ReportFormat, options: ReportOptions = {}): Iterable<string> {
  if (format === 'json') return jsonChunks(files, options)
  if (format === 'sarif') return sarifChunks(files, options.cwd ?? process.cwd())
  return [renderReport(files, format, options)]
}
