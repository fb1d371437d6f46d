// What the Go tests that run these files pass in (see
// cmd/herald/internal/app/web_test.go): a running Herald and credentials.
import type { Interceptor } from "@connectrpc/connect";

export function env(name: string): string {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: these tests are run by "go test ./cmd/herald/internal/app" (make test)`);
  }
  return v;
}

export function bearer(token: string): Interceptor {
  return (next) => async (req) => {
    req.header.set("Authorization", `Bearer ${token}`);
    return next(req);
  };
}
