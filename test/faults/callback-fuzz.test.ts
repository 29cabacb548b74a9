// Fuzzes the loopback listener with generated requests (raw sockets, so malformed ones reach it too).
// Properties: it never crashes, never hands the flow a code unless the request was the one expected
// navigation on the nonce path, and never echoes what it was sent. `npm run fuzz` runs the same as a longer soak.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NAVIGATION_HEADERS, rawRequest } from '../support/http'
import { NONCE, openFuzzTarget, requestArbitrary, type FuzzTarget } from './callback-fuzz-support'

const RUNS = Number(process.env['ORKM_FUZZ_RUNS'] ?? 2000)

let target: FuzzTarget
beforeAll(async () => {
  target = await openFuzzTarget()
})
afterAll(async () => target.close())

describe('callback listener fuzz', () => {
  it(`survives ${RUNS} generated requests: no crash, no code without the nonce path, no echo`, async () => {
    let completions = 0
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request) => {
        const outcome = await target.send(request)
        expect(outcome.crashed).toBe(false)
        expect(outcome.echoed).toBe(false)
        expect(outcome.wrongCompletion).toBeNull()
        if (outcome.completed) completions += 1
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 60_000 },
    )
    // Still alive and still able to complete a flow.
    const final = await rawRequest({ port: target.listener.port, path: `/callback/${NONCE}?code=final`, headers: NAVIGATION_HEADERS })
    expect(final.status).toBe(200)
    expect(target.events.at(-1)).toEqual({ kind: 'code', code: 'final' })
    console.log(`fuzz: ${RUNS} requests, ${completions} accepted as valid callbacks`)
    expect(completions).toBeGreaterThan(0) // the generator does reach the accepting path
  }, 120_000)
})
