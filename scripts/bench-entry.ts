// The services as main bundles them, for the start-up benchmark.
export { createAppServices } from '../main/core/app/app-services'
export { loadConfig } from '../main/core/app/config'
