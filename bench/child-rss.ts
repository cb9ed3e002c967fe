/**
 * `node dist/bench/child-rss.js REPORT SCRIPT [ARGS…]`: run SCRIPT (an ES module such as
 * bin/coquille.js) in this process with ARGS as its argv, and write the process's peak
 * resident memory and CPU time (all threads) to REPORT as JSON when it exits. Portable stand-in for `/usr/bin/time -v`.
 */
import {writeFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {peakRss} from './stats.js'

const [report, script, ...args] = process.argv.slice(2)
if (!report || !script) {
  process.stderr.write('usage: child-rss.js REPORT SCRIPT [ARGS…]\n')
  process.exit(2)
}
process.on('exit', () => {
  const cpu = process.cpuUsage()
  writeFileSync(report, JSON.stringify({maxRss: peakRss(), cpuMs: (cpu.user + cpu.system) / 1000}))
})
process.argv = [process.argv[0]!, resolve(script), ...args]
await import(pathToFileURL(resolve(script)).href)
