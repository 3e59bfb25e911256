/** Rows of migration 0160 (blind bids); kept apart from schema.ts so the feature stays in its own files. */
export type BlindBiddingsTable = {
  id: string;
  negotiation_id: string;
  version_id: string;
  point_id: string;
  giving_party_id: string;
  taking_party_id: string;
  unit: string;
  range_min: number;
  range_max: number;
  rule: string;
  closes_at: Date | null;
  opened_by: string | null;
  opened_at: Date;
  revealed_by: string | null;
  revealed_at: Date | null;
  outcome: unknown;
};

export type BlindBidsTable = {
  bidding_id: string;
  party_id: string;
  /** AES-256-GCM ciphertext of the bound (services/bid-seal.ts); null once revealed. */
  sealed: string | null;
  submitted_by: string | null;
  submitted_at: Date;
  /** Counts the delegation's bids in this bidding (migration 0300): the revision a form sends back. */
  revision: number;
};
