import type { Config } from './config.ts';
import { buildDocumentRegistry } from './documents.ts';
import { buildJobRegistry } from './jobs.ts';
import type { Database } from './platform/db/database.ts';
import type { Deps } from './platform/deps.ts';
import { FileStore } from './platform/files/fileStore.ts';
import { createMailTransport } from './platform/mail/transport.ts';
import { VERSION } from './version.ts';

/** Wires the application's parts once: the server, the CLI and the tests all start from here. */
export function buildDeps(db: Database, config: Config, version = VERSION): Deps {
  const documents = buildDocumentRegistry();
  const mail = createMailTransport(config.smtpUrl);
  return {
    db,
    config,
    documents,
    mail,
    files: new FileStore(config.filesDir),
    jobs: buildJobRegistry(config, { documents, mail }),
    version,
  };
}
