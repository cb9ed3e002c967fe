/**
 * SARIF 2.1.0 report: one result per message (rule id, level, region with line/column and
 * character offsets, help URI), `fixes` built from the suggestions, every rule described
 * in `tool.driver.rules`. Paths are relative URIs to the working folder.
 */
import {readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import type {Log, Result, ReportingDescriptor} from 'sarif'
import type {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import {packageRoot} from '../package-root.js'
import {ruleUrl, type CoquilleMessage} from '../rules/kit.js'

type Placed = {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}

export function renderSarif(files: readonly VFile[], cwd: string): string {
  return [...sarifChunks(files, cwd)].join('')
}

/**
 * The SARIF log in pieces, result by result (the log of an archive with 100,000 messages is
 * never one object tree nor one string): the same text as `JSON.stringify(log, undefined, 2)`.
 */
export function* sarifChunks(files: readonly VFile[], cwd: string): Generator<string> {
  const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version
  const ruleIds = Object.keys(rules).sort()
  const descriptors: ReportingDescriptor[] = ruleIds.map((id) => ({
    id,
    name: id.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: {text: rules[id]!.meta.summary},
    helpUri: ruleUrl(id),
    properties: {fix: rules[id]!.meta.fix},
  }))
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{tool: {driver: {name: 'coquille', version, informationUri: ruleUrl('').replace(/#$/, ''), rules: descriptors}}, results: []}],
  }
  // `results` is the last key of the run: the log is cut there and the results go between.
  const whole = JSON.stringify(log, undefined, 2)
  const marker = '"results": []'
  const at = whole.lastIndexOf(marker)
  const resultIndent = ' '.repeat(8)
  yield whole.slice(0, at + marker.length - 1)
  let count = 0
  for (const file of files) {
    // A URI reference: each segment percent-encoded (spaces, %, #, ?, controls).
    const uri = file.path ? relative(cwd, file.path).split(sep).map(encodeURIComponent).join('/') : 'stdin'
    for (const message of file.messages as CoquilleMessage[]) {
      const place = message.place as Placed | undefined
      const ruleId = message.ruleId ?? 'coquille'
      const region = place && 'start' in place
        ? {
            startLine: place.start.line,
            startColumn: place.start.column,
            endLine: place.end.line,
            endColumn: place.end.column,
            ...(place.start.offset === undefined || place.end.offset === undefined
              ? {}
              : {charOffset: place.start.offset, charLength: place.end.offset - place.start.offset}),
          }
        : {startLine: message.line ?? 1, startColumn: message.column ?? 1}
      const result: Result = {
        ruleId,
        level: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note',
        message: {text: message.reason},
        locations: [{physicalLocation: {artifactLocation: {uri}, region}}],
      }
      const ruleIndex = ruleIds.indexOf(ruleId)
      if (ruleIndex >= 0) result.ruleIndex = ruleIndex
      if (message.expected && message.expected.length > 0 && 'charOffset' in region) {
        result.fixes = message.expected.map((text) => ({
          description: {text: text === '' ? 'Supprimer' : `Remplacer par « ${text} »`},
          artifactChanges: [{artifactLocation: {uri}, replacements: [{deletedRegion: region, insertedContent: {text}}]}],
        }))
        result.properties = {fix: message.fix}
      }
      yield (count === 0 ? '\n' : ',\n') + resultIndent + JSON.stringify(result, undefined, 2).replaceAll('\n', '\n' + resultIndent)
      count++
    }
  }
  yield (count === 0 ? '' : '\n' + ' '.repeat(6)) + whole.slice(at + marker.length - 1)
}
