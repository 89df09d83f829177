import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router'
import { loadSession } from './api'
import { lang } from './i18n'
import './codes'

document.documentElement.lang = lang.value
loadSession().finally(() => {
  createApp(App).use(router).mount('#app')
})
