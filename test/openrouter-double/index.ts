// The OpenRouter double's public surface: tests, the demo and the benchmark import only from here.
export { startOpenRouterDouble } from './server'
export { seedDemoKeys, type DemoSeed } from './seed'
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
