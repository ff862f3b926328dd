/**
 * The pane's sign-in, whatever the mode: who is signed in, and the bearer token for the service.
 * Tokens stay in memory (MSAL keeps its own cache); the workbook never holds one.
 */
export interface Account {
  user: string;
}

export interface SignIn {
  readonly mode: 'dev' | 'entra';
  /** Interactive: the button. In dev mode, with the token the reviewer pasted. */
  signIn(devToken?: string): Promise<Account>;
  /** Signs in without asking when the host allows it (single sign-on); null otherwise. */
  silent(): Promise<Account | null>;
  /** A token for the service; `fresh` after the service refused the previous one. */
  token(fresh: boolean): Promise<string>;
  signOut(): void;
}

export class NotSignedInError extends Error {
  constructor() {
    super('not signed in');
    this.name = 'NotSignedInError';
  }
}
