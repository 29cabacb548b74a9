// Configuration from the environment, validated once at start-up (documented in the README).
import { z } from 'zod'

export interface AppConfig {
  /** OpenRouter's API base, e.g. https://openrouter.ai/api/v1. */
  apiBaseUrl: string
  /** The origin of apiBaseUrl: the consent page is `${origin}/auth`, and the only origin the app opens. */
  openRouterOrigin: string
  keychainService: string
  callbackPort: number
  /** null: the caller decides (Electron's userData folder). */
  dataDir: string | null
  authTimeoutMs: number
  /** Per-request timeout for OpenRouter calls. */
  httpTimeoutMs: number
  /** Total time the exchange may spend retrying 5xx and connection errors. */
  retryBudgetMs: number
  /** The clipboard is cleared this long after a key is copied, if it still holds the key. */
  clipboardClearSeconds: number
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

const baseUrlSchema = z
  .string()
  .url()
  .refine((raw) => {
    const url = new URL(raw)
    // Keys travel to this host: plain http only to this machine.
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  }, 'must be https (or http on localhost)')

const envSchema = z.object({
  OPENROUTER_BASE_URL: baseUrlSchema.default('https://openrouter.ai/api/v1'),
  ORKM_KEYCHAIN_SERVICE: z.string().min(1).max(200).default('openrouter-key-manager'),
  // 0 asks the OS for any free port (tests); OpenRouter accepts localhost callbacks on any port.
  ORKM_CALLBACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ORKM_DATA_DIR: z.string().min(1).optional(),
  ORKM_AUTH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(300),
  ORKM_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  ORKM_RETRY_BUDGET_MS: z.coerce.number().int().min(0).max(120_000).default(20_000),
  ORKM_CLIPBOARD_CLEAR_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
})

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new ConfigError(`Invalid configuration: ${problems}`)
  }
  const values = parsed.data
  const apiBaseUrl = values.OPENROUTER_BASE_URL.replace(/\/+$/, '')
  return {
    apiBaseUrl,
    openRouterOrigin: new URL(apiBaseUrl).origin,
    keychainService: values.ORKM_KEYCHAIN_SERVICE,
    callbackPort: values.ORKM_CALLBACK_PORT,
    dataDir: values.ORKM_DATA_DIR ?? null,
    authTimeoutMs: values.ORKM_AUTH_TIMEOUT_SECONDS * 1000,
    httpTimeoutMs: values.ORKM_HTTP_TIMEOUT_MS,
    retryBudgetMs: values.ORKM_RETRY_BUDGET_MS,
    clipboardClearSeconds: values.ORKM_CLIPBOARD_CLEAR_SECONDS,
  }
}

/**
 * Variables that point the app somewhere else (another API host, another renderer, test windows). An installed
 * app ignores them: whoever can set its environment must not be able to send its keys to another host.
 */
export const DEVELOPMENT_ONLY_VARIABLES = ['OPENROUTER_BASE_URL', 'ELECTRON_RENDERER_URL', 'ORKM_E2E_EXTERNAL_IN_WINDOW'] as const

export function environmentFor(env: Record<string, string | undefined>, isPackaged: boolean): Record<string, string | undefined> {
  if (!isPackaged) return env
  const ignored = new Set<string>(DEVELOPMENT_ONLY_VARIABLES)
  return Object.fromEntries(Object.entries(env).filter(([name]) => !ignored.has(name)))
}
