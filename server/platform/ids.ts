import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7) made in the application: PostgreSQL 15 has no uuidv7(). */
export const newId = (): string => v7();
