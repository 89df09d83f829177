import { createRouter, createWebHistory } from 'vue-router'
import { session } from './api'
import LoginPage from './pages/LoginPage.vue'
import HomePage from './pages/HomePage.vue'

// Pages other than login and home load on demand, keeping the first load small.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    { path: '/', name: 'home', component: HomePage },
    { path: '/orgs', name: 'orgs', component: () => import('./pages/OrgTreePage.vue') },
    { path: '/orgs/:code', name: 'org', component: () => import('./pages/OrgPage.vue'), props: true },
    { path: '/people', name: 'people', component: () => import('./pages/PeoplePage.vue') },
    { path: '/people/:id', name: 'person', component: () => import('./pages/PersonPage.vue'), props: true },
    { path: '/cases', name: 'cases', component: () => import('./pages/CasesPage.vue') },
    { path: '/cases/:id', name: 'case', component: () => import('./pages/CasePage.vue'), props: true },
    { path: '/petitions', name: 'petitions', component: () => import('./pages/PetitionsPage.vue') },
    { path: '/petitions/:id', name: 'petition', component: () => import('./pages/PetitionPage.vue'), props: true },
    { path: '/reports', name: 'reports', component: () => import('./pages/ReportPage.vue') },
    { path: '/reports/records', name: 'report-records', component: () => import('./pages/ReportRecordsPage.vue') },
    { path: '/inbox', name: 'inbox', component: () => import('./pages/InboxPage.vue') },
    { path: '/account', name: 'account', component: () => import('./pages/AccountPage.vue') },
    { path: '/admin/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { roles: ['admin'] } },
    { path: '/admin/papers', name: 'papers', component: () => import('./pages/PaperTemplatesPage.vue'), meta: { roles: ['admin'] } },
    { path: '/admin/calendar', name: 'calendar', component: () => import('./pages/CalendarPage.vue') },
    { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { roles: ['auditor'] } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  if (to.meta.public) return true
  if (!session.user) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  const roles = to.meta.roles as string[] | undefined
  if (roles && !session.user.roles.some((r) => roles.includes(r))) return { name: 'home' }
  return true
})
