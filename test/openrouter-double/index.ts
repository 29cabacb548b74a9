// The OpenRouter double's public surface: tests, the demo and the benchmark import only from here.
export { startOpenRouterDouble } from './server'
export { seedDemoAccount, seedDemoKeys, type DemoAccount, type DemoSeed } from './seed'
export { FAILURE_ROUTES } from './types'
export type {
  ConsentMode,
  CreateCodeAuth,
  DoubleActivityRow,
  DoubleWorkspace,
  HashRule,
  RateLimitPlan,
  DoubleKeyState,
  DoubleOptions,
  Failure,
  IssueCodeParams,
  OpenRouterDouble,
  RecordedRequest,
  Route,
} from './types'
