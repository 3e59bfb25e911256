export * from './viewer';
export type * from './resources';
export { can, ACTIONS, type Action, type ResourceFor } from './can';
export type { AuditMaterial, AuditMaterialResource } from './audit-policy';
export { seatAsOfNow, seatSeenBy, seatsSeenBy, type DatedSeat } from './seat-visibility';
