// oidc-provider ships no types; this declares the little of it the test provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface Grant {
    addOIDCScope (scope: string): void
    save (): Promise<string>
  }
  export interface InteractionDetails { uid: string, prompt: { name: string }, params: Record<string, unknown> }
  export interface AccountContext {
    oidc: {
      client: { clientId: string }
      session: { accountId: string, grantIdFor (clientId: string): string | undefined }
      result?: { consent?: { grantId?: string } }
      provider: Provider
    }
  }
  export default class Provider {
    constructor (issuer: string, configuration: Record<string, unknown>)
    Grant: { new (init: { accountId: string, clientId: string }): Grant, find (id: string): Promise<Grant | undefined> }
    callback (): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails (req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished (req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>
  }
}
