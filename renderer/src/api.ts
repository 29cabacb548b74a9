// The renderer's one way to main: the preload's `window.orkm` (typed from the preload, never imported at run time).
import type { OrkmApi } from '../../preload/api'

export type { OrkmApi }
