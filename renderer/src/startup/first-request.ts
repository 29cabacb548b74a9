// The app's first work, done while this module is evaluated (main.tsx imports it before anything else): the key
// list is asked for, then, while main answers, the formats the cards need are built.
import { prepareFormats } from '../format/prepare'
import { requestListEarly } from './early-list'

export const takeEarlyList = typeof window.orkm === 'undefined' ? () => null : requestListEarly(window.orkm)
prepareFormats()
