package app_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protojson"
	"log/slog"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/providers/providertest"
)

// fakes are loopback servers for every provider, and the environment that
// points Herald at them.
type fakes struct {
	sendgrid *providertest.SendGrid
	smtp     *providertest.SMTP
	twilio   *providertest.Twilio
	fcm      *providertest.FCM
	apns     *providertest.APNs
	slack    *providertest.Slack
	env      map[string]string
}

const (
	sendgridKey = "SG.sendgrid-api-key-do-not-log"
	smtpPass    = "smtp-password-do-not-log"
	twilioToken = "twilio-auth-token-do-not-log"
	twilioSID   = "AC0123456789abcdef0123456789abcdef"
)

func newFakes(t *testing.T) *fakes {
	t.Helper()
	f := &fakes{
		sendgrid: providertest.NewSendGrid(t, sendgridKey),
		smtp:     providertest.NewSMTP(t, "herald", smtpPass),
		twilio:   providertest.NewTwilio(t, twilioSID, twilioToken),
		fcm:      providertest.NewFCM(t),
		apns:     providertest.NewAPNs(t),
		slack:    providertest.NewSlack(t),
	}
	dir := t.TempDir()
	creds, p8 := filepath.Join(dir, "fcm.json"), filepath.Join(dir, "apns.p8")
	require.NoError(t, os.WriteFile(creds, f.fcm.ServiceAccountJSON(), 0o600))
	require.NoError(t, os.WriteFile(p8, f.apns.KeyPEM(), 0o600))
	f.env = map[string]string{
		"HERALD_SENDGRID_API_KEY":     sendgridKey,
		"HERALD_SENDGRID_FROM":        "Herald <no-reply@example.com>",
		"HERALD_SENDGRID_URL":         f.sendgrid.URL,
		"HERALD_SMTP_HOST":            f.smtp.Host(),
		"HERALD_SMTP_PORT":            fmt.Sprint(f.smtp.Port()),
		"HERALD_SMTP_USERNAME":        "herald",
		"HERALD_SMTP_PASSWORD":        smtpPass,
		"HERALD_SMTP_FROM":            "Herald <no-reply@example.com>",
		"HERALD_EMAIL_PROVIDERS":      "sendgrid,smtp",
		"HERALD_TWILIO_ACCOUNT_SID":   twilioSID,
		"HERALD_TWILIO_AUTH_TOKEN":    twilioToken,
		"HERALD_TWILIO_FROM":          "+14155550100",
		"HERALD_TWILIO_URL":           f.twilio.URL,
		"HERALD_FCM_CREDENTIALS_FILE": creds,
		"HERALD_FCM_URL":              f.fcm.URL,
		"HERALD_APNS_KEY_FILE":        p8,
		"HERALD_APNS_KEY_ID":          f.apns.KeyID,
		"HERALD_APNS_TEAM_ID":         f.apns.TeamID,
		"HERALD_APNS_TOPIC":           f.apns.Topic,
		"HERALD_APNS_URL":             f.apns.URL,
	}
	return f
}

// start runs Herald against the fakes, with env on top of theirs.
func (f *fakes) start(t *testing.T, env map[string]string, logs *syncBuffer) *testBundle {
	t.Helper()
	merged := map[string]string{}
	for k, v := range f.env {
		merged[k] = v
	}
	for k, v := range env {
		merged[k] = v
	}
	return f.startWith(t, testConfig(t, merged), logs)
}

func (f *fakes) startWith(t *testing.T, cfg app.Config, logs *syncBuffer) *testBundle {
	t.Helper()
	_, roots := providertest.TLS(t)
	opts := &app.Options{RootCAs: roots}
	if logs != nil {
		opts.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return setupWithOptions(t, cfg, opts)
}

// syncBuffer collects logs from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// allChannelsType upserts a message type on the given channels with a
// template for each.
func (b *testBundle) allChannelsType(t *testing.T, key string, maxAttempts int32, channels ...heraldv1.Channel) {
	t.Helper()
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
		MessageType: &heraldv1.MessageType{
			Key: key, Category: "transactional", Channels: channels, MaxAttempts: maxAttempts,
			Templates: &heraldv1.Templates{
				Email: &heraldv1.EmailTemplate{Subject: "Order {{.order}}", Body: "Order {{.order}} shipped."},
				Sms:   &heraldv1.SmsTemplate{Body: "Order {{.order}} shipped."},
				Push:  &heraldv1.PushTemplate{Title: "Order {{.order}}", Body: "It shipped."},
				Slack: &heraldv1.SlackTemplate{Text: "Order {{.order}} shipped."},
			},
		},
	}))
	require.NoError(t, err)
}

func (b *testBundle) upsert(t *testing.T, r *heraldv1.Recipient) {
	t.Helper()
	_, err := b.recipients.UpsertRecipient(b.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{Recipient: r}))
	require.NoError(t, err)
}

func deliveryOn(n *heraldv1.Notification, c heraldv1.Channel) *heraldv1.Delivery {
	for _, d := range n.GetDeliveries() {
		if d.GetChannel() == c {
			return d
		}
	}
	return nil
}

func eventsOf(d *heraldv1.Delivery, typ string) []*heraldv1.DeliveryEvent {
	var out []*heraldv1.DeliveryEvent
	for _, e := range d.GetEvents() {
		if e.GetType() == typ {
			out = append(out, e)
		}
	}
	return out
}

// TestProviderOutageScenario is the check: the primary email
// provider answers 503 to every other call and SMS answers 429 with
// Retry-After to each message's first call. Every notification ends sent,
// none is accepted twice by any provider, and GetNotification shows the
// attempts and the provider that sent each delivery.
func TestProviderOutageScenario(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	f.sendgrid.SetScript(providertest.Every(2, providertest.Reply{Status: http.StatusServiceUnavailable,
		Body: `{"errors":[{"message":"Service Unavailable"}]}`}))
	f.twilio.SetScript(providertest.FirstPerKey(providertest.Reply{Status: http.StatusTooManyRequests,
		Header: http.Header{"Retry-After": {"1"}}, Body: `{"code":20429,"message":"Too Many Requests","status":429}`}))
	b := f.start(t, map[string]string{"HERALD_FAILOVER_AFTER": "1"}, nil)
	b.allChannelsType(t, "order.shipped", 5, heraldv1.Channel_CHANNEL_EMAIL, heraldv1.Channel_CHANNEL_SMS)

	const n = 200
	ids := make([]string, n)
	start := time.Now()
	for i := range n {
		rid := fmt.Sprintf("user-%03d", i)
		b.upsert(t, &heraldv1.Recipient{Id: rid, Email: rid + "@example.com", Phone: fmt.Sprintf("+336%08d", i)})
		ids[i] = b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{rid},
			Data: data(t, map[string]any{"order": i})}).GetNotificationId()
	}

	var viaSMTP, viaSendGrid int
	for _, id := range ids {
		note := b.waitCompleted(t, id)
		email, sms := deliveryOn(note, heraldv1.Channel_CHANNEL_EMAIL), deliveryOn(note, heraldv1.Channel_CHANNEL_SMS)
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, email.GetStatus(), "email of %s: %s", id, email.GetLastError())
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, sms.GetStatus(), "sms of %s: %s", id, sms.GetLastError())

		sent := eventsOf(email, "sent")
		require.Len(t, sent, 1)
		require.Equal(t, email.GetProvider(), sent[0].GetProvider(), "the delivery names the provider that sent it")
		attempts := eventsOf(email, "attempt")
		require.EqualValues(t, len(attempts), email.GetAttempts())
		switch email.GetProvider() {
		case "sendgrid":
			viaSendGrid++
			require.Len(t, attempts, 1)
		case "smtp":
			viaSMTP++
			require.Len(t, attempts, 2, "sendgrid's 503, then smtp")
			require.Equal(t, "sendgrid", attempts[0].GetProvider())
			require.EqualValues(t, 503, attempts[0].GetResponseCode())
			require.Equal(t, "transient", attempts[0].GetReason())
			require.Equal(t, "smtp", attempts[1].GetProvider())
			require.EqualValues(t, 2, attempts[1].GetAttempt())
			fo := eventsOf(email, "failover")
			require.Len(t, fo, 1)
			require.Equal(t, "sendgrid", fo[0].GetDetails().AsMap()["from"])
			require.Equal(t, "smtp", fo[0].GetDetails().AsMap()["to"])
		default:
			t.Fatalf("email sent by %q", email.GetProvider())
		}

		require.Equal(t, "twilio", sms.GetProvider())
		require.EqualValues(t, 2, sms.GetAttempts(), "429, then sent after Retry-After")
		smsAttempts := eventsOf(sms, "attempt")
		require.EqualValues(t, 429, smsAttempts[0].GetResponseCode())
		require.Equal(t, "throttled", smsAttempts[0].GetReason())
		require.Equal(t, "1s", smsAttempts[0].GetDetails().AsMap()["retryAfter"])
		throttled := eventsOf(sms, "throttled")
		require.Len(t, throttled, 1)
		require.GreaterOrEqual(t, smsAttempts[1].GetTime().AsTime().Sub(smsAttempts[0].GetTime().AsTime()), 900*time.Millisecond,
			"the retry waited for Retry-After")
	}
	elapsed := time.Since(start)

	// None twice: every delivery id was accepted exactly once, by exactly
	// one email provider.
	emailKeys := map[string]int{}
	for k, c := range f.sendgrid.Accepted() {
		emailKeys[k] += c
	}
	for k, c := range f.smtp.Accepted() {
		emailKeys[k] += c
	}
	require.Len(t, emailKeys, n)
	for k, c := range emailKeys {
		require.Equal(t, 1, c, "email %s accepted %d times", k, c)
	}
	smsKeys := f.twilio.Accepted()
	require.Len(t, smsKeys, n)
	for k, c := range smsKeys {
		require.Equal(t, 1, c, "sms %s accepted %d times", k, c)
	}
	require.Equal(t, viaSMTP, len(f.smtp.Accepted()))
	require.Positive(t, viaSMTP, "the 503s failed over to smtp")
	require.Positive(t, viaSendGrid)
	t.Logf("%d notifications (%d deliveries) sent in %s: email %d via sendgrid, %d via smtp after a 503; "+
		"sendgrid calls %d, twilio calls %d (%d throttled), smtp connections %d",
		n, 2*n, elapsed.Round(time.Millisecond), viaSendGrid, viaSMTP, len(f.sendgrid.Calls()), len(f.twilio.Calls()),
		len(f.twilio.Calls())-n, f.smtp.Connections())
}

// TestCircuitOpenFailsOverAtOnce: once the primary's circuit opens, later
// deliveries go straight to the next provider without calling it.
func TestCircuitOpenFailsOverAtOnce(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	f.sendgrid.SetScript(providertest.Always(providertest.Reply{Status: http.StatusBadGateway, Body: "bad gateway"}))
	b := f.start(t, map[string]string{"HERALD_BREAKER_FAILURES": "2", "HERALD_BREAKER_COOLDOWN": "1h", "HERALD_FAILOVER_AFTER": "1"}, nil)
	b.allChannelsType(t, "order.shipped", 5, heraldv1.Channel_CHANNEL_EMAIL)
	b.upsert(t, &heraldv1.Recipient{Id: "ada", Email: "ada@example.com"})

	for i := range 2 { // two 502s open the circuit
		note := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"ada"},
			Data: data(t, map[string]any{"order": i})}).GetNotificationId())
		require.Equal(t, "smtp", note.GetDeliveries()[0].GetProvider())
	}
	calls := len(f.sendgrid.Calls())
	require.Equal(t, 2, calls)

	note := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"ada"},
		Data: data(t, map[string]any{"order": 3})}).GetNotificationId())
	d := note.GetDeliveries()[0]
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
	require.Equal(t, "smtp", d.GetProvider())
	require.EqualValues(t, 1, d.GetAttempts(), "no call to the open provider")
	require.Equal(t, calls, len(f.sendgrid.Calls()), "sendgrid was not called")
	attempt := eventsOf(d, "attempt")[0]
	require.Equal(t, map[string]any{"sendgrid": "circuit_open"}, attempt.GetDetails().AsMap()["skipped"])
	require.Equal(t, "circuit_open", eventsOf(d, "failover")[0].GetDetails().AsMap()["why"])
}

// TestPushTokens: push goes to each device through its platform's provider
// (FCM, APNs over HTTP/2); tokens the provider calls invalid are removed
// from the recipient, with an event.
func TestPushTokens(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	f.fcm.Unregister("fcm-gone")
	f.apns.Reject("apns-gone", "Unregistered")
	b := f.start(t, nil, nil)
	b.allChannelsType(t, "order.shipped", 3, heraldv1.Channel_CHANNEL_PUSH)
	fcmP, apnsP := heraldv1.PushPlatform_PUSH_PLATFORM_FCM, heraldv1.PushPlatform_PUSH_PLATFORM_APNS
	b.upsert(t, &heraldv1.Recipient{Id: "ada", PushTokens: []*heraldv1.PushToken{
		{Token: "fcm-good", Platform: fcmP, DeviceId: "pixel"}, {Token: "fcm-gone", Platform: fcmP, DeviceId: "old-pixel"},
		{Token: "apns-good", Platform: apnsP, DeviceId: "iphone"}, {Token: "apns-gone", Platform: apnsP, DeviceId: "old-iphone"},
	}})
	b.upsert(t, &heraldv1.Recipient{Id: "bob", PushTokens: []*heraldv1.PushToken{{Token: "apns-bad", Platform: apnsP}}})
	f.apns.Reject("apns-bad", "BadDeviceToken")

	note := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"ada", "bob"},
		Data: data(t, map[string]any{"order": 7})}).GetNotificationId())
	var ada, bob *heraldv1.Delivery
	for _, d := range note.GetDeliveries() {
		if d.GetRecipientId() == "ada" {
			ada = d
		} else {
			bob = d
		}
	}
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, ada.GetStatus())
	require.Len(t, eventsOf(ada, "attempt"), 4, "one call per device")
	removed := eventsOf(ada, "token_removed")
	require.Len(t, removed, 2)
	require.ElementsMatch(t, []string{"fcm", "apns"}, []string{removed[0].GetProvider(), removed[1].GetProvider()})
	require.Equal(t, []string{"fcm-good"}, tokensTo(f.fcm.Calls(), true))
	require.Equal(t, []string{"apns-good"}, tokensTo(f.apns.Calls(), true))

	got, err := b.recipients.GetRecipient(b.ctx, connect.NewRequest(&heraldv1.GetRecipientRequest{RecipientId: "ada"}))
	require.NoError(t, err)
	var left []string
	for _, tok := range got.Msg.GetRecipient().GetPushTokens() {
		left = append(left, tok.GetToken())
	}
	require.Equal(t, []string{"fcm-good", "apns-good"}, left)

	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, bob.GetStatus())
	require.Equal(t, "permanent", bob.GetReason())
	require.EqualValues(t, 1, bob.GetAttempts(), "a bad token is not retried")
	require.Len(t, eventsOf(bob, "token_removed"), 1)
	got, err = b.recipients.GetRecipient(b.ctx, connect.NewRequest(&heraldv1.GetRecipientRequest{RecipientId: "bob"}))
	require.NoError(t, err)
	require.Empty(t, got.Msg.GetRecipient().GetPushTokens())
}

func tokensTo(calls []providertest.Call, accepted bool) []string {
	var out []string
	for _, c := range calls {
		if c.Accepted() == accepted {
			out = append(out, c.To)
		}
	}
	return out
}

// TestSlackAndInvalidNumber: Slack webhooks are delivered; Twilio's 21211
// (invalid number) fails the SMS at once.
func TestSlackAndInvalidNumber(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	b := f.start(t, nil, nil)
	b.allChannelsType(t, "order.shipped", 5, heraldv1.Channel_CHANNEL_SLACK, heraldv1.Channel_CHANNEL_SMS)
	b.upsert(t, &heraldv1.Recipient{Id: "ops", SlackWebhookUrl: f.slack.WebhookURL("xoxsecret"), Phone: "+15550001234"})

	note := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"ops"},
		Data: data(t, map[string]any{"order": 9})}).GetNotificationId())
	slackD, sms := deliveryOn(note, heraldv1.Channel_CHANNEL_SLACK), deliveryOn(note, heraldv1.Channel_CHANNEL_SMS)
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, slackD.GetStatus())
	require.Equal(t, "slack", slackD.GetProvider())
	require.Equal(t, "Order 9 shipped.", f.slack.Calls()[0].Fields["text"])

	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, sms.GetStatus())
	require.Equal(t, "permanent", sms.GetReason())
	require.EqualValues(t, 1, sms.GetAttempts())
	require.Equal(t, "21211", eventsOf(sms, "attempt")[0].GetDetails().AsMap()["code"])
}

// TestTenantProviderOrder: a tenant's own order, from the providers file,
// replaces the default.
func TestTenantProviderOrder(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	file := filepath.Join(t.TempDir(), "providers.yaml")
	require.NoError(t, os.WriteFile(file, []byte(`
providers:
  acme-smtp:
    type: smtp
    host: `+f.smtp.Host()+`
    port: "`+fmt.Sprint(f.smtp.Port())+`"
    username: herald
    password: ${ACME_SMTP_PASSWORD}
    from: Acme <mail@acme.example>
tenants:
  acme:
    email: [acme-smtp, sendgrid]
`), 0o600))
	b := f.start(t, map[string]string{"HERALD_PROVIDERS_FILE": file, "ACME_SMTP_PASSWORD": smtpPass}, nil)
	b.allChannelsType(t, "order.shipped", 5, heraldv1.Channel_CHANNEL_EMAIL)
	b.upsert(t, &heraldv1.Recipient{Id: "ada", Email: "ada@example.com"})
	note := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"ada"},
		Data: data(t, map[string]any{"order": 1})}).GetNotificationId())
	require.Equal(t, "acme-smtp", note.GetDeliveries()[0].GetProvider())
	require.Empty(t, f.sendgrid.Calls())
	require.Equal(t, "mail@acme.example", f.smtp.Calls()[0].Fields["from"])
}

// TestRateLimitAcrossProcesses: two Herald processes on one database share
// Twilio's send-rate limit: the provider never sees more than the limit
// (plus scheduling slack) in any second.
func TestRateLimitAcrossProcesses(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	cfg := testConfig(t, mergeEnv(f.env, map[string]string{"HERALD_TWILIO_RATE_LIMIT": "10/s"}))
	one := f.startWith(t, cfg, nil)
	two := f.startWith(t, cfg, nil) // same database, its own port and workers
	one.allChannelsType(t, "code", 3, heraldv1.Channel_CHANNEL_SMS)

	const n = 30
	var ids []string
	for i := range n {
		b := []*testBundle{one, two}[i%2]
		rid := fmt.Sprintf("u%02d", i)
		b.upsert(t, &heraldv1.Recipient{Id: rid, Phone: fmt.Sprintf("+4477009%05d", i)})
		ids = append(ids, b.send(t, &heraldv1.SendRequest{MessageType: "code", RecipientIds: []string{rid},
			Data: data(t, map[string]any{"order": i})}).GetNotificationId())
	}
	for _, id := range ids {
		note := one.waitCompleted(t, id)
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, note.GetDeliveries()[0].GetStatus())
	}

	calls := f.twilio.Calls()
	require.Len(t, calls, n, "each message once")
	times := make([]time.Time, len(calls))
	for i, c := range calls {
		times[i] = c.At
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	for i := range times {
		j := i
		for j < len(times) && times[j].Sub(times[i]) < time.Second {
			j++
		}
		// Slots are 100ms apart and never start early; jobs that wake late
		// can bunch a little, hence the slack. Unlimited, all 30 land
		// within one second.
		require.LessOrEqual(t, j-i, 10+5, "%d sends in the second after send %d", j-i, i)
	}
	require.GreaterOrEqual(t, times[n-1].Sub(times[0]), 2500*time.Millisecond, "30 sends at 10/s span about 3s")

	// Both processes worked the deliveries.
	var workers int
	require.NoError(t, one.app.Store().Pool().QueryRow(one.ctx,
		`SELECT count(DISTINCT a) FROM river_job, unnest(attempted_by) a WHERE kind = 'herald.deliver'`).Scan(&workers))
	require.Equal(t, 2, workers)
}

func mergeEnv(maps ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range maps {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// TestCredentialsNeverLeak: credentials appear in no log line, no error
// and no RPC answer, even when a provider echoes them back.
func TestCredentialsNeverLeak(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	// A misbehaving SendGrid that refuses the key and quotes the request's
	// Authorization header in its error.
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"errors":[{"message":"refused %s"}]}`, r.Header.Get("Authorization"))
	}))
	t.Cleanup(echo.Close)
	logs := &syncBuffer{}
	b := f.start(t, map[string]string{
		"HERALD_SENDGRID_URL":      echo.URL,
		"HERALD_SMTP_PASSWORD":     smtpPass + "-wrong", // refused by the server: 535
		"HERALD_EMAIL_PROVIDERS":   "sendgrid,smtp",
		"HERALD_TWILIO_AUTH_TOKEN": twilioToken + "-wrong",
		"HERALD_LOG_LEVEL":         "debug",
	}, logs)
	b.allChannelsType(t, "order.shipped", 2, heraldv1.Channel_CHANNEL_EMAIL, heraldv1.Channel_CHANNEL_SMS)
	b.upsert(t, &heraldv1.Recipient{Id: "ada", Email: "ada@example.com", Phone: "+33612345678"})
	note := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"ada"},
		Data: data(t, map[string]any{"order": 1})}).GetNotificationId())
	for _, d := range note.GetDeliveries() {
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, d.GetStatus(), d.GetChannel().String())
	}
	email := deliveryOn(note, heraldv1.Channel_CHANNEL_EMAIL)
	attempts := eventsOf(email, "attempt")
	require.Len(t, attempts, 2, "sendgrid refused the key, failover to smtp, which refused the login")
	require.Contains(t, attempts[0].GetMessage(), "refused Bearer [redacted]", "the echoed key was caught")
	require.Contains(t, attempts[1].GetMessage(), "535")
	require.Equal(t, "provider_fault", eventsOf(email, "failover")[0].GetDetails().AsMap()["why"])

	answer, err := protojson.Marshal(note)
	require.NoError(t, err)
	cfg := testConfig(t, f.env)
	_, cfgErr := app.ConfigFromEnv(func(k string) string {
		return mergeEnv(f.env, map[string]string{"HERALD_SENDGRID_RATE_LIMIT": "lots", "HERALD_SMTP_PORT": "x"})[k]
	})
	require.Error(t, cfgErr)
	for _, secret := range []string{sendgridKey, smtpPass, twilioToken} {
		for what, text := range map[string]string{
			"logs": logs.String(), "GetNotification": string(answer), "config error": cfgErr.Error(),
			"printed config": fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg),
		} {
			require.NotContains(t, text, secret, "%s shows a credential", what)
		}
	}
	require.NotEmpty(t, logs.String())
	require.True(t, slices.ContainsFunc(strings.Split(cfgErr.Error(), "\n"), func(l string) bool {
		return strings.Contains(l, "HERALD_SENDGRID_RATE_LIMIT")
	}))
}

// TestProviderConfigErrors: every mistake in provider settings is named,
// all at once.
func TestProviderConfigErrors(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "providers.yaml")
	require.NoError(t, os.WriteFile(file, []byte(`
providers:
  eu-mail:
    type: sendmail
  other-twilio:
    type: twilio
    account_sid: AC1
    auth_token: secret-token-value
    colour: blue
tenants:
  acme:
    sms: [sendgrid]
    email: [nobody]
`), 0o600))
	env := map[string]string{
		"HERALD_PROVIDERS_FILE":      file,
		"HERALD_SENDGRID_API_KEY":    "SG.key-value",
		"HERALD_SENDGRID_RATE_LIMIT": "fast",
		"HERALD_SMTP_PORT":           "2525", // smtp without a host
		"HERALD_PUSH_PROVIDERS":      "apns",
		"HERALD_BREAKER_COOLDOWN":    "0s",
	}
	_, err := app.ConfigFromEnv(func(k string) string { return env[k] })
	require.Error(t, err)
	for _, want := range []string{
		`providers file: eu-mail.type: "sendmail" is not a provider kind`,
		"providers file: other-twilio.colour: twilio providers have no such setting",
		"HERALD_SENDGRID_FROM: required for the sendgrid provider",
		`HERALD_SENDGRID_RATE_LIMIT: "fast" is not a rate like 100/s`,
		"HERALD_SMTP_HOST: required for the smtp provider",
		"HERALD_SMTP_FROM: required",
		`HERALD_PUSH_PROVIDERS: no provider is named "apns"`,
		"providers file: tenants.acme.sms: sendgrid sends on the email channel, not sms",
		`providers file: tenants.acme.email: no provider is named "nobody"`,
		"HERALD_BREAKER_COOLDOWN: must be positive",
	} {
		require.Contains(t, err.Error(), want)
	}
	require.NotContains(t, err.Error(), "secret-token-value")
	require.NotContains(t, err.Error(), "SG.key-value")
}
