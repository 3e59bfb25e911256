export * from './issues-at-version';
export * from './profile';
