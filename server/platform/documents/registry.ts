import type { Role } from '../../../common/roles.ts';
import type { Ctx } from '../context.ts';
import type { DocumentModel } from './model.ts';

/**
 * A kind of document a module can render by id (admission notice, contract, statement …). The outbox
 * stores `{ kind, id }` and renders at delivery, so queuing many messages costs no rendering.
 */
export interface DocumentKind {
  kind: string;
  /** Staff roles that may open it in the app (portal access is decided by the portal module). */
  roles: readonly Role[];
  load(ctx: Ctx, id: string): Promise<DocumentModel | null>;
}

export class DocumentRegistry {
  private readonly kinds = new Map<string, DocumentKind>();

  register(k: DocumentKind): this {
    if (this.kinds.has(k.kind)) throw new Error(`document kind ${k.kind} registered twice`);
    this.kinds.set(k.kind, k);
    return this;
  }

  get(kind: string): DocumentKind | undefined {
    return this.kinds.get(kind);
  }
}
