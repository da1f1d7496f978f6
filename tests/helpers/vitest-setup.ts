import { vi } from 'vitest';

// `server-only` throws outside Next's server bundle; tests import server modules directly.
vi.mock('server-only', () => ({}));
