/**
 * `coquille-language-server --stdio`: diagnostics while journalists type, quick fixes,
 * fix-all and formatting through the fix engine, "disable on this line" comments and
 * "add to vocabulary". Built on vscode-languageserver (unified-language-server has no
 * fix-all, formatting or commands of our own). Same configuration discovery as the CLI.
 *
 * What real editors taught us (issue 18):
 * - a quick fix never trusts the range the client sends back (Neovim 0.7 sends byte columns,
 *   any client may send a stale diagnostic): the finding is looked up again in the current
 *   document and the edit is built from the server's own offsets, or nothing is offered;
 * - clients send every keystroke: a document is linted after a quiet time as long as its
 *   last lint took (capped), on its latest version only;
 * - configuration and vocabulary files are re-checked by modification time every second,
 *   whether or not the client sends watched-file notifications.
 */
import {Console} from 'node:console'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  CodeActionTriggerKind,
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
import {resolveConfig, type ResolvedRule} from '../config.js'
import {findConfig} from '../config-files.js'
import {fixLoop} from '../fix/index.js'
import {markupGuard} from '../parse/markup-guard.js'
import {toFixable} from '../pipeline/fix-text.js'
import type {Format} from '../parse/document.js'
import {detectFormat, preloadFormats} from '../parse/index.js'
import {createProcessor, lintFile} from '../processor.js'
import type {CoquilleMessage} from '../rules/kit.js'
import {emptyVocabulary, loadVocabulary, vocabularyPath, type Vocabulary} from '../vocabulary.js'
import {writeFileAtomic} from '../io/write.js'
import {guardFraming} from './framing.js'
import {commentKeepsStructure, documentShape} from './comment-placement.js'
import {spaceLegend, visibleReplacement} from '../report/spaces.js'

export const addToVocabularyCommand = 'coquille.addToVocabulary'

/** What a published diagnostic carries, so that the finding can be found again. */
interface DiagnosticData {
  readonly expected?: string[]
  readonly fix?: string
  readonly actual?: string
  /** Offset of the finding in the document version the diagnostic was published for. */
  readonly start?: number
  readonly version?: number
}

/** Longest quiet time before a re-lint, whatever the last lint took: a pause in typing, not between keys. */
const maxQuietMs = 150
/** A lint this short runs at once: it cannot fall behind a typist (50 ms between keys at 20 keys/s). */
const instantLintMs = 25
/** Warm-up lints of a document whose lint took longer than `warmUpAboveMs`, each after `warmUpIdleMs` of quiet. */
const warmUpLints = 4
const warmUpAboveMs = 50
const warmUpIdleMs = 300
/** Longer documents (archives, dumps) are not typed into: no warm-up, its lints would be long. */
const warmUpMaxLength = 256 * 1024
/** How often configuration and vocabulary files are checked for changes. */
const configCheckMs = 1000

const languageFormats: Record<string, Format> = {markdown: 'md', html: 'html', plaintext: 'txt'}

function formatOf(document: TextDocument): Format {
  return languageFormats[document.languageId] ?? detectFormat(document.uri)
}

/** The file behind a `file:` URI; undefined for other schemes and URIs Node cannot decode. */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined // `file://host/…`, `%E9` (not UTF-8): linted as an untitled buffer.
  }
}

function modificationStamp(path: string | undefined): string {
  if (!path) return '-'
  try {
    const stats = statSync(path)
    return `${stats.mtimeMs}:${stats.size}`
  } catch {
    return 'missing'
  }
}

/** A processor and what it was built from. */
interface LintSetup {
  readonly processor: ReturnType<typeof createProcessor>
  readonly rules: readonly ResolvedRule[]
  readonly format: Format
  readonly vocabulary: Vocabulary
  readonly vocabularyFile: string
  /** A missing or broken vocabulary file: shown once, the other findings still shown. */
  readonly vocabularyProblem?: string
  /** Changes when the configuration or vocabulary files change. */
  readonly stamp: string
}

/** The result of linting one version of a document. */
interface Linted {
  readonly version: number
  /** Length of a leading byte order mark (0 or 1): the linter counts offsets after it. */
  readonly bom: number
  readonly messages: CoquilleMessage[]
  readonly setup?: LintSetup
  /** A configuration or input error: the only diagnostic. */
  readonly problem?: string
  readonly stamp: string
  /** Answers computed for this version, kept while it is current (code actions come often). */
  readonly answers: {
    shape?: string
    fixAll?: TextEdit[]
    silencedByVocabulary: Map<CoquilleMessage, boolean>
    /** The markup guard of the document's format (null: plain text), and its answers by edit. */
    guard?: ReturnType<typeof markupGuard> | null
    keepsMarkup: Map<string, boolean>
  }
}

function startOffset(message: CoquilleMessage): number | undefined {
  const place = message.place
  return place && 'start' in place ? place.start.offset : undefined
}

function endOffset(message: CoquilleMessage): number | undefined {
  const place = message.place
  return place && 'end' in place ? place.end.offset : undefined
}

function problemDiagnostic(message: string, severity: DiagnosticSeverity): Diagnostic {
  return {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity, source: 'coquille', message}
}

function toDiagnostic(message: CoquilleMessage, document: TextDocument, linted: Linted): Diagnostic {
  const start = startOffset(message)
  const end = endOffset(message)
  const range =
    start !== undefined && end !== undefined
      ? {start: document.positionAt(linted.bom + start), end: document.positionAt(linted.bom + end)}
      : {start: {line: (message.line ?? 1) - 1, character: (message.column ?? 1) - 1}, end: {line: (message.line ?? 1) - 1, character: (message.column ?? 1) - 1}}
  const diagnostic: Diagnostic = {
    range,
    severity: message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: 'coquille',
    message: message.reason,
    data: {expected: message.expected, fix: message.fix, actual: message.actual, start, version: linted.version} satisfies DiagnosticData,
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}

function lineEndingOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

/** A single word or name, the only thing the vocabulary can accept. */
const vocabularyWord = /^\p{L}[\p{L}\p{M}\p{N}’'.-]*$/u

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const linted = new Map<string, Linted>()
  const pending = new Map<string, NodeJS.Timeout>()
  const lintMs = new Map<string, number>()
  const warmUps = new Map<string, number>()
  /** The configuration stamp of the diagnostics last published for each document. */
  const publishedStamps = new Map<string, string>()
  const processors = new Map<string, {processor: ReturnType<typeof createProcessor>; rules: ResolvedRule[]}>()
  let workspaceFolder = process.cwd()

  /** The configuration and vocabulary files of a document, as a stamp (cheap: a few stats). */
  /** The configuration (may throw a ConfigError) and vocabulary file that apply to a document. */
  const configFilesOf = (uri: string) => {
    const path = pathOf(uri) ?? join(workspaceFolder, 'untitled')
    const found = findConfig(path)
    return {found, where: vocabularyPath(found.path, found.config.vocabulary, dirname(path))}
  }

  const configStamp = (uri: string): string => {
    try {
      const {found, where} = configFilesOf(uri)
      return [found.path, modificationStamp(found.path), where.path, modificationStamp(where.path)].join('|')
    } catch (error) {
      return `broken|${(error as Error).message}`
    }
  }

  const setupFor = (uri: string, format: Format, stamp: string): LintSetup => {
    const {found, where} = configFilesOf(uri)
    let vocabulary = emptyVocabulary
    let vocabularyProblem: string | undefined
    try {
      vocabulary = loadVocabulary(where.path, where.required)
    } catch (error) {
      vocabularyProblem = (error as Error).message
    }
    const key = `${format}|${stamp}`
    let built = processors.get(key)
    if (!built) {
      const rules = resolveConfig(found.config, found.path ?? 'configuration par défaut')
      built = {processor: createProcessor({format, config: rules, vocabulary}), rules}
      if (processors.size >= 8) processors.clear()
      processors.set(key, built)
    }
    return {...built, format, vocabulary, vocabularyFile: where.path, vocabularyProblem, stamp}
  }

  const lintText = (text: string, uri: string, setup: LintSetup, processor = setup.processor): CoquilleMessage[] => {
    const file = new VFile({value: text, path: pathOf(uri)})
    file.data.format = setup.format
    return lintFile(file, processor)
  }

  const lintDocument = (document: TextDocument): Linted => {
    const started = performance.now()
    const text = document.getText()
    const bom = text.startsWith('\uFEFF') ? 1 : 0
    const stamp = configStamp(document.uri)
    let result: Linted
    try {
      const setup = setupFor(document.uri, formatOf(document), stamp)
      result = {version: document.version, bom, messages: lintText(text, document.uri, setup), setup, stamp, answers: {silencedByVocabulary: new Map(), keepsMarkup: new Map()}}
    } catch (error) {
      // A broken configuration or a refused input is shown once, at the top, not as a crash.
      result = {version: document.version, bom, messages: [], problem: (error as Error).message, stamp, answers: {silencedByVocabulary: new Map(), keepsMarkup: new Map()}}
    }
    lintMs.set(document.uri, performance.now() - started)
    linted.set(document.uri, result)
    return result
  }

  /** The lint of the document's current version (linted now if the last one is older). */
  const current = (document: TextDocument): Linted => {
    const known = linted.get(document.uri)
    return known && known.version === document.version && known.stamp === configStamp(document.uri) ? known : lintDocument(document)
  }

  const publish = (document: TextDocument, result: Linted): void => {
    const diagnostics = result.problem
      ? [problemDiagnostic(result.problem, DiagnosticSeverity.Error)]
      : [
          ...(result.setup?.vocabularyProblem ? [problemDiagnostic(result.setup.vocabularyProblem, DiagnosticSeverity.Warning)] : []),
          ...result.messages.map((message) => toDiagnostic(message, document, result)),
        ]
    publishedStamps.set(document.uri, result.stamp)
    void connection.sendDiagnostics({uri: document.uri, version: result.version, diagnostics})
  }

  /**
   * V8 compiles the rules' hot paths and the lexicons fill their memos over the first few
   * lints: a long document's first re-lints after typing took 3 to 10 times longer than the
   * later ones. A long document is therefore linted again a few times while the journalist
   * reads it (the editor idle, nothing published), so that the first edits are answered fast.
   */
  const warmUp = (uri: string): void => {
    const done = warmUps.get(uri) ?? 0
    if (done >= warmUpLints || (lintMs.get(uri) ?? 0) < warmUpAboveMs) return
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri)
        const document = documents.get(uri)
        if (!document || document.getText().length > warmUpMaxLength) return
        warmUps.set(uri, done + 1)
        lintDocument(document)
        warmUp(uri)
      }, warmUpIdleMs),
    )
  }

  /**
   * Lint the latest version after a quiet time as long as the document's last lint took
   * (none after a short lint): typing faster than the linter then costs no lint until the
   * typing pauses, and at most half the time goes to linting.
   */
  const quietTime = (uri: string): number => {
    const last = lintMs.get(uri) ?? 0
    return last <= instantLintMs ? 0 : Math.min(maxQuietMs, last)
  }
  const schedule = (uri: string, quietMs = quietTime(uri)): void => {
    clearTimeout(pending.get(uri))
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri)
        // A request already received (a code action, the next edit) is answered first.
        setImmediate(() => {
          const document = documents.get(uri)
          if (!document || pending.has(uri)) return
          // A code action may have linted this version already.
          const result = current(document)
          // Edits that arrived during the lint are read first: a superseded version is not published.
          setImmediate(() => {
            if (documents.get(uri)?.version !== result.version) return
            publish(document, result)
            if (!pending.has(uri)) warmUp(uri)
          })
        })
      }, quietMs),
    )
  }

  const configWatch = setInterval(() => {
    for (const document of documents.all()) {
      const published = publishedStamps.get(document.uri)
      if (published !== undefined && !pending.has(document.uri) && published !== configStamp(document.uri)) schedule(document.uri, 0)
    }
  }, configCheckMs)
  configWatch.unref()

  /** The finding a diagnostic sent back by the client stands for, in the current document. */
  const locate = (document: TextDocument, result: Linted, diagnostic: Diagnostic): CoquilleMessage | undefined => {
    const data = (diagnostic.data ?? {}) as DiagnosticData
    // Some clients drop `data`: then the rule and the line are all there is to go by.
    const sameFinding = (message: CoquilleMessage): boolean =>
      data.actual === undefined || (message.actual === data.actual && JSON.stringify(message.expected) === JSON.stringify(data.expected))
    const candidates = result.messages.filter((message) => message.ruleId === diagnostic.code && startOffset(message) !== undefined && sameFinding(message))
    const offsetOf = (message: CoquilleMessage): number => result.bom + startOffset(message)!
    // Same version as published: the offset it carries names the finding.
    if (data.version === result.version && data.start !== undefined) return candidates.find((message) => startOffset(message) === data.start)
    // Otherwise (stale, or data dropped by the client): the one on the diagnostic's line,
    // nearest its column (byte columns only ever lie to the right of UTF-16 ones).
    const line = diagnostic.range.start.line
    const wanted = document.offsetAt(diagnostic.range.start)
    const onLine = candidates.filter((message) => document.positionAt(offsetOf(message)).line === line)
    return onLine.sort((a, b) => Math.abs(offsetOf(a) - wanted) - Math.abs(offsetOf(b) - wanted))[0]
  }

  /** Whether adding the finding's word to the vocabulary makes it go away. */
  const vocabularySilences = (document: TextDocument, result: Linted, message: CoquilleMessage, word: string): boolean => {
    const setup = result.setup
    if (!setup || !vocabularyWord.test(word) || setup.vocabulary.words.has(word)) return false
    const known = result.answers.silencedByVocabulary.get(message)
    if (known !== undefined) return known
    const words = new Set(setup.vocabulary.words).add(word)
    // The finding's rule alone, with the configured options, and the word in the vocabulary.
    const rules = setup.rules.filter((rule) => rule.id === message.ruleId)
    const processor = createProcessor({format: setup.format, config: rules, vocabulary: {...setup.vocabulary, words}})
    const text = result.bom ? document.getText().slice(1) : document.getText()
    const start = startOffset(message)
    const silenced = !lintText(text, document.uri, setup, processor).some((other) => other.ruleId === message.ruleId && startOffset(other) === start && other.actual === message.actual)
    result.answers.silencedByVocabulary.set(message, silenced)
    return silenced
  }

  const quickFixes = (document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] => {
    if (!diagnostics.some((diagnostic) => diagnostic.source === 'coquille')) return []
    const result = current(document)
    if (result.problem || !result.setup) return []
    const text = document.getText()
    const actions: CodeAction[] = []
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'coquille' || diagnostic.code === undefined) continue
      const message = locate(document, result, diagnostic)
      if (!message) continue // Gone from the current text: nothing to offer.
      const start = result.bom + startOffset(message)!
      const end = result.bom + (endOffset(message) ?? startOffset(message)!)
      const range = {start: document.positionAt(start), end: document.positionAt(end)}
      const own = toDiagnostic(message, document, result)
      if (message.actual !== undefined && text.slice(start, end) === message.actual) {
        const source = text.slice(result.bom)
        const keeps = (replacement: string): boolean => keepsMarkupAfter(result, source, start - result.bom, end - result.bom, message, replacement)
        ;(message.expected ?? []).filter(keeps).forEach((replacement, position) => {
          actions.push({
            title: replacement === '' ? 'Supprimer' : replacementTitle(replacement),
            kind: CodeActionKind.QuickFix,
            diagnostics: [own],
            isPreferred: position === 0,
            edit: {changes: {[document.uri]: [{range, newText: replacement}]}},
          })
        })
      }
      const disable = disableEdit(document, result, message)
      if (disable) {
        actions.push({title: `Désactiver « ${String(message.ruleId)} » sur cette ligne`, kind: CodeActionKind.QuickFix, diagnostics: [own], edit: {changes: {[document.uri]: [disable]}}})
      }
      const word = message.actual?.trim() ?? ''
      if (word !== '' && vocabularySilences(document, result, message, word)) {
        actions.push({
          title: `Ajouter « ${word} » au vocabulaire`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [own],
          command: {title: 'Ajouter au vocabulaire', command: addToVocabularyCommand, arguments: [document.uri, word]},
        })
      }
    }
    return actions
  }

  /**
   * A `coquille-disable-next-line` comment on its own line above the finding's line, in
   * the document's line ending; only where parsing the document again shows it changes no block or text.
   */
  const disableEdit = (document: TextDocument, result: Linted, message: CoquilleMessage): TextEdit | undefined => {
    const format = result.setup!.format
    if (format !== 'md' && format !== 'html') return undefined
    const text = document.getText()
    const line = document.positionAt(result.bom + startOffset(message)!).line
    const lineStart = document.offsetAt({line, character: 0})
    const indentation = /^[ \t]*/.exec(text.slice(lineStart))![0]
    const commentLine = `${indentation}<!-- coquille-disable-next-line ${String(message.ruleId)} -->${lineEndingOf(text)}`
    const source = text.slice(result.bom)
    result.answers.shape ??= documentShape(format, source)
    if (!commentKeepsStructure(format, source, lineStart - (line === 0 ? 0 : result.bom), commentLine, result.answers.shape)) return undefined
    const at = {line, character: line === 0 ? result.bom : 0}
    return {range: {start: at, end: at}, newText: commentLine}
  }

  /**
   * Whether one replacement keeps the document's markup (links, code, elements… re-parsed):
   * a quick fix the markup guard would refuse in a fix-all is not offered either.
   */
  const keepsMarkupAfter = (result: Linted, source: string, start: number, end: number, message: CoquilleMessage, replacement: string): boolean => {
    const guard = (result.answers.guard ??= markupGuard(result.setup!.format) ?? null)
    if (!guard) return true
    const key = `${start} ${end} ${replacement}`
    const known = result.answers.keepsMarkup.get(key)
    if (known !== undefined) return known
    const edit = {ruleId: String(message.ruleId), start, end, actual: source.slice(start, end), expected: [replacement], safe: true}
    const keeps = guard(source, [edit], source.slice(0, start) + replacement + source.slice(end))
    result.answers.keepsMarkup.set(key, keeps)
    return keeps
  }

  /** Safe fixes of the whole document, as one edit (markup kept: edits are made on the text). */
  const fixAllEdit = (document: TextDocument): TextEdit[] => {
    const result = current(document)
    if (result.problem || !result.setup) return []
    if (result.answers.fixAll) return result.answers.fixAll
    const setup = result.setup
    const text = document.getText()
    const body = text.slice(result.bom)
    // The first pass is on the text just linted: its messages are at hand.
    const fixed = fixLoop(body, (value) => (value === body ? result.messages : lintText(value, document.uri, setup)).flatMap((message) => toFixable(message) ?? []), {guard: markupGuard(setup.format)})
    result.answers.fixAll = fixed.output === body ? [] : [{range: {start: document.positionAt(result.bom), end: document.positionAt(text.length)}, newText: fixed.output}]
    return result.answers.fixAll
  }

  connection.onInitialize((parameters) => {
    const root = parameters.workspaceFolders?.[0]?.uri ?? parameters.rootUri
    const rootPath = root ? pathOf(root) : undefined
    if (rootPath) workspaceFolder = rootPath
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll]},
        documentFormattingProvider: true,
        executeCommandProvider: {commands: [addToVocabularyCommand]},
      },
      serverInfo: {name: 'coquille-language-server'},
    }
  })

  documents.onDidOpen((event) => schedule(event.document.uri, 0))
  documents.onDidChangeContent((change) => schedule(change.document.uri))
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri))
    pending.delete(event.document.uri)
    linted.delete(event.document.uri)
    lintMs.delete(event.document.uri)
    warmUps.delete(event.document.uri)
    publishedStamps.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })
  connection.onDidChangeWatchedFiles(() => {
    for (const document of documents.all()) schedule(document.uri, 0)
  })
  connection.onShutdown(() => clearInterval(configWatch))

  connection.onCodeAction((parameters, token) => {
    const document = documents.get(parameters.textDocument.uri)
    // Asked while a lint ran and given up by the client since: not worth an answer.
    if (!document || token.isCancellationRequested) return []
    const only = parameters.context.only
    // VS Code asks on its own (no `only`) at every cursor move, while typing too: answering
    // about a text not linted yet would cost a lint per key, and a fix-all several. It asks
    // again when diagnostics are published. Fix-all on save asks with `only`.
    const lightbulb = parameters.context.triggerKind === CodeActionTriggerKind.Automatic && !only
    if (lightbulb && linted.get(document.uri)?.version !== document.version) return []
    const wants = (kind: string): boolean => (!only ? !(lightbulb && kind === CodeActionKind.SourceFixAll) : only.some((wanted) => kind === wanted || kind.startsWith(wanted + '.')))
    // Whatever goes wrong (a configuration broken meanwhile), the answer is a list, maybe empty.
    try {
      const actions = wants(CodeActionKind.QuickFix) ? quickFixes(document, parameters.context.diagnostics) : []
      if (wants(CodeActionKind.SourceFixAll)) {
        const edits = fixAllEdit(document)
        if (edits.length > 0) actions.push({title: 'Corriger tout ce qui est sûr (coquille)', kind: CodeActionKind.SourceFixAll, edit: {changes: {[document.uri]: edits}}})
      }
      return actions
    } catch (error) {
      connection.console.error(`coquille: code actions: ${(error as Error).message}`)
      return []
    }
  })

  connection.onDocumentFormatting((parameters, token) => {
    const document = documents.get(parameters.textDocument.uri)
    if (token.isCancellationRequested) return []
    try {
      return document ? fixAllEdit(document) : []
    } catch (error) {
      connection.console.error(`coquille: formatting: ${(error as Error).message}`)
      return []
    }
  })

  connection.onExecuteCommand(async (parameters) => {
    if (parameters.command !== addToVocabularyCommand) return
    const [uri, word] = (parameters.arguments ?? []) as [unknown, unknown]
    if (typeof uri !== 'string' || typeof word !== 'string' || word.trim() === '' || /[\r\n;#]/.test(word)) return
    const target = linted.get(uri)?.setup?.vocabularyFile ?? vocabularyPath(undefined, undefined, dirname(pathOf(uri) ?? join(workspaceFolder, 'untitled'))).path
    const existing = existsSync(target) ? readFileSync(target, 'utf8') : '# Vocabulaire maison de coquille : un mot ou un nom par ligne.\n'
    const lines = new Set(existing.split(/\r\n|\r|\n/).map((line) => line.trim()))
    if (lines.has(word.trim())) return
    const lineEnding = lineEndingOf(existing)
    const separator = existing === '' || existing.endsWith('\n') || existing.endsWith('\r') ? '' : lineEnding
    await writeFileAtomic(target, `${existing}${separator}${word.trim()}${lineEnding}`)
    for (const document of documents.all()) schedule(document.uri, 0)
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
