export * from './ids';
export * from './plan-ids';
