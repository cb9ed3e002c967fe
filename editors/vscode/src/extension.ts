/**
 * VS Code client for coquille: starts `coquille-language-server --stdio` for French plain
 * text, Markdown and HTML documents. Everything else (diagnostics, quick fixes, fix-all,
 * formatting, configuration) is the server's. The server is, in this order: the
 * `coquille.serverPath` setting, the workspace's own coquille, the one packaged in the
 * extension (server/, run with VS Code's Node), the one on the PATH.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {workspace, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

function serverOptions(context: ExtensionContext): ServerOptions {
  const command = (path: string): ServerOptions => ({
    run: {command: path, args: ['--stdio'], transport: TransportKind.stdio},
    debug: {command: path, args: ['--stdio'], transport: TransportKind.stdio},
  })
  const configured = workspace.getConfiguration('coquille').get<string>('serverPath')
  if (configured) return command(configured)
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', 'coquille-language-server')
    if (existsSync(local)) return command(local)
  }
  const packaged = context.asAbsolutePath(join('server', 'bin', 'coquille-language-server.js'))
  if (existsSync(packaged)) {
    return {
      run: {module: packaged, transport: TransportKind.stdio},
      debug: {module: packaged, transport: TransportKind.stdio},
    }
  }
  return command('coquille-language-server')
}

export async function activate(context: ExtensionContext): Promise<void> {
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
  client = new LanguageClient('coquille', 'coquille', serverOptions(context), clientOptions)
  context.subscriptions.push({dispose: () => void client?.stop()})
  await client.start()
}

export async function deactivate(): Promise<void> {
  await client?.stop()
}
