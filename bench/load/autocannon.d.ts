// The few parts of autocannon the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  export type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };
  export type Client = { setRequests(requests: Request[]): void };
  export type Histogram = {
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    average: number;
    max: number;
  };
  export type Result = {
    latency: Histogram;
    requests: { average: number; total: number; sent: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests instead of after `duration`. */
    amount?: number;
    /** Requests per second over all connections (each still waits for its answer). */
    overallRate?: number;
    timeout?: number;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };
  export default function autocannon(options: Options): Promise<Result>;
}
