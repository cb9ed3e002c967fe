/**
 * Reports. `stylish` is vfile-reporter's human report, with each fix shown after its
 * reason; `json` is vfile-reporter-json's, with each message's fix kind added; `sarif`
 * (SARIF 2.1.0) and `github` (workflow commands) are for CI systems.
 */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {reporterJson} from 'vfile-reporter-json'
import {VFileMessage} from 'vfile-message'
import type {CoquilleMessage} from '../rules/kit.js'
import {renderGithub} from './github.js'
import {renderSarif} from './sarif.js'

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
  const shown = files.flatMap((file) => {
    const messages = (file.messages as CoquilleMessage[]).map((message) => withFixInReason(message))
    if (messages.length > stylishSection) messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    const sections: VFile[] = []
    for (let start = 0; start === 0 || start < messages.length; start += stylishSection) {
      const copy = new VFile({path: file.path, cwd: file.cwd})
      copy.messages = messages.slice(start, start + stylishSection)
      sections.push(copy)
    }
    return sections
  })
  return reporter(shown, {color: options.color, verbose: options.verbose, quiet: options.quiet})
}

function withFixInReason(message: CoquilleMessage): VFileMessage {
  if (!message.expected || message.expected.length === 0) return message
  const fixes = message.expected.map((value) => (value === '' ? '(supprimer)' : `« ${value} »`)).join(' ou ')
  const copy = new VFileMessage(`${message.reason} → ${fixes}`, {place: message.place, ruleId: message.ruleId, source: message.source})
  copy.fatal = message.fatal
  copy.file = message.file
  copy.url = message.url
  copy.note = message.note
  return copy
}

function renderJson(files: readonly VFile[], options: ReportOptions): string {
  const data = JSON.parse(reporterJson([...files], {quiet: options.quiet})) as Array<{messages: Array<Record<string, unknown>>}>
  for (const [fileIndex, entry] of data.entries()) {
    const messages = files[fileIndex]!.messages as CoquilleMessage[]
    entry.messages.forEach((json, index) => {
      const message = messages[index]
      if (message?.fix) json['fix'] = message.fix
    })
  }
  return JSON.stringify(data)
}
