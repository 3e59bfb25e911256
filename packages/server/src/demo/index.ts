export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount, type DemoAccountKey } from './demo-accounts';
export {
  DEMO_DEADLINES,
  DEMO_MEMBERS,
  DEMO_NEGOTIATION,
  DEMO_PARTIES,
  DEMO_RECORDS,
  UKRAINE_LEAD_CHANGE,
} from './demo-negotiation';
export { DEMO_EXTENSIONS, type DemoExtension } from './demo-extensions';
export { formatDemoCredentials, loadDemo, loadDemoIfEmpty, type DemoSummary } from './load-demo';
