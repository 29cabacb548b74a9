// The renderer's view of main is exactly the object the preload exposes: derived, so it cannot drift.
declare global {
  interface Window {
    orkm: typeof import('../../preload/index').api
  }
}
export {}
