// The parts of the `ipp` package (no bundled types) this kiosk uses.
declare module 'ipp' {
  export type IppAttributes = Record<string, unknown>;
  export interface IppResponse {
    version: string;
    statusCode: string;
    id: number;
    'operation-attributes-tag'?: IppAttributes;
    'printer-attributes-tag'?: IppAttributes;
    'job-attributes-tag'?: IppAttributes;
    'unsupported-attributes-tag'?: IppAttributes;
  }
  export interface IppMessage {
    'operation-attributes-tag': IppAttributes;
    'job-attributes-tag'?: IppAttributes;
    data?: Buffer;
  }
  export interface IppPrinter {
    execute(operation: string, message: IppMessage | null, callback: (err: Error | null, response: IppResponse) => void): void;
  }
  export function Printer(url: string, options?: { version?: string; uri?: string; charset?: string; language?: string }): IppPrinter;
  const ipp: { Printer: typeof Printer };
  export default ipp;
}
