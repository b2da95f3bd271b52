// Messages between openCreditCache and the query worker. Errors cross the thread
// boundary as plain {code, message} and become CacheErrors again on this side.
import type { CacheReader } from './cacheReader';

export type QueryMethod = 'findByCode' | 'findManyByCode' | 'findHitsByCode' | 'findRepresentedBy' | 'search' | 'dataInfo' | 'check';

export interface QueryRequest {
  id: number;
  method: QueryMethod;
  args: unknown[];
}

export type QueryResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code?: string; message: string } };

export interface WorkerInit {
  file: string;
  key: Uint8Array;
}

/** Runs one request against a reader: the dispatch table both sides share. */
export function runQuery(reader: CacheReader, method: QueryMethod, args: unknown[]): unknown {
  switch (method) {
    case 'findByCode':
      return reader.findByCode(args[0] as string);
    case 'findManyByCode':
      return reader.findManyByCode(args[0] as string[]);
    case 'findHitsByCode':
      return reader.findHitsByCode(args[0] as string[]);
    case 'findRepresentedBy':
      return reader.findRepresentedBy(args[0] as { idNumber: string; name: string });
    case 'search':
      return reader.search(args[0] as string, args[1] as { page?: number; pageSize?: number });
    case 'dataInfo':
      return reader.dataInfo();
    case 'check':
      return reader.check();
  }
}
