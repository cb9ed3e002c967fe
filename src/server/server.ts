/**
 * `coquille-language-server --stdio`: diagnostics while journalists type, quick fixes,
 * fix-all and formatting through the fix engine, "disable on this line" comments and
 * "add to vocabulary". Built on vscode-languageserver (unified-language-server has no
 * fix-all, formatting or commands of our own). Same configuration discovery as the CLI;
 * configuration and vocabulary files are re-read when they change (checked by modification
 * time on every lint, and on workspace file-change notifications).
 */
import {Console} from 'node:console'
import {existsSync, readFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocumentSyncKind,
  createConnection,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {TextDocuments} from 'vscode-languageserver'
import {VFile} from 'vfile'
import {resolveConfig} from '../config.js'
import {findConfig} from '../config-files.js'
import {fixLoop} from '../fix/index.js'
import {toFixable} from '../fix/text.js'
import type {Format} from '../parse/document.js'
import {detectFormat, preloadFormats} from '../parse/index.js'
import {createProcessor, lintFile} from '../processor.js'
import type {CoquilleMessage} from '../rules/kit.js'
import {loadVocabulary, vocabularyPath} from '../vocabulary.js'
import {writeFileAtomic} from '../io/write.js'
import {guardFraming} from './framing.js'
import {spaceLegend, visibleReplacement} from '../report/spaces.js'

export const addToVocabularyCommand = 'coquille.addToVocabulary'

interface DiagnosticData {
  readonly expected?: string[]
  readonly fix?: string
  readonly actual?: string
}

const languageFormats: Record<string, Format> = {markdown: 'md', html: 'html', plaintext: 'txt'}

function formatOf(document: TextDocument): Format {
  return languageFormats[document.languageId] ?? detectFormat(document.uri)
}

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

/** The processor for a document, rebuilt only when its configuration or vocabulary changed. */
function processorFor(uri: string, format: Format) {
  const path = pathOf(uri) ?? `${process.cwd()}/untitled`
  const found = findConfig(path)
  const where = vocabularyPath(found.path, found.config.vocabulary, dirname(path))
  const vocabulary = loadVocabulary(where.path, where.required)
  const resolved = resolveConfig(found.config, found.path ?? 'configuration par défaut')
  return {processor: createProcessor({format, config: resolved, vocabulary}), vocabularyFile: where.path}
}

function lintDocument(document: TextDocument): {messages: CoquilleMessage[]; vocabularyFile: string} {
  const format = formatOf(document)
  const {processor, vocabularyFile} = processorFor(document.uri, format)
  const file = new VFile({value: document.getText(), path: pathOf(document.uri)})
  file.data.format = format
  return {messages: lintFile(file, processor), vocabularyFile}
}

function toDiagnostic(message: CoquilleMessage): Diagnostic {
  const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}} | undefined
  const start = place && 'start' in place ? place.start : {line: message.line ?? 1, column: message.column ?? 1}
  const end = place && 'end' in place ? place.end : start
  const diagnostic: Diagnostic = {
    range: {start: {line: start.line - 1, character: start.column - 1}, end: {line: end.line - 1, character: end.column - 1}},
    severity: message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: 'coquille',
    message: message.reason,
    data: {expected: message.expected, fix: message.fix, actual: message.actual} satisfies DiagnosticData,
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}

/** Safe fixes of the whole document, as one edit (markup kept: edits are made on the text). */
function fixAllEdit(document: TextDocument): TextEdit[] {
  const format = formatOf(document)
  const {processor} = processorFor(document.uri, format)
  const text = document.getText()
  const result = fixLoop(text, (value) => {
    const file = new VFile({value, path: pathOf(document.uri)})
    file.data.format = format
    return lintFile(file, processor).flatMap((message) => toFixable(message) ?? [])
  })
  if (result.output === text) return []
  return [{range: {start: {line: 0, character: 0}, end: document.positionAt(text.length)}, newText: result.output}]
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const vocabularyFiles = new Map<string, string>()
  const pending = new Map<string, NodeJS.Immediate>()

  const validate = (document: TextDocument): void => {
    try {
      const {messages, vocabularyFile} = lintDocument(document)
      vocabularyFiles.set(document.uri, vocabularyFile)
      void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics: messages.map(toDiagnostic)})
    } catch (error) {
      // A broken configuration is shown once, as a diagnostic at the top, not as a crash.
      void connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity: DiagnosticSeverity.Error, source: 'coquille', message: (error as Error).message}],
      })
    }
  }
  /** Coalesce quick successive edits: lint once per event-loop turn, on the latest version. */
  const schedule = (document: TextDocument): void => {
    const previous = pending.get(document.uri)
    if (previous) clearImmediate(previous)
    pending.set(
      document.uri,
      setImmediate(() => {
        pending.delete(document.uri)
        const latest = documents.get(document.uri)
        if (latest) validate(latest)
      }),
    )
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll]},
      documentFormattingProvider: true,
      executeCommandProvider: {commands: [addToVocabularyCommand]},
    },
    serverInfo: {name: 'coquille-language-server'},
  }))

  documents.onDidChangeContent((change) => schedule(change.document))
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri)
    if (timer) clearImmediate(timer)
    pending.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })
  connection.onDidChangeWatchedFiles(() => {
    for (const document of documents.all()) schedule(document)
  })

  connection.onCodeAction((parameters) => {
    const document = documents.get(parameters.textDocument.uri)
    if (!document) return []
    const actions: CodeAction[] = []
    const only = parameters.context.only
    const wants = (kind: string): boolean => !only || only.some((wanted) => kind === wanted || kind.startsWith(wanted + '.'))
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of parameters.context.diagnostics) {
        if (diagnostic.source !== 'coquille') continue
        const data = (diagnostic.data ?? {}) as DiagnosticData
        ;(data.expected ?? []).forEach((replacement, position) => {
          actions.push({
            title: replacement === '' ? 'Supprimer' : replacementTitle(replacement),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: position === 0,
            edit: {changes: {[document.uri]: [{range: diagnostic.range, newText: replacement}]}},
          })
        })
        const format = formatOf(document)
        if (diagnostic.code && (format === 'md' || format === 'html')) {
          const line = diagnostic.range.start.line
          const indentation = /^\s*/.exec(document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}}))![0].replace(/\n/g, '')
          actions.push({
            title: `Désactiver « ${String(diagnostic.code)} » sur cette ligne`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: {changes: {[document.uri]: [{range: {start: {line, character: 0}, end: {line, character: 0}}, newText: `${indentation}<!-- coquille-disable-next-line ${String(diagnostic.code)} -->\n`}]}},
          })
        }
        if (data.actual && /^\S+$/u.test(data.actual.trim()) && diagnostic.code !== 'repeated-words') {
          actions.push({
            title: `Ajouter « ${data.actual.trim()} » au vocabulaire`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: {title: 'Ajouter au vocabulaire', command: addToVocabularyCommand, arguments: [document.uri, data.actual.trim()]},
          })
        }
      }
    }
    if (wants(CodeActionKind.SourceFixAll)) {
      const edits = fixAllEdit(document)
      if (edits.length > 0) actions.push({title: 'Corriger tout ce qui est sûr (coquille)', kind: CodeActionKind.SourceFixAll, edit: {changes: {[document.uri]: edits}}})
    }
    return actions
  })

  connection.onDocumentFormatting((parameters) => {
    const document = documents.get(parameters.textDocument.uri)
    return document ? fixAllEdit(document) : []
  })

  connection.onExecuteCommand(async (parameters) => {
    if (parameters.command !== addToVocabularyCommand) return
    const [uri, word] = (parameters.arguments ?? []) as [unknown, unknown]
    if (typeof uri !== 'string' || typeof word !== 'string' || word.trim() === '' || /[\r\n;#]/.test(word)) return
    const target = vocabularyFiles.get(uri) ?? vocabularyPath(undefined, undefined, dirname(pathOf(uri) ?? process.cwd())).path
    const existing = existsSync(target) ? readFileSync(target, 'utf8') : '# Vocabulaire maison de coquille : un mot ou un nom par ligne.\n'
    const lines = new Set(existing.split(/\r?\n/).map((line) => line.trim()))
    if (lines.has(word.trim())) return
    const separator = existing === '' || existing.endsWith('\n') ? '' : '\n'
    await writeFileAtomic(target, `${existing}${separator}${word.trim()}\n`)
    for (const document of documents.all()) schedule(document)
  })

  documents.listen(connection)
  connection.listen()
}

/**
 * Entry point for the `coquille-language-server` command. With `--stdio` (what editors
 * use), stdin goes through a framing guard (see framing.ts) and console output goes to
 * stderr, so that nothing but protocol messages ever reaches stdout.
 */
export async function main(): Promise<void> {
  // An editor opens Markdown and HTML as often as text: their parsers load before the first request.
  await preloadFormats()
  if (!process.argv.includes('--stdio')) {
    startServer(createConnection(ProposedFeatures.all))
    return
  }
  globalThis.console = new Console({stdout: process.stderr, stderr: process.stderr})
  const input = guardFraming(process.stdin, (bytes, reason) => process.stderr.write(`coquille-language-server: ${bytes} bytes of malformed input skipped (${reason})\n`))
  startServer(createConnection(ProposedFeatures.all, input, process.stdout))
}


/** "Remplacer par « ␣: » (␣ espace insécable (U+00A0))": no-break spaces visible in the menu. */
function replacementTitle(replacement: string): string {
  const marks = new Set<string>()
  const shown = visibleReplacement(replacement, marks)
  return `Remplacer par ${shown}${marks.size > 0 ? ` (${spaceLegend(marks)})` : ''}`
}
