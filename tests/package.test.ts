/**
 * coquille and retext-french as a newsroom installs them: `npm pack` of the built tree
 * (coquille's tarball bundles retext-french, which no registry serves yet), both tarballs
 * installed with npm into an empty project, then the command, the library, the parser in a
 * plain unified pipeline and through remark-retext, and their types, used from there.
 * Dependencies come from npm's cache when it has them (`npm ci` filled it), else from the
 * registry.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
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

/** The version this tree uses (so npm finds it in its cache). */
function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {version: string}).version
}

function run(command: string, args: string[], input?: string): {code: number; stdout: string; stderr: string} {
  const result = spawnSync(command, args, {cwd: project, encoding: 'utf8', input: input ?? '', timeout: 60_000})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(() => {
  const tarballs = mkdtempSync(join(tmpdir(), 'coquille-pack-'))
  const coquille = packed(root, tarballs)
  const retextFrench = packed(join(root, 'packages', 'retext-french'), tarballs)
  project = mkdtempSync(join(tmpdir(), 'coquille-install-'))
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'newsroom', private: true, type: 'module'}))
  const bridge = ['unified', 'remark-parse', 'remark-retext'].map((name) => `${name}@${installedVersion(name)}`)
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', coquille, retextFrench, ...bridge], {cwd: project, encoding: 'utf8', stdio: 'pipe'})
}, 300_000)

describe('the packed tarball, installed in an empty project', () => {
  it('holds what runs and nothing of the build or the tests', () => {
    const installed = join(project, 'node_modules', 'coquille')
    const top = readdirSync(installed).sort()
    expect(top).toEqual(expect.arrayContaining(['bin', 'dist', 'package.json']))
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['bundle', 'data', 'rules', 'src'])
    expect(top).not.toContain('tests')
  })

  it('`npx coquille --init` writes a configuration whose $schema is the shipped JSON Schema', () => {
    const result = run(npm, ['exec', '--offline', '--', 'coquille', '--init'])
    expect(result.code).toBe(0)
    const config = JSON.parse(readFileSync(join(project, '.coquillerc.json'), 'utf8')) as {$schema: string}
    expect(config.$schema).toBe('./node_modules/coquille/schema/coquillerc.schema.json')
    expect(JSON.parse(readFileSync(join(project, config.$schema), 'utf8'))).toMatchObject({title: 'Configuration de coquille (.coquillerc.json)'})
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
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import {lint, type CoquilleMessage} from 'coquille'",
        "import retextFrench, {ParseFrench, type Options} from 'retext-french'",
        "const messages: CoquilleMessage[] = lint('Texte.').messages",
        "const options: Options = {paragraphs: 'blank-line'}",
        'export const found: [number, unknown, ParseFrench] = [messages.length, retextFrench, new ParseFrench()]',
        'export {options}',
      ].join('\n'),
    )
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({compilerOptions: {module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: []}, files: ['check.ts']}))
    const typeCheck = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'])
    expect(typeCheck.stdout + typeCheck.stderr).toBe('')
    expect(typeCheck.code).toBe(0)
  })

  it('retext-french parses French in a plain unified pipeline and through remark-retext; a coquille rule runs behind it', () => {
    const script = `
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextFrench, {ParseFrench} from 'retext-french'
import repeatedWords from 'coquille/rules/repeated-words'
import {isDeepStrictEqual} from 'node:util'
const text = 'M. Martin a parlé.Ensuite il est parti à 3,5 km.\\n\\nL’accord « tient » bon.'
const plain = unified().use(retextFrench).parse(text)
let bridged
const processor = unified().use(remarkParse).use(remarkRetext, unified().use(retextFrench).use(() => (tree) => { bridged = tree }))
await processor.run(processor.parse(text), text)
const sentences = plain.children.filter((node) => node.type === 'ParagraphNode').flatMap((node) => node.children).filter((node) => node.type === 'SentenceNode').length
const file = await unified().use(retextFrench).use(repeatedWords).use(function () { this.compiler = () => '' }).process('Il a vu le le chat.')
const rule = file.messages.map((message) => message.ruleId).join()
console.log(JSON.stringify({sentences, same: isDeepStrictEqual(plain, new ParseFrench().parse(text)), bridged: isDeepStrictEqual(bridged, plain), rule}))
`
    const result = run(process.execPath, ['--input-type=module', '-e', script])
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({sentences: 3, same: true, bridged: true, rule: 'repeated-words'})
  })
})
