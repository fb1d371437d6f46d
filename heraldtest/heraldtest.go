// Package heraldtest lets an application's tests run Herald's real pipeline
// — preferences, rate limits, dedupe, templates — against a test database
// and assert what each recipient would receive, with the rendered content:
//
//	h := heraldtest.New(t, nil)
//	h.MessageType(&heraldv1.MessageType{Key: "new.follower", ...})
//	h.Recipient(&heraldv1.Recipient{Id: "bar", PushTokens: ...})
//	h.Send(&heraldv1.SendRequest{MessageType: "new.follower", RecipientIds: []string{"bar"}, Data: ...})
//	h.SentPush("bar", "Hi Bar! Foo started following you.")
//	h.Suppressed("baz", "opted_out")
//
// It stops at the provider boundary: fan-out runs on a real River client and
// writes deliveries, their decision log and their rendered content, and the
// deliver jobs are left queued, so nothing leaves the test. "Sent" means
// handed to a provider.
package heraldtest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"buf.build/go/protovalidate"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/heraldhq/herald/enqueue"
	"github.com/heraldhq/herald/flags"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/messagetype"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
	"github.com/heraldhq/herald/wire"
)

// Options configure New. The zero value is fine.
type Options struct {
	// Pipeline replaces Herald's default layers, e.g. to add a custom one.
	Pipeline func(*render.Renderer) *pipeline.Pipeline
	// Now is the clock the pipeline decides with. Default time.Now.
	Now func() time.Time
	// FlagsFile is a flagd flag file for the rollout and variant layers;
	// empty means every flag at its default.
	FlagsFile string
	// Timeout bounds how long Send waits for fan-out. Default 10s.
	Timeout time.Duration
}

// Harness is Herald's pipeline on a test database, for one test.
type Harness struct {
	t        testing.TB
	ctx      context.Context
	store    *store.Store
	tenant   *store.Tenant
	enq      *enqueue.Enqueuer
	renderer *render.Renderer
	validate protovalidate.Validator
	timeout  time.Duration
	sent     []uuid.UUID // notification ids, in Send order
}

// New returns a harness on a fresh database (storetest) with a tenant
// "test". Everything is torn down when t ends.
func New(t testing.TB, opts *Options) *Harness {
	t.Helper()
	if opts == nil {
		opts = &Options{}
	}
	ctx := context.Background()
	pool := storetest.NewPool(t)
	st := store.NewStore(pool)
	tenant, err := st.CreateTenant(ctx, "test")
	if err != nil {
		t.Fatalf("heraldtest: %v", err)
	}
	renderer := render.New()
	f, err := flags.New(ctx, &flags.Options{File: opts.FlagsFile})
	if err != nil {
		t.Fatalf("heraldtest: %v", err)
	}
	t.Cleanup(func() { _ = f.Close(context.Background()) })
	p := pipeline.Default(renderer, f)
	if opts.Pipeline != nil {
		p = opts.Pipeline(renderer)
	}
	startFanout(t, pool, st, p, opts.Now)
	enq, err := enqueue.New()
	if err != nil {
		t.Fatalf("heraldtest: %v", err)
	}
	v, err := protovalidate.New()
	if err != nil {
		t.Fatalf("heraldtest: %v", err)
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	return &Harness{t: t, ctx: ctx, store: st, tenant: tenant, enq: enq, renderer: renderer, validate: v, timeout: timeout}
}

// startFanout runs a River client that works only the fan-out lanes.
func startFanout(t testing.TB, pool *pgxpool.Pool, st *store.Store, p *pipeline.Pipeline, now func() time.Time) {
	workers := river.NewWorkers()
	jobs.Register(workers, &jobs.Options{Store: st, Pipeline: p, Providers: providers.NewRegistry(), Now: now})
	cfg := &river.Config{Workers: workers, TestOnly: true}
	jobs.Configure(cfg, &jobs.QueueOptions{FetchCooldown: time.Millisecond, FetchPollInterval: 20 * time.Millisecond}, false)
	for name := range cfg.Queues {
		if !strings.HasPrefix(name, "fanout_") {
			delete(cfg.Queues, name)
		}
	}
	client, err := river.NewClient(riverpgxv5.New(pool), cfg)
	if err != nil {
		t.Fatalf("heraldtest: %v", err)
	}
	if err := client.Start(context.Background()); err != nil {
		t.Fatalf("heraldtest: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = client.Stop(ctx)
	})
}

// Store returns the harness's store, for assertions beyond the helpers.
func (h *Harness) Store() *store.Store { return h.store }

// TenantID returns the id of the harness's tenant.
func (h *Harness) TenantID() string { return h.tenant.ID.String() }

// MessageType declares a message type, checked like UpsertMessageType.
func (h *Harness) MessageType(mt *heraldv1.MessageType) {
	h.t.Helper()
	if err := h.validate.Validate(mt); err != nil {
		h.t.Fatalf("heraldtest: message type %q: %v", mt.GetKey(), err)
	}
	spec := wire.MessageTypeSpecFromProto(mt)
	if err := messagetype.Check(h.renderer, "message_type", &spec); err != nil {
		h.t.Fatalf("heraldtest: message type %q: %v", mt.GetKey(), err)
	}
	h.must(h.store.InTx(h.ctx, func(tx pgx.Tx) error {
		_, err := store.New(tx).UpsertMessageType(h.ctx, h.tenant.ID, mt.GetKey(), spec)
		return err
	}))
}

// Recipient creates or replaces a recipient.
func (h *Harness) Recipient(r *heraldv1.Recipient) {
	h.t.Helper()
	if err := h.validate.Validate(r); err != nil {
		h.t.Fatalf("heraldtest: recipient %q: %v", r.GetId(), err)
	}
	rec := wire.RecipientFromProto(r)
	rec.TenantID = h.tenant.ID
	_, err := h.store.UpsertRecipient(h.ctx, rec)
	h.must(err)
}

// Preferences replaces a recipient's preferences (store.TenantDefaults for
// the tenant's defaults).
func (h *Harness) Preferences(recipientID string, p *heraldv1.Preferences) {
	h.t.Helper()
	if err := h.validate.Validate(p); err != nil {
		h.t.Fatalf("heraldtest: preferences of %q: %v", recipientID, err)
	}
	prefs := wire.PreferencesFromProto(p)
	prefs.TenantID, prefs.RecipientID = h.tenant.ID, recipientID
	_, err := h.store.UpsertPreferences(h.ctx, prefs)
	h.must(err)
}

// Send accepts req as the Send RPC would and waits until fan-out has
// decided every delivery. It returns the notification id.
func (h *Harness) Send(req *heraldv1.SendRequest) string {
	h.t.Helper()
	var res *enqueue.Result
	h.must(h.store.InTx(h.ctx, func(tx pgx.Tx) error {
		var err error
		res, err = h.enq.EnqueueTx(h.ctx, tx, h.tenant.ID, req)
		return err
	}))
	deadline := time.Now().Add(h.timeout)
	for {
		n, err := h.store.GetNotification(h.ctx, h.tenant.ID, res.NotificationID)
		h.must(err)
		if n.Status != store.NotificationAccepted && n.Status != store.NotificationScheduled {
			break
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("heraldtest: notification %s not fanned out after %s", res.NotificationID, h.timeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.sent = append(h.sent, res.NotificationID)
	return res.NotificationID.String()
}

// Message is a delivery as a test sees it.
type Message struct {
	NotificationID string
	DeliveryID     string
	RecipientID    string
	Channel        store.Channel
	Status         store.DeliveryStatus
	Reason         string
	Subject        string
	Title          string
	Body           string
	HTML           string
	Link           string
	ScheduledAt    *time.Time
}

// Sent reports whether the delivery is headed for a provider.
func (m Message) Sent() bool { return m.Status.Pending() || m.Status == store.DeliverySent }

// Messages returns every delivery of the notifications sent so far, for the
// recipient if recipientID is not empty.
func (h *Harness) Messages(recipientID string) []Message {
	h.t.Helper()
	ds, err := h.store.ListDeliveries(h.ctx, h.sent)
	h.must(err)
	var out []Message
	for _, d := range ds {
		if recipientID != "" && d.RecipientID != recipientID {
			continue
		}
		m := Message{NotificationID: d.NotificationID.String(), DeliveryID: d.ID.String(), RecipientID: d.RecipientID,
			Channel: d.Channel, Status: d.Status, Reason: d.Reason, ScheduledAt: d.ScheduledAt}
		if c := d.Content; c != nil {
			m.Subject, m.Title, m.Body, m.HTML, m.Link = c.Subject, c.Title, c.Body, c.HTML, c.Link
		}
		out = append(out, m)
	}
	return out
}

// SentPush fails the test unless recipientID gets a push whose body is body.
func (h *Harness) SentPush(recipientID, body string) {
	h.t.Helper()
	h.expectSent(recipientID, store.ChannelPush, func(m Message) bool { return m.Body == body }, "body "+quote(body))
}

// SentEmail fails the test unless recipientID gets an email whose subject is
// subject.
func (h *Harness) SentEmail(recipientID, subject string) {
	h.t.Helper()
	h.expectSent(recipientID, store.ChannelEmail, func(m Message) bool { return m.Subject == subject }, "subject "+quote(subject))
}

// SentSMS fails the test unless recipientID gets a text message body.
func (h *Harness) SentSMS(recipientID, body string) {
	h.t.Helper()
	h.expectSent(recipientID, store.ChannelSMS, func(m Message) bool { return m.Body == body }, "body "+quote(body))
}

// SentInApp fails the test unless recipientID gets an inbox item titled
// title.
func (h *Harness) SentInApp(recipientID, title string) {
	h.t.Helper()
	h.expectSent(recipientID, store.ChannelInApp, func(m Message) bool { return m.Title == title }, "title "+quote(title))
}

// Suppressed fails the test unless some delivery to recipientID was
// suppressed (or otherwise stopped) with reason.
func (h *Harness) Suppressed(recipientID, reason string) {
	h.t.Helper()
	ms := h.Messages(recipientID)
	for _, m := range ms {
		if !m.Sent() && m.Reason == reason {
			return
		}
	}
	h.t.Errorf("heraldtest: no delivery to %s stopped with reason %q; got:\n%s", recipientID, reason, describe(ms))
}

func (h *Harness) expectSent(recipientID string, c store.Channel, match func(Message) bool, what string) {
	h.t.Helper()
	ms := h.Messages(recipientID)
	for _, m := range ms {
		if m.Channel == c && m.Sent() && match(m) {
			return
		}
	}
	h.t.Errorf("heraldtest: no %s to %s with %s; got:\n%s", c, recipientID, what, describe(ms))
}

func describe(ms []Message) string {
	if len(ms) == 0 {
		return "  (no deliveries)"
	}
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "  %s %s %s", m.RecipientID, m.Channel, m.Status)
		if m.Reason != "" {
			fmt.Fprintf(&b, " (%s)", m.Reason)
		}
		for _, f := range []struct{ k, v string }{{"subject", m.Subject}, {"title", m.Title}, {"body", m.Body}} {
			if f.v != "" {
				fmt.Fprintf(&b, " %s=%s", f.k, quote(f.v))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func (h *Harness) must(err error) {
	h.t.Helper()
	if err != nil {
		var verr *protovalidate.ValidationError
		if errors.As(err, &verr) {
			h.t.Fatalf("heraldtest: invalid request: %v", err)
		}
		h.t.Fatalf("heraldtest: %v", err)
	}
}
