// Package server serves Herald's API: every herald.v1 service over Connect,
// gRPC and gRPC-Web on one handler, gRPC health and reflection, and the
// /healthz and /readyz probes.
package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"connectrpc.com/connect"
	"connectrpc.com/grpchealth"
	"connectrpc.com/grpcreflect"
	"connectrpc.com/validate"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"go.opentelemetry.io/otel/metric"

	"github.com/heraldhq/herald/enqueue"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

// DefaultMaxRequestBytes bounds one request message unless Options say
// otherwise.
const DefaultMaxRequestBytes = 4 << 20

// ServiceNames lists every Herald service, for reflection and health.
var ServiceNames = []string{
	heraldv1connect.NotificationServiceName,
	heraldv1connect.RecipientServiceName,
	heraldv1connect.MessageTypeServiceName,
	heraldv1connect.PreferenceServiceName,
	heraldv1connect.InboxServiceName,
	heraldv1connect.DigestServiceName,
	heraldv1connect.TopicServiceName,
	heraldv1connect.WebhookEndpointServiceName,
	heraldv1connect.AnalyticsServiceName,
	heraldv1connect.SuppressionServiceName,
	heraldv1connect.EngagementServiceName,
	heraldv1connect.OperatorServiceName,
}

// Options configure New. Store, Enqueuer, River and InboxListener are
// required.
type Options struct {
	Store    *store.Store
	Enqueuer *enqueue.Enqueuer
	// Batcher accepts Sends in shared transactions; nil accepts each in
	// its own.
	Batcher *enqueue.Batcher
	// River inserts and cancels jobs from the API (digest schedules).
	River *river.Client[pgx.Tx]
	// Now is the clock digest schedules are computed with. Default time.Now.
	Now func() time.Time
	// InboxListener feeds WatchInbox; it must be running on
	// store.InboxChannel while the server serves.
	InboxListener *store.Listener
	// AuthListener, on store.AuthChannel, makes key revocations take effect
	// at once; without it they take up to two seconds.
	AuthListener *store.Listener
	// Lanes are the queue names OperatorService reports even when empty.
	Lanes []string
	// CORSOrigins are the origins browsers may call the API from (Connect
	// and gRPC-Web); "*" allows any. Empty allows none.
	CORSOrigins []string
	// MeterProvider receives the inbox listener's metrics. Default: none
	// recorded.
	MeterProvider metric.MeterProvider
	// Renderer defaults to a new one.
	Renderer *render.Renderer
	// MaxRequestBytes bounds one request message. Default
	// DefaultMaxRequestBytes.
	MaxRequestBytes int
	// Interceptors run around every RPC, outside authentication (tracing
	// and metrics belong here).
	Interceptors []connect.Interceptor
	// WebhookAllowPrivate lets status webhook endpoints use plain http
	// (HERALD_WEBHOOK_ALLOW_PRIVATE).
	WebhookAllowPrivate bool
}

// New returns a mux serving Herald's API. Callers may mount more on it.
func New(opts *Options) (*http.ServeMux, error) {
	if opts == nil || opts.Store == nil || opts.Enqueuer == nil || opts.River == nil || opts.InboxListener == nil {
		return nil, errors.New("server: Store, Enqueuer, River and InboxListener are required")
	}
	if opts.MeterProvider != nil {
		if err := registerInboxMetrics(opts.MeterProvider, opts.InboxListener); err != nil {
			return nil, fmt.Errorf("server: metrics: %w", err)
		}
	}
	digests := jobs.Digests{Client: opts.River, Now: opts.Now}
	renderer := opts.Renderer
	if renderer == nil {
		renderer = render.New()
	}
	maxBytes := opts.MaxRequestBytes
	if maxBytes == 0 {
		maxBytes = DefaultMaxRequestBytes
	}
	interceptors := append(append([]connect.Interceptor{}, opts.Interceptors...),
		newAuthInterceptor(opts.Store, opts.AuthListener), validate.NewInterceptor())
	const compressMinBytes = 1024
	handlerOpts := []connect.HandlerOption{
		connect.WithInterceptors(interceptors...),
		connect.WithReadMaxBytes(maxBytes),
		// Gzip costs more CPU than it saves bytes on small answers, which
		// most are (a Send's is an id).
		connect.WithCompressMinBytes(compressMinBytes),
	}

	mux := http.NewServeMux()
	cors := newCORS(opts.CORSOrigins)
	handle := func(path string, h http.Handler) { mux.Handle(path, cors(h)) }
	handle(heraldv1connect.NewNotificationServiceHandler(NewNotificationHandler(opts.Store, opts.Enqueuer, opts.Batcher), handlerOpts...))
	handle(heraldv1connect.NewRecipientServiceHandler(NewRecipientHandler(opts.Store, digests), handlerOpts...))
	handle(heraldv1connect.NewMessageTypeServiceHandler(NewMessageTypeHandler(opts.Store, renderer), handlerOpts...))
	handle(heraldv1connect.NewPreferenceServiceHandler(NewPreferenceHandler(opts.Store, digests), handlerOpts...))
	handle(heraldv1connect.NewInboxServiceHandler(NewInboxHandler(opts.Store, opts.InboxListener), handlerOpts...))
	handle(heraldv1connect.NewDigestServiceHandler(NewDigestHandler(opts.Store, digests), handlerOpts...))
	handle(heraldv1connect.NewTopicServiceHandler(NewTopicHandler(opts.Store), handlerOpts...))
	handle(heraldv1connect.NewOperatorServiceHandler(NewOperatorHandler(opts.Store, opts.Lanes), handlerOpts...))
	handle(heraldv1connect.NewWebhookEndpointServiceHandler(NewWebhookEndpointHandler(opts.Store, opts.River, opts.WebhookAllowPrivate), handlerOpts...))
	handle(heraldv1connect.NewAnalyticsServiceHandler(NewAnalyticsHandler(opts.Store, opts.Now), handlerOpts...))
	handle(heraldv1connect.NewSuppressionServiceHandler(NewSuppressionHandler(opts.Store), handlerOpts...))
	handle(heraldv1connect.NewEngagementServiceHandler(NewEngagementHandler(opts.Store, opts.Now), handlerOpts...))

	reflector := grpcreflect.NewStaticReflector(ServiceNames...)
	mux.Handle(grpcreflect.NewHandlerV1(reflector))
	mux.Handle(grpcreflect.NewHandlerV1Alpha(reflector))
	mux.Handle(grpchealth.NewHandler(&healthChecker{store: opts.Store}))

	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("ok\n")) //nolint:errcheck // nothing to do if the client left
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := opts.Store.Ping(ctx); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n")) //nolint:errcheck // nothing to do if the client left
	})
	return mux, nil
}

// healthChecker answers gRPC health checks: serving while Postgres answers.
type healthChecker struct {
	store *store.Store
}

func (h *healthChecker) Check(ctx context.Context, req *grpchealth.CheckRequest) (*grpchealth.CheckResponse, error) {
	if req.Service != "" {
		known := false
		for _, s := range ServiceNames {
			known = known || s == req.Service
		}
		if !known {
			return nil, connect.NewError(connect.CodeNotFound, errors.New("unknown service "+req.Service))
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := h.store.Ping(ctx); err != nil {
		return &grpchealth.CheckResponse{Status: grpchealth.StatusNotServing}, nil
	}
	return &grpchealth.CheckResponse{Status: grpchealth.StatusServing}, nil
}
