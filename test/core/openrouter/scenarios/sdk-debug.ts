// Run in its own process (the SDK reads its environment once): an exchange and a GET /key through the gateway,
// with whatever OPENROUTER_DEBUG the parent set. Prints DONE and the new key's masked tail, nothing else.
import { createOpenRouterGateway } from '../../../../main/core/openrouter/openrouter-gateway'
import { createPkcePair } from '../../../../main/core/connect/pkce'
import { startOpenRouterDouble } from '../../../openrouter-double'

const double = await startOpenRouterDouble()
try {
  const gateway = createOpenRouterGateway({ apiBaseUrl: double.apiBaseUrl, httpTimeoutMs: 5000, retryBudgetMs: 0 })
  const pkce = createPkcePair()
  const code = double.issueCode({ codeChallenge: pkce.challenge, codeChallengeMethod: 'S256' })
  const { key } = await gateway.exchangeCode({ code, codeVerifier: pkce.verifier })
  await gateway.getKeyFigures(key)
  process.stdout.write(`DONE ${key.slice(-4)}\n`)
} finally {
  await double.close()
}
