// Runs the double on its own: `npx tsx test/openrouter-double/cli.ts [--port N]`.
import { startOpenRouterDouble } from './server'

const portFlag = process.argv.indexOf('--port')
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0
const double = await startOpenRouterDouble({ port })
console.log(JSON.stringify({ origin: double.origin, apiBaseUrl: double.apiBaseUrl }))
const stop = () => void double.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
