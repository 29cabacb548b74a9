// Runs the double on its own: `npx tsx test/openrouter-double/cli.ts [--port N]`. Prints one JSON line,
// {"origin","apiBaseUrl"}, then serves until SIGINT or SIGTERM.
import { startOpenRouterDouble } from './server'

function portFrom(argv: string[]): number {
  const flag = argv.indexOf('--port')
  if (flag === -1) return 0
  const port = Number(argv[flag + 1])
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: cli.ts [--port N]   (N: 0-65535; 0 picks a free port)')
    process.exit(2)
  }
  return port
}

const double = await startOpenRouterDouble({ port: portFrom(process.argv.slice(2)) })
console.log(JSON.stringify({ origin: double.origin, apiBaseUrl: double.apiBaseUrl }))
const stop = () => void double.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
