package app_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/providers/webhook"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// testBundle is a running Herald (API and workers) on its own database, a
// tenant with an API key, and clients for it.
type testBundle struct {
	ctx           context.Context
	app           *app.App
	tenant        *store.Tenant
	key           string
	notifications heraldv1connect.NotificationServiceClient
	recipients    heraldv1connect.RecipientServiceClient
	messageTypes  heraldv1connect.MessageTypeServiceClient
}

// testConfig is the configuration tests run Herald with: a fresh database,
// a random port, fast retries.
func testConfig(t testing.TB, overrides map[string]string) app.Config {
	t.Helper()
	env := map[string]string{
		"HERALD_DATABASE_URL":          storetest.NewDatabase(t),
		"HERALD_ADDR":                  "127.0.0.1:0",
		"HERALD_WEBHOOK_ALLOW_PRIVATE": "true",
		"HERALD_AUTO_MIGRATE":          "false", // the template is migrated
		"HERALD_DB_MAX_CONNS":          "10",
		"HERALD_RETRY_BASE_DELAY":      "20ms",
		"HERALD_RETRY_MAX_DELAY":       "100ms",
		"HERALD_PROVIDER_TIMEOUT":      "5s",
		"HERALD_SHUTDOWN_TIMEOUT":      "5s",
	}
	for k, v := range overrides {
		env[k] = v
	}
	cfg, err := app.ConfigFromEnv(func(k string) string { return env[k] })
	require.NoError(t, err)
	return cfg
}

func setup(t testing.TB) *testBundle {
	t.Helper()
	return setupWith(t, testConfig(t, nil))
}

func setupWith(t testing.TB, cfg app.Config, options ...func(*app.Options)) *testBundle {
	t.Helper()
	opts := &app.Options{}
	for _, o := range options {
		o(opts)
	}
	return setupWithOptions(t, cfg, opts)
}

// setupLogged starts Herald logging to logger.
func setupLogged(t testing.TB, cfg app.Config, logger *slog.Logger) *testBundle {
	t.Helper()
	return setupWithOptions(t, cfg, &app.Options{Logger: logger})
}

// setupWithOptions starts Herald with opts; a nil Logger logs warnings to
// the test, and Queues default to fast polling.
func setupWithOptions(t testing.TB, cfg app.Config, opts *app.Options) *testBundle {
	t.Helper()
	ctx := context.Background()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if opts.Queues == nil {
		opts.Queues = &jobs.QueueOptions{FetchCooldown: time.Millisecond, FetchPollInterval: 50 * time.Millisecond}
	}
	a, err := app.New(ctx, cfg, opts)
	require.NoError(t, err)
	require.NoError(t, a.Start(ctx))
	t.Cleanup(func() {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		require.NoError(t, a.Shutdown(shutdownCtx))
	})

	return bundleFor(t, a)
}

// bundleFor creates tenant "acme" with an API key on a started app.
func bundleFor(t testing.TB, a *app.App) *testBundle {
	t.Helper()
	ctx := context.Background()
	tenant, err := a.Store().CreateTenant(ctx, "acme")
	require.NoError(t, err)
	key := store.NewAPIKey()
	_, err = a.Store().CreateAPIKey(ctx, tenant.ID, "test", key)
	require.NoError(t, err)

	b := &testBundle{ctx: ctx, app: a, tenant: tenant, key: key}
	b.notifications, b.recipients, b.messageTypes = clients(a.URL(), key)
	return b
}

func clients(url, key string, opts ...connect.ClientOption) (heraldv1connect.NotificationServiceClient, heraldv1connect.RecipientServiceClient, heraldv1connect.MessageTypeServiceClient) {
	opts = append(opts, connect.WithInterceptors(bearer(key)))
	return heraldv1connect.NewNotificationServiceClient(http.DefaultClient, url, opts...),
		heraldv1connect.NewRecipientServiceClient(http.DefaultClient, url, opts...),
		heraldv1connect.NewMessageTypeServiceClient(http.DefaultClient, url, opts...)
}

func bearer(key string) connect.Interceptor {
	return connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if key != "" {
				req.Header().Set("Authorization", "Bearer "+key)
			}
			return next(ctx, req)
		}
	})
}

// receiver is a webhook endpoint on loopback that answers with scripted
// statuses (then 200) and records what it got.
type receiver struct {
	t      *testing.T
	srv    *httptest.Server
	secret []byte

	mu       sync.Mutex
	script   []int
	requests []receivedWebhook
}

type receivedWebhook struct {
	idempotencyKey string
	signatureValid bool
	payload        webhook.Payload
}

func newReceiver(t *testing.T, secret []byte, statuses ...int) *receiver {
	r := &receiver{t: t, secret: secret, script: statuses}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	got := receivedWebhook{
		idempotencyKey: req.Header.Get(webhook.IdempotencyHeader),
		signatureValid: webhook.Verify(r.secret, req.Header.Get(webhook.SignatureHeader), body, time.Now(), 0) == nil,
	}
	if err := json.Unmarshal(body, &got.payload); err != nil {
		r.t.Errorf("receiver: payload is not JSON: %v", err)
	}
	r.mu.Lock()
	r.requests = append(r.requests, got)
	status := http.StatusOK
	if len(r.script) > 0 {
		status, r.script = r.script[0], r.script[1:]
	}
	r.mu.Unlock()
	w.WriteHeader(status)
}

func (r *receiver) received() []receivedWebhook {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]receivedWebhook(nil), r.requests...)
}

// webhookType upserts a message type on the webhook (and in-app) channel.
func (b *testBundle) webhookType(t testing.TB, key string, channels ...heraldv1.Channel) {
	t.Helper()
	if len(channels) == 0 {
		channels = []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK}
	}
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
		MessageType: &heraldv1.MessageType{
			Key: key, Category: "transactional", Channels: channels,
			Templates: &heraldv1.Templates{
				Webhook: &heraldv1.WebhookTemplate{Body: "Order {{.order}} shipped"},
				InApp:   &heraldv1.InAppTemplate{Title: "Order {{.order}}", Body: "It shipped."},
			},
		},
	}))
	require.NoError(t, err)
}

func (b *testBundle) recipient(t testing.TB, id, webhookURL string) {
	t.Helper()
	_, err := b.recipients.UpsertRecipient(b.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
		Recipient: &heraldv1.Recipient{Id: id, WebhookUrl: webhookURL, Email: id + "@example.com"},
	}))
	require.NoError(t, err)
}

func (b *testBundle) send(t testing.TB, req *heraldv1.SendRequest) *heraldv1.SendResponse {
	t.Helper()
	resp, err := b.notifications.Send(b.ctx, connect.NewRequest(req))
	require.NoError(t, err)
	return resp.Msg
}

func (b *testBundle) get(t *testing.T, id string) *heraldv1.Notification {
	t.Helper()
	resp, err := b.notifications.GetNotification(b.ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: id}))
	require.NoError(t, err)
	return resp.Msg.GetNotification()
}

// waitCompleted waits until every delivery of the notification is final.
func (b *testBundle) waitCompleted(t *testing.T, id string) *heraldv1.Notification {
	t.Helper()
	return b.waitCompletedWithin(t, id, 15*time.Second)
}

// waitCompletedWithin is waitCompleted with a bound of its own.
func (b *testBundle) waitCompletedWithin(t *testing.T, id string, bound time.Duration) *heraldv1.Notification {
	t.Helper()
	var n *heraldv1.Notification
	require.Eventually(t, func() bool {
		n = b.get(t, id)
		return n.GetStatus() == heraldv1.NotificationStatus_NOTIFICATION_STATUS_COMPLETED
	}, bound, 20*time.Millisecond, "notification %s did not complete", id)
	return n
}

func eventTypes(d *heraldv1.Delivery) []string {
	var out []string
	for _, e := range d.GetEvents() {
		out = append(out, e.GetType())
	}
	return out
}

func connectCode(t *testing.T, err error) connect.Code {
	t.Helper()
	require.Error(t, err)
	return connect.CodeOf(err)
}

// testClock is a clock a test moves by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock(now time.Time) *testClock { return &testClock{now: now} }

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func withClock(c *testClock) func(*app.Options) {
	return func(o *app.Options) { o.Now = c.Now }
}
