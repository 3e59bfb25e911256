export * from './settle-blind-bids';
