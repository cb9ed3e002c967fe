/**
 * coquille as a newsroom installs it: `npm pack` of the built tree, the tarball installed
 * with npm into an empty project, then the command, the library and its types used from
 * there. Dependencies come from npm's cache when it has them (`npm ci` filled it), else
 * from the registry.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

const root = join(import.meta.dirname, '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
let project: string

function packed(folder: string, destination: string): string {
  // --ignore-scripts: `prepare` would rebuild dist/ under the feet of the other test files.
  const output = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {cwd: folder, encoding: 'utf8'})
  return join(destination, (JSON.parse(output) as Array<{filename: string}>)[0]!.filename)
}

function run(command: string, args: string[], input?: string): {code: number; stdout: string; stderr: string} {
  const result = spawnSync(command, args, {cwd: project, encoding: 'utf8', input: input ?? '', timeout: 60_000})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(() => {
  const tarballs = mkdtempSync(join(tmpdir(), 'coquille-pack-'))
  const coquille = packed(root, tarballs)
  project = mkdtempSync(join(tmpdir(), 'coquille-install-'))
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'newsroom', private: true, type: 'module'}))
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', coquille], {cwd: project, encoding: 'utf8', stdio: 'pipe'})
}, 300_000)

describe('the packed tarball, installed in an empty project', () => {
  it('holds what runs and nothing of the build or the tests', () => {
    const installed = join(project, 'node_modules', 'coquille')
    const top = readdirSync(installed).sort()
    expect(top).toEqual(expect.arrayContaining(['bin', 'dist', 'package.json']))
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['bundle', 'data', 'rules', 'src'])
    expect(top).not.toContain('tests')
  })

  it('`npx coquille` lints an article', () => {
    writeFileSync(join(project, 'article.txt'), 'Un titre sans faute\n\nLe maire a inauguré le le pont neuf hier.\n')
    const result = run(npm, ['exec', '--offline', '--', 'coquille', '--report', 'json', 'article.txt'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stderr) as Array<{messages: Array<{ruleId: string}>}>
    expect(report[0]!.messages.map((message) => message.ruleId)).toEqual(['repeated-words'])
  })

  it('`import {lint} from "coquille"` works, with types', () => {
    const script = "import {lint} from 'coquille'\nconst {messages} = lint('Le maire a inauguré le le pont.')\nconsole.log(messages.map((message) => message.ruleId).join())\n"
    const result = run(process.execPath, ['--input-type=module', '-e', script])
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('repeated-words')
    writeFileSync(join(project, 'check.ts'), "import {lint, type CoquilleMessage} from 'coquille'\nconst messages: CoquilleMessage[] = lint('Texte.').messages\nexport const count: number = messages.length\n")
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({compilerOptions: {module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: []}, files: ['check.ts']}))
    const typeCheck = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'])
    expect(typeCheck.stdout + typeCheck.stderr).toBe('')
    expect(typeCheck.code).toBe(0)
  })
})
