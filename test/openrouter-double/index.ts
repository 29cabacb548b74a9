// The OpenRouter double's public surface: tests, the demo and the benchmark import only from here.
export { startOpenRouterDouble } from './server'
export { seedDemoKeys, type DemoSeed } from './seed'
export type {
  ConsentMode,
  DoubleKeyState,
  DoubleOptions,
  Failure,
  IssueCodeParams,
  OpenRouterDouble,
  RecordedRequest,
  Route,
} from './types'
