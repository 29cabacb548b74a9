// `orkm run`: the command gets the key in its own environment only, the terminal as it is, every signal orkm
// receives, and orkm exits with its exit code once it has exited.
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { EXIT_CODES, SIGNAL_EXIT_BASE } from './exit-codes'

const FORWARDED: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2']

export interface RunOptions {
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  /** One line to stderr for orkm's own failures. */
  report(message: string): void
  platform?: NodeJS.Platform
  /** Whether orkm shares a terminal with the command (then Ctrl-C reaches both from the terminal itself). */
  onTerminal?: boolean
}

export function runCommand(options: RunOptions): Promise<number> {
  const platform = options.platform ?? process.platform
  const onTerminal = options.onTerminal ?? Boolean(process.stdin.isTTY || process.stdout.isTTY || process.stderr.isTTY)
  // Ctrl-C in a terminal sends SIGINT to the whole foreground group, the command included; sending it again would
  // make "press Ctrl-C twice to quit" programs quit. From anywhere else (kill, a supervisor) it is forwarded.
  const signals: NodeJS.Signals[] = platform === 'win32' ? ['SIGTERM'] : onTerminal ? FORWARDED : [...FORWARDED, 'SIGINT']
  const listeners: Array<[NodeJS.Signals, () => void]> = []
  // While the command runs, SIGINT must not end orkm even when it is not forwarded.
  const ignore = () => {}
  process.on('SIGINT', ignore)

  return new Promise<number>((resolve) => {
    const finish = (code: number) => {
      for (const [signal, listener] of listeners) process.off(signal, listener)
      process.off('SIGINT', ignore)
      resolve(code)
    }
    const cannotRun = (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        options.report(`command not found: ${options.command}`)
        finish(EXIT_CODES.commandNotFound.code)
      } else {
        options.report(`cannot run ${options.command}: ${error.code ?? error.message}`)
        finish(EXIT_CODES.cannotExecute.code)
      }
    }
    let child: ReturnType<typeof spawn>
    try {
      child = spawn(options.command, options.args, { stdio: 'inherit', env: options.env })
    } catch (error) {
      // Node refuses some programs before starting them (e.g. .cmd files without a shell on Windows: EINVAL).
      cannotRun(error as NodeJS.ErrnoException)
      return
    }
    for (const signal of signals) {
      const listener = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      }
      listeners.push([signal, listener])
      process.on(signal, listener)
    }
    child.once('error', cannotRun)
    child.once('exit', (code, signal) => {
      if (signal) finish(SIGNAL_EXIT_BASE + (constants.signals[signal] ?? 0))
      else finish(code ?? 0)
    })
  })
}
