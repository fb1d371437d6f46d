// <herald-inbox>: a bell with an unread badge that opens the recipient's
// Herald inbox, updated live over WatchInbox.
//
//   <script type="module" src="https://herald.example.com/inbox/herald-inbox.js"></script>
//   <herald-inbox api="https://herald.example.com" token="hit_…"></herald-inbox>
//
// The token is an inbox token your backend mints for the signed-in user
// (RecipientService.CreateInboxToken). When it expires the element fires
// "herald-inbox-token-expired"; set a new one on the `token` attribute or
// property and it carries on. It also fires "herald-inbox-count" with
// { detail: { count } } whenever the unread count changes.
import { createClient, type Client } from "@connectrpc/connect";
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { InboxService, type InboxItem } from "../gen/herald/v1/inbox_pb";
import { bearerTransport, Code, errorCode, errorMessage } from "../lib/transport";

const styles = `
:host { position: relative; display: inline-block; font: 14px/1.4 system-ui, sans-serif; color: var(--herald-text, #1d2330);
  --accent: var(--herald-accent, #3557d6); }
button { font: inherit; cursor: pointer; }
.bell { position: relative; display: grid; place-items: center; width: 40px; height: 40px; border-radius: 50%;
  border: 1px solid #d5d9e2; background: var(--herald-background, #fff); color: inherit; }
.bell:focus-visible, .panel button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.bell svg { width: 20px; height: 20px; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 18px; height: 18px; padding: 0 5px; box-sizing: border-box;
  border-radius: 9px; background: #d7263d; color: #fff; font-size: 11px; font-weight: 600; line-height: 18px; text-align: center; }
.panel { position: absolute; right: 0; top: 48px; z-index: 10; width: min(360px, 90vw); max-height: 70vh; overflow: auto;
  background: var(--herald-background, #fff); border: 1px solid #d5d9e2; border-radius: 10px; box-shadow: 0 8px 28px rgba(20, 30, 60, .16); }
header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px; border-bottom: 1px solid #eceef3; }
h2 { margin: 0; font-size: 15px; }
.link { border: 0; background: none; color: var(--accent); padding: 2px 4px; }
.link:disabled { color: #9aa1b1; cursor: default; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: grid; grid-template-columns: 10px 1fr auto; gap: 4px 10px; padding: 10px 14px; border-bottom: 1px solid #f0f1f5; }
li .dot { width: 8px; height: 8px; margin-top: 6px; border-radius: 50%; }
li.unread .dot { background: var(--accent); }
li.unread .title { font-weight: 600; }
.title { grid-column: 2; }
.body { grid-column: 2; color: #4a5266; white-space: pre-line; }
time { grid-column: 2; color: #7a8194; font-size: 12px; }
.actions { grid-column: 3; grid-row: 1 / span 3; display: flex; flex-direction: column; gap: 2px; align-items: end; }
.title a { color: inherit; }
.empty, .status { margin: 0; padding: 16px 14px; color: #7a8194; }
.status:empty { display: none; }
.more { display: block; width: 100%; padding: 10px; }
[hidden] { display: none !important; }
`;

const bellIcon = `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
<path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/></svg>`;

const pageSize = 20;
const maxBackoffMs = 30_000;

export class HeraldInbox extends HTMLElement {
  static observedAttributes = ["api", "token"];

  #root: ShadowRoot;
  #bell: HTMLButtonElement;
  #badge: HTMLElement;
  #panel: HTMLElement;
  #list: HTMLUListElement;
  #empty: HTMLElement;
  #status: HTMLElement;
  #more: HTMLButtonElement;
  #markAll: HTMLButtonElement;

  #client?: Client<typeof InboxService>;
  #abort?: AbortController;
  #items: InboxItem[] = [];
  #unread = 0;
  #nextPageToken = "";
  #refresh?: ReturnType<typeof setTimeout>;
  #closeOnOutsideClick = (e: MouseEvent) => {
    if (!e.composedPath().includes(this)) {
      this.toggle(false);
    }
  };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.innerHTML = `<style>${styles}</style>
<button class="bell" part="bell" aria-haspopup="true" aria-expanded="false">${bellIcon}<span class="badge" part="badge" hidden></span></button>
<section class="panel" part="panel" hidden aria-label="Notifications">
  <header><h2>Notifications</h2><button class="link mark-all" disabled>Mark all read</button></header>
  <p class="status" role="status"></p>
  <ul class="items"></ul>
  <p class="empty" hidden>You're all caught up.</p>
  <button class="link more" hidden>Load more</button>
</section>`;
    const $ = <T extends Element>(sel: string) => this.#root.querySelector(sel) as T;
    this.#bell = $(".bell");
    this.#badge = $(".badge");
    this.#panel = $(".panel");
    this.#list = $(".items");
    this.#empty = $(".empty");
    this.#status = $(".status");
    this.#more = $(".more");
    this.#markAll = $(".mark-all");
    this.#bell.addEventListener("click", () => this.toggle());
    this.#markAll.addEventListener("click", () => void this.#run(async (c) => this.#setUnread((await c.markAllRead({})).unreadCount)));
    this.#more.addEventListener("click", () => void this.#load(this.#nextPageToken));
    this.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.#panel.hidden) {
        this.toggle(false);
        this.#bell.focus();
      }
    });
    this.#render();
  }

  /** token is the inbox token the element calls Herald with. */
  get token(): string {
    return this.getAttribute("token") ?? "";
  }
  set token(v: string) {
    this.setAttribute("token", v);
  }

  /** unreadCount is the recipient's unread count as last heard. */
  get unreadCount(): number {
    return this.#unread;
  }

  connectedCallback() {
    document.addEventListener("click", this.#closeOnOutsideClick);
    this.#start();
  }

  disconnectedCallback() {
    document.removeEventListener("click", this.#closeOnOutsideClick);
    this.#stop();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null) {
    if (old !== value && this.isConnected) {
      this.#start();
    }
  }

  /** toggle opens or closes the list. */
  toggle(open = this.#panel.hidden) {
    this.#panel.hidden = !open;
    this.#bell.setAttribute("aria-expanded", String(open));
  }

  #start() {
    this.#stop();
    const api = this.getAttribute("api") ?? "";
    if (!api || !this.token) {
      return;
    }
    this.#client = createClient(InboxService, bearerTransport(api.replace(/\/+$/, ""), () => this.token));
    this.#abort = new AbortController();
    void this.#watch(this.#client, this.#abort.signal);
  }

  #stop() {
    this.#abort?.abort();
    this.#abort = undefined;
    clearTimeout(this.#refresh);
  }

  // watch keeps a WatchInbox stream open, reconnecting with backoff. Its
  // first message carries the count; the list is (re)read then, so nothing
  // committed while disconnected is missed.
  async #watch(client: Client<typeof InboxService>, signal: AbortSignal) {
    let backoff = 500;
    while (!signal.aborted) {
      try {
        let first = true;
        for await (const msg of client.watchInbox({}, { signal })) {
          backoff = 500;
          this.#status.textContent = "";
          if (first) {
            first = false;
            this.#setUnread(msg.unreadCount);
            await this.#load("");
            continue;
          }
          if (msg.item) {
            this.#add(msg.item);
            this.#setUnread(msg.unreadCount);
          } else {
            this.#setUnread(msg.unreadCount);
            // Read or archived elsewhere (another tab): re-read the list.
            clearTimeout(this.#refresh);
            this.#refresh = setTimeout(() => void this.#load(""), 200);
          }
        }
      } catch (err) {
        if (signal.aborted) {
          return;
        }
        if (errorCode(err) === Code.Unauthenticated) {
          this.#status.textContent = "Session expired.";
          this.dispatchEvent(new CustomEvent("herald-inbox-token-expired", { bubbles: true, composed: true }));
          return; // a new token restarts the element
        }
        this.#status.textContent = "Reconnecting…";
      }
      await new Promise((r) => setTimeout(r, backoff * (0.5 + Math.random())));
      backoff = Math.min(backoff * 2, maxBackoffMs);
    }
  }

  // load reads a page: from the top (pageToken "") replacing the list, or
  // the next page appended.
  async #load(pageToken: string) {
    await this.#run(async (c) => {
      const resp = await c.listInbox({ pageSize, pageToken });
      if (pageToken === "") {
        // Keep items streamed in meanwhile that the page does not reach.
        const seen = new Set(resp.items.map((i) => i.id));
        const oldest = resp.items.at(-1);
        const newer = this.#items.filter((i) => !seen.has(i.id) && oldest && created(i) > created(oldest));
        this.#items = [...newer, ...resp.items];
      } else {
        const seen = new Set(this.#items.map((i) => i.id));
        this.#items.push(...resp.items.filter((i) => !seen.has(i.id)));
      }
      this.#nextPageToken = resp.nextPageToken;
      this.#render();
    });
  }

  #add(item: InboxItem) {
    if (this.#items.some((i) => i.id === item.id)) {
      return;
    }
    this.#items.push(item);
    this.#items.sort((a, b) => created(b) - created(a));
    this.#render();
  }

  #setUnread(n: bigint) {
    const count = Number(n);
    if (count === this.#unread && this.#badge.textContent !== "") {
      return;
    }
    this.#unread = count;
    this.#badge.textContent = count > 99 ? "99+" : String(count);
    this.#badge.hidden = count === 0;
    this.#bell.setAttribute("aria-label", count === 0 ? "Notifications" : `Notifications, ${count} unread`);
    this.#markAll.disabled = count === 0;
    this.dispatchEvent(new CustomEvent("herald-inbox-count", { detail: { count }, bubbles: true, composed: true }));
  }

  async #markRead(item: InboxItem) {
    await this.#run(async (c) => {
      const resp = await c.markRead({ itemIds: [item.id] });
      item.read = true;
      this.#setUnread(resp.unreadCount);
      this.#render();
    });
  }

  async #archive(item: InboxItem) {
    await this.#run(async (c) => {
      const resp = await c.archive({ itemIds: [item.id] });
      this.#items = this.#items.filter((i) => i.id !== item.id);
      this.#setUnread(resp.unreadCount);
      this.#render();
    });
  }

  // run calls Herald, showing failures in the panel instead of throwing.
  async #run(fn: (c: Client<typeof InboxService>) => Promise<void>) {
    if (!this.#client) {
      return;
    }
    try {
      await fn(this.#client);
    } catch (err) {
      this.#status.textContent = `Could not reach notifications: ${errorMessage(err)}`;
    }
  }

  #render() {
    const rows = this.#items.map((item) => {
      const li = document.createElement("li");
      li.className = item.read ? "read" : "unread";
      li.dataset.id = item.id;
      const dot = el("span", "dot");
      const title = el("span", "title");
      const link = safeLink(item.link);
      if (link) {
        const a = document.createElement("a");
        a.href = link;
        a.textContent = item.title;
        a.addEventListener("click", () => {
          // Best effort: recorded when the message type tracks clicks.
          this.#client?.reportClick({ itemId: item.id }).catch(() => undefined);
          void (item.read || this.#markRead(item));
        });
        title.append(a);
      } else {
        title.textContent = item.title;
      }
      const body = el("span", "body", item.body);
      const time = document.createElement("time");
      const when = item.createTime ? timestampDate(item.createTime) : undefined;
      if (when) {
        time.dateTime = when.toISOString();
        time.textContent = when.toLocaleString();
      }
      const actions = el("span", "actions");
      if (!item.read) {
        actions.append(button("Mark read", "mark-read", () => void this.#markRead(item)));
      }
      actions.append(button("Archive", "archive", () => void this.#archive(item)));
      li.append(dot, title, body, time, actions);
      return li;
    });
    this.#list.replaceChildren(...rows);
    this.#empty.hidden = this.#items.length > 0;
    this.#more.hidden = this.#nextPageToken === "";
  }
}

function created(i: InboxItem): number {
  return i.createTime ? timestampDate(i.createTime).getTime() : 0;
}

function el(tag: string, cls: string, text = ""): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
}

function button(label: string, cls: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.className = `link ${cls}`;
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

// safeLink allows only http(s) links: a template's link must not become a
// javascript: URL.
function safeLink(link: string): string | undefined {
  try {
    const u = new URL(link);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

if (!customElements.get("herald-inbox")) {
  customElements.define("herald-inbox", HeraldInbox);
}

declare global {
  interface HTMLElementTagNameMap {
    "herald-inbox": HeraldInbox;
  }
}
