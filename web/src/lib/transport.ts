// Shared client plumbing for the inbox component and the console: a
// Connect transport that sends a bearer credential it reads at call time,
// so a refreshed token applies to the next call.
import { Code, ConnectError, type Interceptor, type Transport } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";

export function bearerTransport(baseUrl: string, credential: () => string): Transport {
  const auth: Interceptor = (next) => async (req) => {
    req.header.set("Authorization", `Bearer ${credential()}`);
    return next(req);
  };
  return createConnectTransport({ baseUrl, interceptors: [auth] });
}

/** errorCode returns the Connect code of err, or Unknown. */
export function errorCode(err: unknown): Code {
  return ConnectError.from(err).code;
}

/** errorMessage is what to show a person for err. */
export function errorMessage(err: unknown): string {
  return ConnectError.from(err).rawMessage;
}

export { Code };
