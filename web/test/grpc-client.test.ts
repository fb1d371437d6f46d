// A Node.js service sending a notification with the generated TypeScript
// client over gRPC (HTTP/2): the same protos serve Go and everything else.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { NotificationService } from "../src/gen/herald/v1/notification_pb";
import { DeliveryStatus } from "../src/gen/herald/v1/types_pb";
import { bearer, env } from "./env";

const url = env("HERALD_URL");
const transport = createGrpcTransport({ baseUrl: url, interceptors: [bearer(env("HERALD_API_KEY"))] });
const client = createClient(NotificationService, transport);

test("sends a notification over gRPC and reads its deliveries", async () => {
  const req = {
    messageType: "ping",
    recipientIds: ["alice"],
    data: { order: "from-node" },
    idempotencyKey: "node-grpc-1",
  };
  const sent = await client.send(req);
  assert.match(sent.notificationId, /^[0-9a-f-]{36}$/);
  assert.equal(sent.duplicate, false);

  const again = await client.send(req);
  assert.equal(again.notificationId, sent.notificationId);
  assert.equal(again.duplicate, true, "same idempotency key, same notification");

  let status = DeliveryStatus.UNSPECIFIED;
  for (let i = 0; i < 100 && status !== DeliveryStatus.SENT; i++) {
    const { notification } = await client.getNotification({ notificationId: sent.notificationId });
    status = notification?.deliveries[0]?.status ?? DeliveryStatus.UNSPECIFIED;
    if (status !== DeliveryStatus.SENT) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(DeliveryStatus[status], "SENT");

  // The gRPC metrics of the server saw this call as gRPC.
  const metrics = await (await fetch(`${url}/metrics`)).text();
  assert.match(metrics, /rpc_server_[a-z_]+\{[^}]*rpc_method="herald\.v1\.NotificationService\/Send"[^}]*rpc_system_name="grpc"/);
});

test("bad input comes back as a typed gRPC error naming the field", async () => {
  await assert.rejects(client.send({ messageType: "ping", recipientIds: [] }), (err: unknown) => {
    const ce = ConnectError.from(err);
    assert.equal(ce.code, Code.InvalidArgument);
    assert.match(ce.rawMessage, /recipient_ids/);
    return true;
  });
  const stranger = createClient(NotificationService, createGrpcTransport({ baseUrl: url, interceptors: [bearer("hk_nope")] }));
  await assert.rejects(stranger.send({ messageType: "ping", recipientIds: ["alice"] }), (err: unknown) => {
    assert.equal(ConnectError.from(err).code, Code.Unauthenticated);
    return true;
  });
});
