/**
 * VS Code client for coquille: starts `coquille-language-server --stdio` for French plain
 * text, Markdown and HTML documents. Everything else (diagnostics, quick fixes, fix-all,
 * formatting, configuration) is the server's.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {workspace, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

function serverCommand(): string {
  const configured = workspace.getConfiguration('coquille').get<string>('serverPath')
  if (configured) return configured
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', 'coquille-language-server')
    if (existsSync(local)) return local
  }
  return 'coquille-language-server'
}

export async function activate(context: ExtensionContext): Promise<void> {
  const command = serverCommand()
  const serverOptions: ServerOptions = {
    run: {command, args: ['--stdio'], transport: TransportKind.stdio},
    debug: {command, args: ['--stdio'], transport: TransportKind.stdio},
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'plaintext'},
      {scheme: 'file', language: 'markdown'},
      {scheme: 'file', language: 'html'},
      {scheme: 'untitled', language: 'markdown'},
    ],
    synchronize: {
      // Configuration and vocabulary changes re-lint open documents.
      fileEvents: workspace.createFileSystemWatcher('**/{.coquillerc,.coquillerc.json,.coquillerc.yml,.coquillerc.yaml,.coquille-vocabulary.txt,package.json}'),
    },
  }
  client = new LanguageClient('coquille', 'coquille', serverOptions, clientOptions)
  context.subscriptions.push({dispose: () => void client?.stop()})
  await client.start()
}

export async function deactivate(): Promise<void> {
  await client?.stop()
}
