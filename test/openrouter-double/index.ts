export { startOpenRouterDouble } from './server'
export { seedDemoKeys } from './seed'
export type { ConsentMode, DoubleKeyState, Failure, OpenRouterDouble, RecordedRequest, Route } from './types'
