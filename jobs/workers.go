package jobs

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/heraldhq/herald/flags"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/safehttp"
	"github.com/heraldhq/herald/store"
)

// Options configure Herald's workers. Store, Pipeline and Providers are
// required; the rest may be left zero.
type Options struct {
	Store *store.Store
	// AsyncStore, if set, takes the delivery worker's own writes (claims
	// and outcomes) on connections with synchronous_commit off: they then
	// wait for no WAL flush. That loses nothing Herald promises: River
	// completes the job after the outcome is written, synchronously, and a
	// synchronous commit flushes all WAL before it; if neither reached the
	// disk before a Postgres crash, the job runs again (at least once, with
	// the same idempotency key). Default Store.
	AsyncStore *store.Store
	Pipeline   *pipeline.Pipeline
	Providers  *providers.Registry
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// Now is the clock decisions use. Default time.Now.
	Now func() time.Time
	// MaxAttempts is how many provider calls a delivery gets when its
	// message type does not say. Default 8.
	MaxAttempts int
	// ProviderTimeout bounds one provider call. Default 30s.
	ProviderTimeout time.Duration
	// FanoutChunk is how many recipients fan-out handles per transaction.
	// Default 500.
	FanoutChunk int
	// Retry is the backoff between transient failures. Its zero value is
	// the RetryPolicy default.
	Retry *RetryPolicy
	// MeterProvider receives the workers' metrics. Default the global one.
	MeterProvider metric.MeterProvider
	// TracerProvider starts the workers' spans (fan-out per notification,
	// delivery, provider call). Default the global one.
	TracerProvider trace.TracerProvider
	// Flags gates dispatch (dark launch, kill switches, provider split).
	// Nil evaluates nothing.
	Flags *flags.Flags
	// KillSwitchRecheck is how often a delivery held by a kill switch looks
	// again. Default 10s.
	KillSwitchRecheck time.Duration
	// FailoverAfter is how many transient failures one provider gets per
	// delivery before the channel's next provider is tried. Default 2.
	FailoverAfter int
	// Breaker configures the per-provider circuit breakers.
	Breaker *BreakerOptions
	// Retention says what RetentionWorker deletes; nil keeps everything.
	Retention *RetentionOptions
	// StatusWebhookClient sends status webhooks. Default a client that
	// refuses internal addresses (safehttp).
	StatusWebhookClient *http.Client
}

// worker holds what both workers share.
type worker struct {
	opts     Options
	metrics  *instruments
	tracer   trace.Tracer
	breakers *breakers
	tenants  sync.Map // tenant id -> *store.Tenant; names and secrets never change
	// types caches message type versions, which never change once written.
	types sync.Map // typeKey -> *store.MessageType
}

type typeKey struct {
	tenant  uuid.UUID
	key     string
	version int
}

func newWorker(opts *Options) *worker {
	o := *opts
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.AsyncStore == nil {
		o.AsyncStore = o.Store
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxAttempts == 0 {
		o.MaxAttempts = 8
	}
	if o.ProviderTimeout == 0 {
		o.ProviderTimeout = 30 * time.Second
	}
	if o.FanoutChunk == 0 {
		o.FanoutChunk = 500
	}
	if o.Retry == nil {
		o.Retry = &RetryPolicy{}
	}
	if o.KillSwitchRecheck == 0 {
		o.KillSwitchRecheck = 10 * time.Second
	}
	if o.MeterProvider == nil {
		o.MeterProvider = otel.GetMeterProvider()
	}
	if o.FailoverAfter <= 0 {
		o.FailoverAfter = 2
	}
	if o.StatusWebhookClient == nil {
		o.StatusWebhookClient = safehttp.NewClient(&safehttp.Options{Timeout: o.ProviderTimeout})
	}
	if o.TracerProvider == nil {
		o.TracerProvider = otel.GetTracerProvider()
	}
	w := &worker{opts: o, metrics: newInstruments(o.MeterProvider), tracer: o.TracerProvider.Tracer(tracerName)}
	w.breakers = newBreakers(o.Breaker, o.Logger, w.metrics)
	return w
}

// Jobs is Herald's workers and what they share (caches, metrics, breakers),
// for River and for fan-out inside the accepting transaction.
type Jobs struct {
	w *worker
}

// New returns Herald's jobs configured by opts.
func New(opts *Options) *Jobs { return &Jobs{w: newWorker(opts)} }

// Register adds the workers to workers.
func (j *Jobs) Register(workers *river.Workers) {
	river.AddWorker(workers, &FanoutWorker{j: j})
	river.AddWorker(workers, &FanoutChunkWorker{j: j})
	river.AddWorker(workers, &FanoutBatchWorker{j: j})
	river.AddWorker(workers, &DeliverWorker{w: j.w})
	river.AddWorker(workers, &DeliverBatchWorker{w: j.w})
	river.AddWorker(workers, &DigestFlushWorker{w: j.w})
	river.AddWorker(workers, &DigestSweepWorker{w: j.w})
	river.AddWorker(workers, &RetentionWorker{w: j.w})
	river.AddWorker(workers, &StatusWebhookWorker{w: j.w, client: j.w.opts.StatusWebhookClient})
	river.AddWorker(workers, &StatusWebhookSweepWorker{w: j.w})
}

// Register adds Herald's workers to workers and returns them.
func Register(workers *river.Workers, opts *Options) *Jobs {
	j := New(opts)
	j.Register(workers)
	return j
}

// tenant returns the tenant with id, cached: a tenant's name and signing
// secret never change.
func (w *worker) tenant(ctx context.Context, id uuid.UUID) (*store.Tenant, error) {
	if t, ok := w.tenants.Load(id); ok {
		return t.(*store.Tenant), nil
	}
	t, err := w.opts.Store.GetTenant(ctx, id)
	if err != nil {
		return nil, err
	}
	w.tenants.Store(id, t)
	return t, nil
}

// maxAttemptsFor is the provider-call budget of del, from its message type
// version (cached), or the default if that cannot be read.
func (w *worker) maxAttemptsFor(ctx context.Context, del *store.Delivery) int {
	mt, err := w.messageType(ctx, del.TenantID, del.MessageType, del.MessageTypeVersion)
	if err != nil {
		w.opts.Logger.WarnContext(ctx, "message type lookup failed; using the default attempt budget",
			"delivery_id", del.ID, "error", err)
		return w.opts.MaxAttempts
	}
	return w.maxAttempts(mt)
}

// messageType returns a message type version, cached: versions never
// change once written.
func (w *worker) messageType(ctx context.Context, tenantID uuid.UUID, key string, version int) (*store.MessageType, error) {
	k := typeKey{tenantID, key, version}
	if mt, ok := w.types.Load(k); ok {
		return mt.(*store.MessageType), nil
	}
	mt, err := w.opts.Store.GetMessageType(ctx, tenantID, key, version)
	if err != nil {
		return nil, err
	}
	w.types.Store(k, mt)
	return mt, nil
}

// maxAttempts is the provider-call budget of deliveries of mt.
func (w *worker) maxAttempts(mt *store.MessageType) int {
	if mt != nil && mt.MaxAttempts > 0 {
		return mt.MaxAttempts
	}
	return w.opts.MaxAttempts
}
