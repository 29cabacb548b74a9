// `npm run fuzz`: a soak of the loopback listener, at least 10,000 generated requests (ORKM_FUZZ_RUNS), bounded in
// time (ORKM_FUZZ_SECONDS, 900 by default). Prints the figures; exits 1 on any crash, echo or wrong completion, or
// when the time bound stopped it before the requested number of requests.
import fc from 'fast-check'
import { openFuzzTarget, requestArbitrary } from '../test/faults/callback-fuzz-support'

const runs = Math.max(10_000, Number(process.env['ORKM_FUZZ_RUNS'] ?? 10_000))
const seconds = Number(process.env['ORKM_FUZZ_SECONDS'] ?? 900)

const figures = { requests: 0, crashes: 0, echoes: 0, wrongCompletions: 0, completions: 0 }
const findings: string[] = []
let uncaught = 0
process.on('uncaughtException', (error) => {
  uncaught += 1
  findings.push(`uncaught: ${error.message}`)
})

const target = await openFuzzTarget()
const started = Date.now()
await fc.assert(
  fc.asyncProperty(requestArbitrary, async (request) => {
    const outcome = await target.send(request)
    figures.requests += 1
    if (outcome.crashed) {
      figures.crashes += 1
      findings.push(`crash after ${request.method} ${request.path}${request.query.slice(0, 80)}`)
    }
    if (outcome.echoed) {
      figures.echoes += 1
      findings.push(`echo of ${request.method} ${request.path}${request.query.slice(0, 80)}`)
    }
    if (outcome.wrongCompletion) {
      figures.wrongCompletions += 1
      findings.push(outcome.wrongCompletion.slice(0, 200))
    }
    if (outcome.completed) figures.completions += 1
    return true // a soak counts every finding instead of stopping at the first
  }),
  { numRuns: runs, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false },
)
await target.close()
const elapsed = ((Date.now() - started) / 1000).toFixed(1)
const crashes = figures.crashes + uncaught
for (const finding of findings.slice(0, 20)) console.log(`  ${finding}`)
console.log(
  `fuzz: ${figures.requests} requests in ${elapsed} s, ${crashes} crashes, ${figures.echoes} echoes, ${figures.wrongCompletions} wrong completions (${figures.completions} valid completions)`,
)
const interrupted = figures.requests < runs
if (interrupted) console.log(`fuzz: stopped by the ${seconds} s bound before ${runs} requests`)
process.exit(crashes > 0 || figures.echoes > 0 || figures.wrongCompletions > 0 || interrupted ? 1 : 0)
