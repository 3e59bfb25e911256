export { createApp, BODY_LIMIT_BYTES } from './http/create-app';
export { startServer, type RunningServer, type StartServerOptions } from './http/start-server';
export { createDeps, SYSTEM_CLOCK, type AppDeps, type Clock } from './services/deps';
export { createApiToken, createApiTokenForEmail, createUser, login } from './services/accounts';
export {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_NEGOTIATION,
  DEMO_PARTIES,
  formatDemoCredentials,
  loadDemo,
  loadDemoIfEmpty,
  type DemoSummary,
} from './demo';
