// The width of the screen, for what CSS alone cannot change: Element Plus
// components sized by a prop (a dialog's width). PHONE is the media query
// style.css uses for the same screens; keep the two numbers together.
import { ref } from 'vue'

export const PHONE = '(max-width: 600px)'

const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PHONE) : null

/** True while the window is phone-sized; follows a rotation or a resize. */
export const phone = ref(query?.matches ?? false)
query?.addEventListener('change', (e) => {
  phone.value = e.matches
})
