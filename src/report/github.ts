/**
 * GitHub Actions report: workflow commands (`::error file=…,line=…::message`) that become
 * annotations on the pull request. GitHub shows at most 10 annotations of each type per
 * step, so errors come first and the overflow is counted in a notice; a summary line ends
 * the report.
 */
import {relative, sep} from 'node:path'
import type {VFile} from 'vfile'
import type {CoquilleMessage} from '../rules/kit.js'
import {inert} from './inert.js'
import {spaceLegend, visibleReplacement} from './spaces.js'

const annotationsPerType = 10

/** Escape the message part of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value of a workflow command. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

type Placed = {start: {line: number; column: number}; end: {line: number; column: number}}

export function renderGithub(files: readonly VFile[], cwd: string): string {
  const entries: Array<{type: 'error' | 'warning'; line: string}> = []
  for (const file of files) {
    const path = file.path ? relative(cwd, file.path).split(sep).join('/') : 'stdin'
    for (const message of file.messages as CoquilleMessage[]) {
      const type = message.fatal === true ? 'error' : 'warning'
      const place = message.place as Placed | undefined
      const properties = [`file=${escapeProperty(inert(path))}`]
      if (place && 'start' in place) {
        properties.push(`line=${place.start.line}`, `endLine=${place.end.line}`, `col=${place.start.column}`, `endColumn=${place.end.column}`)
      } else if (message.line) {
        properties.push(`line=${message.line}`)
      }
      properties.push(`title=${escapeProperty(`coquille ${message.ruleId ?? ''}`.trim())}`)
      const marks = new Set<string>()
      const fix = message.expected && message.expected.length > 0 ? ` → ${message.expected.map((value) => visibleReplacement(value, marks)).join(' ou ')}${marks.size > 0 ? ` (${spaceLegend(marks)})` : ''}` : ''
      entries.push({type, line: `::${type} ${properties.join(',')}::${escapeData(inert(message.reason + fix))}`})
    }
  }
  const lines: string[] = []
  const errors = entries.filter((entry) => entry.type === 'error')
  const warnings = entries.filter((entry) => entry.type === 'warning')
  lines.push(...errors.slice(0, annotationsPerType).map((entry) => entry.line))
  lines.push(...warnings.slice(0, annotationsPerType).map((entry) => entry.line))
  const hidden = Math.max(0, errors.length - annotationsPerType) + Math.max(0, warnings.length - annotationsPerType)
  if (hidden > 0) lines.push(`::notice title=coquille::${escapeData(`${hidden} autres messages non annotés (GitHub limite les annotations à ${annotationsPerType} par type) : voir le rapport complet avec --report json.`)}`)
  lines.push(`coquille: ${errors.length} ${plural(errors.length, 'erreur')}, ${warnings.length} ${plural(warnings.length, 'avertissement')} dans ${files.length} ${plural(files.length, 'fichier')}`)
  return lines.join('\n')
}

/** French plural: the singular for 0 and 1. */
function plural(count: number, word: string): string {
  return count > 1 ? `${word}s` : word
}
