import type { Config } from '../config.ts';
import type { SessionPolicy } from './auth/sessions.ts';
import type { Database } from './db/database.ts';
import type { DocumentRegistry } from './documents/registry.ts';
import type { FileStore } from './files/fileStore.ts';
import type { JobRegistry } from './jobs/registry.ts';
import type { MailTransport } from './mail/transport.ts';

/** What the HTTP layer and the jobs are built from; made once at start. */
export interface Deps {
  db: Database;
  config: Config;
  jobs: JobRegistry;
  documents: DocumentRegistry;
  mail: MailTransport;
  files: FileStore;
  version: string;
}

export const sessionPolicy = (config: Config): SessionPolicy => ({
  idleMinutes: config.sessionIdleMinutes,
  absoluteHours: config.sessionAbsoluteHours,
});
