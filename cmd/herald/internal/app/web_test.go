package app_test

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

// webDir is the web/ directory, from this package's.
const webDir = "../../../../web"

// runNode runs one of web/test's files with Node's test runner, against
// the environment env, and fails t with Node's output if it fails. The
// TypeScript runs through tsx, as installed by `npm ci` in web/ (make test
// does that).
func runNode(t *testing.T, file string, env map[string]string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(webDir, "node_modules", ".bin", "tsx")); err != nil {
		t.Fatalf("web/node_modules is missing: run `make web-deps` (npm ci in web/) first: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "--import", "tsx", "--test", "--test-reporter=spec", filepath.Join("test", file))
	cmd.Dir = webDir
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	t.Logf("node %s:\n%s", file, out)
	require.NoError(t, err, "node test %s failed", file)
}

// operatorKey creates an API key with the operator role for b's tenant.
func (b *testBundle) operatorKey(t *testing.T) string {
	t.Helper()
	key := store.NewAPIKey()
	k, err := b.app.Store().CreateAPIKey(b.ctx, b.tenant.ID, "console", key)
	require.NoError(t, err)
	require.NoError(t, b.app.Store().SetAPIKeyOperator(b.ctx, b.tenant.ID, k.ID, true))
	return key
}

// TestNodeGRPCClient: a Node.js service uses the generated TypeScript
// client over gRPC to send a notification.
func TestNodeGRPCClient(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.inApp(t, "alice")
	runNode(t, "grpc-client.test.ts", map[string]string{"HERALD_URL": b.app.URL(), "HERALD_API_KEY": b.key})
}

// tenantPage is a page of "a tenant's app" that embeds the inbox
// component from Herald, served from another origin than Herald's.
var tenantPage = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme</title><link rel="icon" href="data:,">
<script type="module" src="{{.Herald}}/inbox/herald-inbox.js"></script>
<style>body{margin:0;font:15px system-ui,sans-serif} header{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;border-bottom:1px solid #ddd}</style>
</head><body>
<header><strong>Acme</strong><herald-inbox api="{{.Herald}}" token="{{.Token}}"></herald-inbox></header>
<main style="padding:24px">Your orders…</main>
<script>window.counts = []; document.addEventListener("herald-inbox-count", (e) => counts.push(e.detail.count));</script>
</body></html>`))

// TestBrowserInboxAndConsole drives real headless Chromium: the inbox
// component on a tenant's page updates live and marks read; the console
// shows the delivery timeline. Screenshots land in web/test-results/.
func TestBrowserInboxAndConsole(t *testing.T) {
	t.Parallel()
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("no Chromium at %s: apt-get install chromium (or set CHROMIUM): %v", chromium, err)
	}

	var page struct{ Herald, Token string }
	pageSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		tenantPage.Execute(w, page) //nolint:errcheck // the browser sees what it gets
	}))
	t.Cleanup(pageSrv.Close)

	flags := newFlagFile(t, `"template-variant":{"state":"ENABLED","variants":{"control":"","b":"b"},"defaultVariant":"control",
	  "targeting":{"if":[{"in":[{"var":"targetingKey"},["bob0","bob1","bob2","bob3"]]},"b","control"]}}`)
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_CORS_ORIGINS": pageSrv.URL, "HERALD_FLAGS_FILE": flags.path}))
	b.inApp(t, "alice")
	page.Herald = b.app.URL()
	page.Token = b.inboxToken(t, "alice", time.Hour)
	b.abTest(t)

	shots, err := filepath.Abs(filepath.Join(webDir, "test-results"))
	require.NoError(t, err)
	runNode(t, "browser.test.ts", map[string]string{
		"HERALD_URL": b.app.URL(), "HERALD_API_KEY": b.operatorKey(t), "INBOX_PAGE_URL": pageSrv.URL,
		"SCREENSHOT_DIR": shots, "CHROMIUM": chromium,
	})
	for _, name := range []string{"inbox-new-item.png", "inbox-read.png", "console-timeline.png", "console-stats.png"} {
		info, err := os.Stat(filepath.Join(shots, name))
		require.NoError(t, err)
		require.Positive(t, info.Size())
	}
}

// abTest sends an in-app "promo" with an A/B variant to bob0..bob9 (bob0-3
// get variant b) and reads it as bob0, bob4 and bob5: per variant, 4 sent
// and 1 opened of b, 6 sent and 2 opened of the control, for the console's
// stats.
func (b *testBundle) abTest(t *testing.T) {
	t.Helper()
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: "promo", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_IN_APP},
		Templates: &heraldv1.Templates{InApp: &heraldv1.InAppTemplate{Title: "Sale", Body: "Today only"}},
		Variants:  map[string]*heraldv1.Templates{"b": {InApp: &heraldv1.InAppTemplate{Title: "Sale: 20% off", Body: "Today only"}}},
	}}))
	require.NoError(t, err)
	var ids []string
	for i := range 10 {
		ids = append(ids, fmt.Sprint("bob", i))
		b.recipient(t, ids[i], "")
	}
	n := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "promo", RecipientIds: ids}).GetNotificationId())
	for _, d := range n.GetDeliveries() {
		require.Equal(t, d.GetRecipientId() < "bob4", d.GetVariant() == "b", d.GetRecipientId())
	}
	for _, r := range []string{"bob0", "bob4", "bob5"} {
		_, err := heraldv1connect.NewInboxServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(b.inboxToken(t, r, time.Hour)))).
			MarkAllRead(b.ctx, connect.NewRequest(&heraldv1.MarkAllReadRequest{}))
		require.NoError(t, err)
	}
}

// TestConsoleAndComponentAreServed checks the embedded assets' headers: the
// console locked to its own origin, the component loadable cross-origin.
func TestConsoleAndComponentAreServed(t *testing.T) {
	t.Parallel()
	b := setup(t)
	get := func(path string) (*http.Response, string) {
		resp, err := http.Get(b.app.URL() + path)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(body)
	}
	resp, body := get("/console/")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, body, "Herald console")
	require.Contains(t, resp.Header.Get("Content-Security-Policy"), "connect-src 'self'")
	require.Equal(t, "DENY", resp.Header.Get("X-Frame-Options"))

	resp, _ = get("/console")
	require.Equal(t, http.StatusOK, resp.StatusCode, "redirected to /console/")
	require.True(t, strings.HasSuffix(resp.Request.URL.Path, "/console/"))

	resp, body = get("/inbox/herald-inbox.js")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, resp.Header.Get("Content-Type"), "javascript")
	require.Equal(t, "*", resp.Header.Get("Access-Control-Allow-Origin"))
	require.Contains(t, body, "herald-inbox")
	require.True(t, resp.Uncompressed, "sent gzipped to a client that takes it")

	resp, _ = get("/console/nope.js")
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
}
