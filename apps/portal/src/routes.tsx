/**
 * Which role sees which page. Each page is its own chunk (loaded when first opened); the shell
 * (menu, header, inbox) wraps every page behind the login, the public site and the feedback form
 * stand alone.
 */
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout, RequireRole } from './components/AppLayout';
import { NotFound } from './components/Forbidden';
import type { Role } from './auth';
import { KPI_READERS, OFFICE, READERS, REVIEWERS } from './menu';

type PageModule = { default: React.ComponentType };
const page = (load: () => Promise<PageModule>) => async () => ({ Component: (await load()).default });

const guarded = (roles: Role[], element: React.ReactNode) => <RequireRole roles={roles}>{element}</RequireRole>;

export const routes: RouteObject[] = [
  { path: '/login', lazy: page(() => import('./pages/login/LoginPage')) },
  { path: '/public', lazy: page(() => import('./pages/public/PublicRepliesPage')) },
  { path: '/public/replies/:replyId', lazy: page(() => import('./pages/public/PublicReplyPage')) },
  { path: '/feedback/:token', lazy: page(() => import('./pages/proposer/FeedbackPage')) },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, lazy: page(() => import('./pages/HomeRedirect')) },
      { path: 'items', element: guarded(READERS, null), children: [{ index: true, lazy: page(() => import('./pages/office/ItemsPage')) }] },
      { path: 'items/new', element: guarded(OFFICE, null), children: [{ index: true, lazy: page(() => import('./pages/office/RegisterPage')) }] },
      // Every logged-in user may try an item: the API decides, and a refusal shows 无权查看.
      { path: 'items/:id', lazy: page(() => import('./pages/ItemPage')) },
      { path: 'unit', element: guarded(['unit_handler', 'unit_leader'], null), children: [{ index: true, lazy: page(() => import('./pages/unit/UnitPortalPage')) }] },
      { path: 'reviews', element: guarded(REVIEWERS, null), children: [{ index: true, lazy: page(() => import('./pages/leader/ReviewQueuePage')) }] },
      { path: 'dashboard', element: guarded(['npc_liaison', 'cppcc_liaison', 'office', 'admin'], null), children: [{ index: true, lazy: page(() => import('./pages/liaison/DashboardPage')) }] },
      { path: 'mine', element: guarded(['proposer'], null), children: [{ index: true, lazy: page(() => import('./pages/proposer/MyItemsPage')) }] },
      { path: 'vice-mayor', element: guarded(['vice_mayor'], null), children: [{ index: true, lazy: page(() => import('./pages/vice-mayor/ViceMayorQueuePage')) }] },
      { path: 'import', element: guarded(['office'], null), children: [{ index: true, lazy: page(() => import('./pages/office/ImportPage')) }] },
      { path: 'queues', element: guarded(['office'], null), children: [{ index: true, lazy: page(() => import('./pages/office/QueuesPage')) }] },
      { path: 'admin/policy', element: guarded(['admin'], null), children: [{ index: true, lazy: page(() => import('./pages/admin/PolicyPage')) }] },
      { path: 'admin/calendar', element: guarded(['admin'], null), children: [{ index: true, lazy: page(() => import('./pages/admin/CalendarPage')) }] },
      { path: 'unit/obligations', element: guarded(['unit_handler', 'unit_leader'], null), children: [{ index: true, lazy: page(() => import('./pages/unit/ObligationsPage')) }] },
      { path: 'forbidden', lazy: page(() => import('./pages/ForbiddenPage')) },
      { path: 'kpis', element: guarded(KPI_READERS, null), children: [{ index: true, lazy: page(() => import('./pages/kpi/KpiPage')) }] },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];

export const router = createBrowserRouter(routes);
