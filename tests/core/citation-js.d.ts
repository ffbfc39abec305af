// The little of @citation-js/core (0.8, untyped) the interchange test uses; the plugins register themselves.
declare module '@citation-js/core' {
  export class Cite {
    static async(data: string, options?: { forceType?: string }): Promise<Cite>;
    data: unknown[];
  }
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
