import type {ChildProcess} from 'node:child_process'
import type {MessageConnection} from 'vscode-jsonrpc/node.js'

/**
 * Stop a language server started by a test, in order: the shutdown answer means every queued
 * write reached the server, so nothing is written to a closed pipe after the process ends
 * (which vitest reports as an unhandled rejection, failing the run at random).
 */
export async function stopServer(child: ChildProcess, connection: MessageConnection): Promise<void> {
  const closed = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('close', () => resolve())))
  const timer = setTimeout(() => child.kill(), 5_000)
  try {
    await connection.sendRequest('shutdown')
    await connection.sendNotification('exit')
  } catch {
    child.kill() // A test left it unable to answer: stop it.
  }
  await closed
  clearTimeout(timer)
  connection.dispose()
}
