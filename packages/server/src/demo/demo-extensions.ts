import type { DemoExtension } from './demo-extension';
import { planDemo } from './plan-demo';

export const DEMO_EXTENSIONS: readonly DemoExtension[] = [planDemo];
