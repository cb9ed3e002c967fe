/** The `coquille` command run in process: `main` with captured streams (about 5 ms a run). */
import {PassThrough} from 'node:stream'
import {main} from '../../src/cli/main.js'

export async function cli(args: string[], cwd: string, input?: string): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  // No input: a terminal (nothing piped); else the input, piped.
  const stdin = Object.assign(new PassThrough(), {isTTY: input === undefined})
  if (input !== undefined) stdin.end(input)
  const code = await main(args, {cwd, stdin, stdout, stderr})
  return {code, stdout: out, stderr: err}
}
