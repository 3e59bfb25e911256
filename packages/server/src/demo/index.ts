export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount, type DemoAccountKey } from './demo-accounts';
export {
  DEMO_DEADLINES,
  DEMO_MEMBERS,
  DEMO_NEGOTIATION,
  DEMO_PARTIES,
  DEMO_RECORDS,
  UKRAINE_LEAD_CHANGE,
} from './demo-negotiation';
export { DEMO_EXTENSIONS } from './demo-extensions';
export type { DemoExtension } from './demo-extension';
export { formatDemoCredentials, loadDemo, loadDemoIfEmpty, type DemoSummary } from './load-demo';
