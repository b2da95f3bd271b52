// Config of the reader vendor's card photo decoder (WLT → picture), the operator's to
// install with the vendor's licence: a helper program the kiosk starts for each photo
// and talks to over a fixed protocol (node/face/vendorPhotoDecoder.ts, docs/readers.md).
import { z } from 'zod';

/** An absolute path on either system: the kiosk never searches PATH for a program that sees card photos. */
const AbsolutePath = z.string().regex(/^(\/|[A-Za-z]:[\\/])/, 'an absolute path');

export const PhotoDecoderConfigSchema = z
  .object({
    kind: z.literal('process'),
    /** The vendor's helper program. */
    command: AbsolutePath,
    /** Its arguments (no card data ever goes on a command line). */
    args: z.array(z.string().max(400)).max(20).default([]),
    /** A helper that has not answered a photo in this time is stopped: "cannot decode". */
    timeoutMs: z.number().int().min(200).max(10_000).default(2000),
  })
  .strict();

export type PhotoDecoderConfig = z.output<typeof PhotoDecoderConfigSchema>;
