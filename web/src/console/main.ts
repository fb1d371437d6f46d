// Herald's operator console: outcome stats per message type and A/B
// variant, search notifications, open one to read each delivery's timeline
// (the decision log), and, for operator keys, watch the queues. It signs in with an API key kept in this tab's
// sessionStorage; the key travels only in the Authorization header to the
// Herald that served the page.
import { createClient, type Client } from "@connectrpc/connect";
import { durationMs, timestampDate, timestampFromDate, type Timestamp } from "@bufbuild/protobuf/wkt";
import { AnalyticsService, type StatsRow } from "../gen/herald/v1/analytics_pb";
import {
  NotificationService,
  NotificationStatus,
  type Delivery,
  type DeliveryEvent,
  type Notification,
} from "../gen/herald/v1/notification_pb";
import { Channel, DeliveryStatus, Priority } from "../gen/herald/v1/types_pb";
import { OperatorService, type QueueStats } from "../gen/herald/v1/operator_pb";
import { bearerTransport, Code, errorCode, errorMessage } from "../lib/transport";

const keyStorage = "herald.console.apiKey";
const queuePollMs = 5000;

const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector(sel) as T;

let notifications: Client<typeof NotificationService>;
let operator: Client<typeof OperatorService>;
let analytics: Client<typeof AnalyticsService>;
let queueTimer: ReturnType<typeof setInterval> | undefined;
let nextPageToken = "";
let lastFilter = {
  messageType: "",
  recipientId: "",
  status: NotificationStatus.UNSPECIFIED,
  deliveryStatus: DeliveryStatus.UNSPECIFIED,
};

function apiKey(): string {
  return sessionStorage.getItem(keyStorage) ?? "";
}

function start() {
  $<HTMLFormElement>("form.sign-in").addEventListener("submit", (e) => {
    e.preventDefault();
    const input = $<HTMLInputElement>("form.sign-in input[name=key]");
    sessionStorage.setItem(keyStorage, input.value.trim());
    input.value = "";
    void enter();
  });
  $<HTMLButtonElement>(".sign-out").addEventListener("click", () => signOut(""));
  fillSelect($("select[name=status]"), NotificationStatus, "any");
  fillSelect($("select[name=deliveryStatus]"), DeliveryStatus, "any");
  $<HTMLFormElement>("form.filters").addEventListener("submit", (e) => {
    e.preventDefault();
    void search();
  });
  $<HTMLButtonElement>(".search .more").addEventListener("click", () => void search(nextPageToken));
  $<HTMLFormElement>("form.stats-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    void loadStats();
  });
  window.addEventListener("hashchange", () => void route());

  const transport = bearerTransport(location.origin, apiKey);
  notifications = createClient(NotificationService, transport);
  operator = createClient(OperatorService, transport);
  analytics = createClient(AnalyticsService, transport);
  if (apiKey()) {
    void enter();
  } else {
    signOut("");
  }
}

function signOut(message: string) {
  sessionStorage.removeItem(keyStorage);
  clearInterval(queueTimer);
  $<HTMLElement>(".app").hidden = true;
  $<HTMLElement>(".who").hidden = true;
  $<HTMLElement>("form.sign-in").hidden = false;
  $<HTMLElement>("form.sign-in .error").textContent = message;
  $<HTMLInputElement>("form.sign-in input[name=key]").focus();
}

async function enter() {
  try {
    await notifications.listNotifications({ pageSize: 1 });
  } catch (err) {
    signOut(errorCode(err) === Code.Unauthenticated ? "That key was not accepted." : errorMessage(err));
    return;
  }
  $<HTMLElement>("form.sign-in").hidden = true;
  $<HTMLElement>(".app").hidden = false;
  $<HTMLElement>(".who").hidden = false;
  $<HTMLElement>(".who .role").textContent = "tenant key";
  void startQueues();
  await Promise.all([loadStats(), search()]);
  await route();
}

// Totals of stats rows summed over channels (and variants, or not).
interface Totals {
  label: string;
  sent: number;
  delivered: number;
  bounced: number;
  failed: number;
  suppressed: number;
  opened: number;
  clicked: number;
}

function sumRows(rows: StatsRow[], key: (r: StatsRow) => string): Totals[] {
  const out = new Map<string, Totals>();
  for (const r of rows) {
    const label = key(r);
    const t = out.get(label) ?? { label, sent: 0, delivered: 0, bounced: 0, failed: 0, suppressed: 0, opened: 0, clicked: 0 };
    t.sent += Number(r.sent);
    t.delivered += Number(r.delivered);
    t.bounced += Number(r.bounced);
    t.failed += Number(r.failed);
    t.suppressed += Object.values(r.suppressed).reduce((a, n) => a + Number(n), 0);
    t.opened += Number(r.opened);
    t.clicked += Number(r.clicked);
    out.set(label, t);
  }
  return [...out.values()];
}

const percent = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : "–");

async function loadStats() {
  const f = new FormData($<HTMLFormElement>("form.stats-filters"));
  const days = Number(f.get("days") ?? 7);
  const end = new Date();
  const start = new Date(end.getTime() - days * 86_400_000);
  await handle($(".stats .error"), async () => {
    const resp = await analytics.getStats({
      messageType: String(f.get("messageType") ?? "").trim(),
      startTime: timestampFromDate(start),
      endTime: timestampFromDate(end),
    });
    renderStats(resp.rows);
  });
}

function renderStats(rows: StatsRow[]) {
  const byType = sumRows(rows, (r) => r.messageType).map((t) =>
    row([t.label, ...[t.sent, t.delivered, t.bounced, t.failed, t.suppressed, t.opened, t.clicked].map(String)]),
  );
  if (byType.length === 0) byType.push(row(["Nothing was sent in this period."], "quiet", "td", 8));
  $<HTMLElement>(".stats .by-type tbody").replaceChildren(...byType);

  const variants = sumRows(rows, (r) => `${r.messageType} · ${r.variant || "control"}`);
  const byVariant = variants.map((t) =>
    row([t.label, String(t.sent), String(t.delivered), String(t.opened), String(t.clicked), percent(t.opened, t.sent), percent(t.clicked, t.sent)]),
  );
  if (byVariant.length === 0) byVariant.push(row(["No variants to compare."], "quiet", "td", 7));
  $<HTMLElement>(".stats .by-variant tbody").replaceChildren(...byVariant);
  $<HTMLElement>(".stats .variant-chart").replaceChildren(...(variants.length > 0 ? variantChart(variants) : []));
}

// variantChart draws each variant's open and click rates as bars: plain
// SVG, sized to the data.
function variantChart(variants: Totals[]): Element[] {
  const ns = "http://www.w3.org/2000/svg";
  const labelWidth = 220, barWidth = 360, barHeight = 10, rowHeight = 32;
  const svg = document.createElementNS(ns, "svg");
  const height = variants.length * rowHeight + 4;
  svg.setAttribute("viewBox", `0 0 ${labelWidth + barWidth + 60} ${height}`);
  svg.setAttribute("width", String(labelWidth + barWidth + 60));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Open and click rates per variant");
  const el = (tag: string, attrs: Record<string, string | number>, text = "") => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text) e.textContent = text;
    return e;
  };
  variants.forEach((t, i) => {
    const y = i * rowHeight + 4;
    const g = el("g", { class: "variant" });
    g.dataset.variant = t.label;
    g.append(el("text", { x: 0, y: y + 15 }, t.label));
    [
      ["open", t.opened],
      ["click", t.clicked],
    ].forEach(([kind, n], j) => {
      const by = y + j * (barHeight + 3);
      const rate = t.sent > 0 ? Number(n) / t.sent : 0;
      g.append(el("rect", { class: "track", x: labelWidth, y: by, width: barWidth, height: barHeight, rx: 2 }));
      const bar = el("rect", { class: `bar ${kind}`, x: labelWidth, y: by, width: Math.max(rate * barWidth, rate > 0 ? 1 : 0), height: barHeight, rx: 2 });
      bar.append(el("title", {}, `${t.label}: ${kind} rate ${percent(Number(n), t.sent)}`));
      g.append(bar, el("text", { class: "value", x: labelWidth + barWidth + 6, y: by + barHeight - 1 }, percent(Number(n), t.sent)));
    });
    svg.append(g);
  });
  const legend = text("p", "", "legend");
  legend.append(text("span", "open rate", "open"), text("span", "click rate", "click"));
  return [legend, svg];
}

// handle runs an API call, sending the operator back to sign-in when the
// key stops working and showing other failures in place.
async function handle(where: HTMLElement, fn: () => Promise<void>) {
  where.textContent = "";
  try {
    await fn();
  } catch (err) {
    if (errorCode(err) === Code.Unauthenticated) {
      signOut("The key is no longer accepted (revoked?). Sign in again.");
      return;
    }
    where.textContent = errorMessage(err);
  }
}

async function startQueues() {
  clearInterval(queueTimer);
  const panel = $<HTMLElement>(".queues");
  const refresh = async () => {
    try {
      const resp = await operator.getQueueStats({});
      panel.hidden = false;
      $<HTMLElement>(".who .role").textContent = "operator key";
      renderQueues(resp.queues);
    } catch (err) {
      if (errorCode(err) === Code.PermissionDenied) {
        panel.hidden = true; // not an operator key: no operator panels
        clearInterval(queueTimer);
      }
    }
  };
  await refresh();
  if (!panel.hidden) {
    queueTimer = setInterval(() => void refresh(), queuePollMs);
  }
}

function renderQueues(queues: QueueStats[]) {
  const busy = queues.filter((q) => q.available > 0n || q.running > 0n || q.scheduled > 0n);
  const rows = busy.map((q) => {
    const age = q.oldestAvailableAge ? durationMs(q.oldestAvailableAge) : 0;
    return row([q.queue, String(q.available), String(q.running), String(q.scheduled), age > 0 ? formatAge(age) : "–"],
      age > 60_000 ? "late" : "");
  });
  if (rows.length === 0) {
    rows.push(row([`All ${queues.length} lanes are empty.`], "quiet"));
  }
  $<HTMLElement>(".queues tbody").replaceChildren(...rows);
}

async function search(pageToken = "") {
  const form = $<HTMLFormElement>("form.filters");
  const f = new FormData(form);
  const id = String(f.get("id") ?? "").trim();
  if (id && !pageToken) {
    location.hash = `#/notifications/${encodeURIComponent(id)}`;
    return;
  }
  if (!pageToken) {
    lastFilter = {
      messageType: String(f.get("messageType") ?? "").trim(),
      recipientId: String(f.get("recipientId") ?? "").trim(),
      status: Number(f.get("status") ?? 0) as NotificationStatus,
      deliveryStatus: Number(f.get("deliveryStatus") ?? 0) as DeliveryStatus,
    };
  }
  await handle($(".search .error"), async () => {
    const resp = await notifications.listNotifications({ ...lastFilter, pageSize: 25, pageToken });
    const rows = resp.notifications.map((n) => {
      const tr = row([
        formatTime(n.createTime),
        "",
        `${n.messageType} v${n.messageTypeVersion}`,
        enumLabel(NotificationStatus, n.status),
        summariseDeliveries(n.deliveries),
      ]);
      const a = document.createElement("a");
      a.href = `#/notifications/${n.id}`;
      a.textContent = n.id;
      tr.children[1].append(a);
      tr.dataset.id = n.id;
      return tr;
    });
    const tbody = $<HTMLElement>(".results tbody");
    if (pageToken) {
      tbody.append(...rows);
    } else {
      tbody.replaceChildren(...rows);
      if (rows.length === 0) {
        tbody.append(row(["No notifications match."], "quiet"));
      }
    }
    nextPageToken = resp.nextPageToken;
    $<HTMLElement>(".search .more").hidden = nextPageToken === "";
  });
}

function summariseDeliveries(ds: Delivery[]): string {
  const counts = new Map<string, number>();
  for (const d of ds) {
    const k = `${enumLabel(Channel, d.channel)} ${enumLabel(DeliveryStatus, d.status)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? `${n}× ${k}` : k)).join(", ") || "–";
}

async function route() {
  const m = /^#\/notifications\/(.+)$/.exec(location.hash);
  const panel = $<HTMLElement>(".detail");
  if (!m || $<HTMLElement>(".app").hidden) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const id = decodeURIComponent(m[1]);
  const summary = $<HTMLElement>(".detail .summary");
  const deliveries = $<HTMLElement>(".detail .deliveries");
  deliveries.replaceChildren();
  await handle(summary, async () => {
    const { notification: n } = await notifications.getNotification({ notificationId: id });
    if (n) {
      renderDetail(n, summary, deliveries);
      panel.scrollIntoView({ block: "start" });
    }
  });
}

function renderDetail(n: Notification, summary: HTMLElement, container: HTMLElement) {
  const facts: [string, string][] = [
    ["id", n.id],
    ["message type", `${n.messageType} v${n.messageTypeVersion}`],
    ["status", enumLabel(NotificationStatus, n.status)],
    ["priority", enumLabel(Priority, n.priority)],
    ["created", formatTime(n.createTime, true)],
    ["recipients", n.recipientIds.join(", ")],
    ["data", JSON.stringify(n.data ?? {})],
  ];
  if (n.idempotencyKey) facts.push(["idempotency key", n.idempotencyKey]);
  if (n.sendAt) facts.push(["send at", formatTime(n.sendAt, true)]);
  if (n.cancelTime) facts.push(["canceled", `${formatTime(n.cancelTime, true)} by ${n.canceledBy}`]);
  summary.replaceChildren(...facts.flatMap(([k, v]) => [text("dt", k), text("dd", v)]));

  if (n.deliveries.length === 0) {
    container.append(text("p", "No deliveries yet: the notification has not been fanned out.", "quiet"));
  }
  for (const d of n.deliveries) {
    const card = document.createElement("article");
    card.className = "delivery";
    card.dataset.id = d.id;
    const status = enumLabel(DeliveryStatus, d.status);
    const head = text("h3", `${d.recipientId} · ${enumLabel(Channel, d.channel)} · `);
    head.append(text("span", d.reason ? `${status} (${d.reason})` : status, `status ${status}`));
    const meta = [`${d.attempts} attempt${d.attempts === 1 ? "" : "s"}`];
    if (d.provider) meta.push(`via ${d.provider}`);
    if (d.variant) meta.push(`variant ${d.variant}`);
    meta.push(`delivery ${d.id}`);
    card.append(head, text("p", meta.join(" · "), "meta"));
    if (d.lastError) card.append(text("p", d.lastError, "error"));

    const table = document.createElement("table");
    table.className = "timeline";
    table.append(row(["time", "event", "status", "why / detail"], "", "th"));
    for (const e of d.events) {
      table.append(row([formatTime(e.time, true), e.type, enumLabel(DeliveryStatus, e.status), describe(e)]));
    }
    card.append(table);
    container.append(card);
  }
}

// describe says what an event decided and why, in one line.
function describe(e: DeliveryEvent): string {
  const parts: string[] = [];
  if (e.reason) parts.push(`reason ${e.reason}`);
  if (e.attempt) parts.push(`attempt #${e.attempt}`);
  if (e.provider) parts.push(e.provider);
  if (e.responseCode) parts.push(`HTTP ${e.responseCode}`);
  if (e.latency) parts.push(`${durationMs(e.latency).toFixed(1)} ms`);
  if (e.message) parts.push(e.message);
  if (e.details && Object.keys(e.details).length > 0) parts.push(JSON.stringify(e.details));
  return parts.join(" · ");
}

function enumLabel(e: Record<number, string>, v: number): string {
  return (e[v] ?? String(v)).toLowerCase();
}

function fillSelect(select: HTMLSelectElement, e: Record<string, string | number>, none: string) {
  for (const [name, value] of Object.entries(e)) {
    if (typeof value !== "number") continue;
    const o = document.createElement("option");
    o.value = String(value);
    o.textContent = value === 0 ? none : name.toLowerCase();
    select.append(o);
  }
}

function formatTime(t: Timestamp | undefined, precise = false): string {
  if (!t) return "–";
  const d = timestampDate(t);
  if (!precise) return d.toLocaleString();
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString([], { hour12: false })}.${String(d.getMilliseconds()).padStart(3, "0")}`;
}

function formatAge(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

function text(tag: string, content: string, cls = ""): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (cls) e.className = cls;
  return e;
}

function row(cells: string[], cls = "", cell = "td", span = 5): HTMLTableRowElement {
  const tr = document.createElement("tr");
  if (cls) tr.className = cls;
  tr.append(...cells.map((c) => text(cell, c)));
  if (cells.length === 1) (tr.firstElementChild as HTMLTableCellElement).colSpan = span;
  return tr;
}

start();
