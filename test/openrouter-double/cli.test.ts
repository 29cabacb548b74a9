// `npx tsx test/openrouter-double/cli.ts`: one JSON line with the addresses, serves, stops on a signal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'

const projectRoot = join(import.meta.dirname, '../..')
const tsx = join(projectRoot, 'node_modules/.bin/tsx')
const children: ChildProcessWithoutNullStreams[] = []

function startCli(args: string[]): ChildProcessWithoutNullStreams {
  const env = { ...process.env }
  delete env['OPENROUTER_API_KEY']
  const child = spawn(tsx, ['test/openrouter-double/cli.ts', ...args], { cwd: projectRoot, env })
  children.push(child)
  return child
}

async function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  const lines = createInterface({ input: child.stdout })
  const [line] = (await once(lines, 'line')) as [string]
  lines.close()
  return line
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

describe('cli', () => {
  it('prints {origin, apiBaseUrl}, serves the API, and exits 0 on SIGTERM', async () => {
    const child = startCli([])
    const printed = JSON.parse(await firstLine(child)) as { origin: string; apiBaseUrl: string }
    expect(printed.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(printed.apiBaseUrl).toBe(`${printed.origin}/api/v1`)
    const response = await fetch(`${printed.apiBaseUrl}/key`)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: { code: 401, message: 'No auth credentials found' } })
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = (await exited) as [number | null]
    expect(code).toBe(0)
    await expect(fetch(`${printed.apiBaseUrl}/key`)).rejects.toThrow()
  })

  it('rejects a bad --port with exit code 2', async () => {
    const child = startCli(['--port', 'eighty'])
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(2)
    expect(stderr).toContain('usage: cli.ts [--port N]')
  })
})
