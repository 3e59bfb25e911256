export { createApp, BODY_LIMIT_BYTES } from './http/create-app';
export { startServer, type RunningServer, type StartServerOptions } from './http/start-server';
export { SYSTEM_CLOCK, type Clock } from './clock';
export { RANDOM_IDS, type IdSource } from './ids';
export { createDeps, type AppDeps } from './services/deps';
export { createUser, login } from './services/accounts';
export { createApiToken, createApiTokenForEmail } from './services/api-tokens';
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
