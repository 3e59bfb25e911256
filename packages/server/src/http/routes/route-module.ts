import type { AppDeps } from '../../services/deps';
import type { ApiApp } from '../app-env';

/** One resource's routes: a function that registers them on the app (see routes/index.ts). */
export type RouteModule = (app: ApiApp, deps: AppDeps) => void;
