// Package engagement takes what happens to a delivery after the provider
// accepted it: provider receipts (Twilio status callbacks, SendGrid's
// signed Event Webhook, the webhook channel's own receipts), and the email
// open pixel and click redirects of package tracking. Each is verified
// before anything is applied: a callback that is not signed by the
// provider (or, for webhooks, the tenant), or that names no delivery of
// that provider, is refused and logged.
//
// Receipts move a delivery to DELIVERED or BOUNCED by the precedence of
// store.ApplyReceipt (a bounce is final, a repeat changes nothing, a
// receipt that overtakes the worker's own record stays); hard bounces,
// invalid numbers and spam complaints put the address on the tenant's
// suppression list in the same transaction. Engagement (opens, clicks,
// reads) is recorded only for message types that track it.
package engagement

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/store"
)

const instrumentation = "github.com/heraldhq/herald/engagement"

// Paths of the receipt endpoints under Herald's public URL.
const (
	TwilioPath   = "/receipts/twilio/"   // + provider name + "/" + delivery id
	SendGridPath = "/receipts/sendgrid/" // + provider name
	WebhookPath  = "/receipts/webhook"
)

// Options configure New. Store and Providers are required.
type Options struct {
	Store     *store.Store
	Providers *providers.Registry
	// PublicURL is Herald's external base URL (HERALD_PUBLIC_URL): Twilio
	// signs the callback URL it was given, which is under it.
	PublicURL string
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// MeterProvider defaults to the global one.
	MeterProvider metric.MeterProvider
	// TracerProvider starts the spans of receipts and tracking hits.
	// Default the global one.
	TracerProvider trace.TracerProvider
	// Now defaults to time.Now.
	Now func() time.Time
}

// Handler serves the receipt and tracking endpoints.
type Handler struct {
	opts    Options
	mux     *http.ServeMux
	tracer  trace.Tracer
	metrics *instruments
	tenants sync.Map // tenant id -> *store.Tenant; names and secrets never change
	types   sync.Map // typeKey -> *store.MessageType; versions never change
}

type typeKey struct {
	tenant  uuid.UUID
	key     string
	version int
}

// New returns the handler. Mount it at /receipts/ and /t/.
func New(opts *Options) *Handler {
	o := *opts
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MeterProvider == nil {
		o.MeterProvider = otel.GetMeterProvider()
	}
	if o.TracerProvider == nil {
		o.TracerProvider = otel.GetTracerProvider()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.PublicURL = strings.TrimRight(o.PublicURL, "/")
	h := &Handler{opts: o, mux: http.NewServeMux(), tracer: o.TracerProvider.Tracer(instrumentation), metrics: newInstruments(o.MeterProvider)}
	h.mux.HandleFunc("POST "+TwilioPath+"{provider}/{delivery}", h.twilio)
	h.mux.HandleFunc("POST "+SendGridPath+"{provider}", h.sendgrid)
	h.mux.HandleFunc("POST "+WebhookPath, h.webhook)
	h.mux.HandleFunc("GET /t/o/{delivery}/{file}", h.open)
	h.mux.HandleFunc("GET /t/c/{delivery}/{sig}", h.click)
	return h
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// instruments are the RED metrics of receipts and engagement.
type instruments struct {
	receipts   metric.Int64Counter
	duration   metric.Float64Histogram
	engagement metric.Int64Counter
}

func newInstruments(mp metric.MeterProvider) *instruments {
	m := mp.Meter(instrumentation)
	in := &instruments{}
	in.receipts, _ = m.Int64Counter("herald.receipts",
		metric.WithDescription("Provider receipts and tracking hits, by source (twilio, sendgrid, webhook, pixel, redirect) and outcome (applied, duplicate, stale, not_sent, ignored, refused, unknown_delivery, error)."),
		metric.WithUnit("{receipt}"))
	in.duration, _ = m.Float64Histogram("herald.receipt.duration",
		metric.WithDescription("Time to verify and apply a receipt or tracking hit, by source."),
		metric.WithUnit("s"), metric.WithExplicitBucketBoundaries(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1))
	in.engagement, _ = m.Int64Counter("herald.engagement.events",
		metric.WithDescription("Engagement events recorded, by type (opened, clicked, read, complained), channel and source."),
		metric.WithUnit("{event}"))
	return in
}

// request is one receipt or tracking hit being worked: its span, source
// and outcome, reported when done.
type request struct {
	h       *Handler
	ctx     context.Context
	span    trace.Span
	source  string
	start   time.Time
	outcome string
}

func (h *Handler) begin(r *http.Request, source string) *request {
	ctx, span := h.tracer.Start(r.Context(), "receipt "+source, trace.WithSpanKind(trace.SpanKindServer),
		trace.WithAttributes(attribute.String("herald.receipt.source", source)))
	return &request{h: h, ctx: ctx, span: span, source: source, start: time.Now()}
}

func (q *request) end() {
	if q.outcome == "" {
		q.outcome = "applied"
	}
	q.span.SetAttributes(attribute.String("herald.receipt.outcome", q.outcome))
	q.span.End()
	attrs := metric.WithAttributes(attribute.String("source", q.source))
	q.h.metrics.duration.Record(q.ctx, time.Since(q.start).Seconds(), attrs)
}

// count counts one receipt (a post may carry several) with its outcome.
func (q *request) count(outcome string) {
	q.h.metrics.receipts.Add(q.ctx, 1, metric.WithAttributes(attribute.String("source", q.source), attribute.String("outcome", outcome)))
}

// refuse answers status with msg and logs why, never applying anything.
func (q *request) refuse(w http.ResponseWriter, r *http.Request, status int, outcome, msg string, attrs ...any) {
	q.outcome = outcome
	q.count(outcome)
	q.span.SetStatus(codes.Error, msg)
	q.h.opts.Logger.WarnContext(q.ctx, "receipt refused", append([]any{"source", q.source, "status", status, "why", msg,
		"path", r.URL.Path, "remote", r.RemoteAddr}, attrs...)...)
	http.Error(w, msg, status)
}

// fail answers 500 for Herald's own trouble; the sender retries.
func (q *request) fail(w http.ResponseWriter, err error) {
	q.outcome = "error"
	q.count("error")
	q.span.RecordError(err)
	q.span.SetStatus(codes.Error, err.Error())
	q.h.opts.Logger.ErrorContext(q.ctx, "receipt failed", "source", q.source, "error", err)
	http.Error(w, "internal error, retry later", http.StatusInternalServerError)
}

// errUnknownDelivery says a receipt names no delivery it may be about.
var errUnknownDelivery = errors.New("engagement: no such delivery")

// delivery returns the delivery a receipt names, if it is on channel and
// (when the delivery records one) went through provider.
func (h *Handler) delivery(ctx context.Context, id string, channel store.Channel, provider string) (*store.Delivery, error) {
	did, err := uuid.Parse(id)
	if err != nil {
		return nil, errUnknownDelivery
	}
	del, err := h.opts.Store.GetDelivery(ctx, did)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errUnknownDelivery
	}
	if err != nil {
		return nil, err
	}
	if del.Channel != channel || (provider != "" && del.Provider != "" && del.Provider != provider && !del.Status.Pending()) {
		return nil, errUnknownDelivery
	}
	return del, nil
}

func (h *Handler) tenant(ctx context.Context, id uuid.UUID) (*store.Tenant, error) {
	if t, ok := h.tenants.Load(id); ok {
		return t.(*store.Tenant), nil
	}
	t, err := h.opts.Store.GetTenant(ctx, id)
	if err != nil {
		return nil, err
	}
	h.tenants.Store(id, t)
	return t, nil
}

// tracking says whether the delivery's message type version tracks opens
// and clicks.
func (h *Handler) tracking(ctx context.Context, del *store.Delivery) (opens, clicks bool, err error) {
	k := typeKey{del.TenantID, del.MessageType, del.MessageTypeVersion}
	if mt, ok := h.types.Load(k); ok {
		return mt.(*store.MessageType).TracksOpens(), mt.(*store.MessageType).TracksClicks(), nil
	}
	mt, err := h.opts.Store.GetMessageType(ctx, del.TenantID, del.MessageType, del.MessageTypeVersion)
	if errors.Is(err, store.ErrNotFound) {
		return false, false, nil
	}
	if err != nil {
		return false, false, err
	}
	h.types.Store(k, mt)
	return mt.TracksOpens(), mt.TracksClicks(), nil
}

// applyReceipt records r and, when it applies and listReason is set
// (bounced, complained), puts the delivery's address on the suppression
// list, in one transaction.
func (h *Handler) applyReceipt(ctx context.Context, r store.Receipt, listReason string, listDetails map[string]any) (store.ReceiptOutcome, error) {
	var outcome store.ReceiptOutcome
	err := h.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		o, del, err := q.ApplyReceipt(ctx, r)
		if err != nil {
			return err
		}
		outcome = o
		if o != store.ReceiptApplied || listReason == "" {
			return nil
		}
		return suppress(ctx, q, del, r.Status, listReason, r.Provider, listDetails)
	})
	return outcome, err
}

// recordEngagement records e, and lists the address for a complaint, in
// one transaction. It reports false for a repeated report.
func (h *Handler) recordEngagement(ctx context.Context, del *store.Delivery, e store.Engagement, source string) (bool, error) {
	var recorded bool
	err := h.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		var err error
		if recorded, err = q.RecordEngagement(ctx, e); err != nil || !recorded || e.Type != store.EventComplained {
			return err
		}
		return suppress(ctx, q, del, del.Status, store.ReasonComplained, e.Provider, nil)
	})
	if err == nil && recorded {
		h.metrics.engagement.Add(ctx, 1, metric.WithAttributes(attribute.String("type", e.Type),
			attribute.String("channel", string(del.Channel)), attribute.String("source", source)))
	}
	return recorded, err
}

// suppress lists del's address for reason and says so on its timeline.
func suppress(ctx context.Context, q *store.Queries, del *store.Delivery, status store.DeliveryStatus, reason, provider string, details map[string]any) error {
	if (del.Channel != store.ChannelEmail && del.Channel != store.ChannelSMS) || del.Address == "" {
		return nil
	}
	entry, added, err := q.AddSuppression(ctx, &store.Suppression{TenantID: del.TenantID, Channel: del.Channel, Address: del.Address,
		Reason: reason, DeliveryID: &del.ID, Provider: provider, Details: details})
	if err != nil || !added {
		return err
	}
	msg := "the address bounced: no more sends to it"
	if reason == store.ReasonComplained {
		msg = "the recipient reported it as spam: no more sends to the address"
	}
	return q.InsertEvents(ctx, []store.Event{{
		TenantID: del.TenantID, NotificationID: del.NotificationID, DeliveryID: del.ID, Type: store.EventSuppressionAdded,
		Status: status, Reason: reason, Provider: provider, Message: msg, Details: map[string]any{"address": entry.Address},
	}})
}

func describeOutcome(o store.ReceiptOutcome) string {
	if o == "" {
		return "ignored"
	}
	return string(o)
}

func receiptID(parts ...string) string {
	return strings.Join(parts, ":")
}
