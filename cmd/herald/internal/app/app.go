// Package app assembles a Herald process: the Postgres pool, migrations, the
// River client and its workers, the API server and telemetry. cmd/herald
// turns flags and environment into a Config and runs an App; end-to-end
// tests run Apps the same way.
package app

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"connectrpc.com/connect"
	"connectrpc.com/otelconnect"
	"github.com/exaring/otelpgx"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/multitracer"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
	"github.com/riverqueue/rivercontrib/otelriver"
	"riverqueue.com/riverui"

	"github.com/heraldhq/herald/engagement"
	"github.com/heraldhq/herald/enqueue"
	"github.com/heraldhq/herald/flags"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/providers/safehttp"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/server"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/telemetry"
	"github.com/heraldhq/herald/web"
)

// Version is Herald's version, set at build time with
// -ldflags "-X github.com/heraldhq/herald/cmd/herald/internal/app.Version=v1.2.3".
var Version = "dev"

// Options carry what only Go callers can set. The zero value is fine.
type Options struct {
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// Queues sizes the worker lanes; nil means the defaults.
	Queues *jobs.QueueOptions
	// Now is the clock workers decide with. Default time.Now.
	Now func() time.Time
	// RootCAs, if set, are the only roots provider clients trust (tests
	// with loopback TLS servers). Default: the system roots.
	RootCAs *x509.CertPool
	// Telemetry configures metrics and traces; nil reads the OTEL_*
	// environment variables.
	Telemetry *telemetry.Options
}

// App is one Herald process.
type App struct {
	cfg    Config
	logger *slog.Logger
	pool   *pgxpool.Pool
	store  *store.Store
	river  *river.Client[pgx.Tx]
	// asyncPool has synchronous_commit off, for the delivery worker's
	// writes (jobs.Options.AsyncStore).
	asyncPool *pgxpool.Pool
	// inbox feeds WatchInbox streams and auth announces key revocations
	// (API roles only); stopListeners stops both.
	inbox         *store.Listener
	auth          *store.Listener
	stopListeners context.CancelFunc
	listenersDone sync.WaitGroup
	telemetry     *telemetry.Telemetry
	flags         *flags.Flags
	batcher       *enqueue.Batcher
	mux           *http.ServeMux
	server        *http.Server
	listener      net.Listener
	serveErr      chan error
	// sqlStats adds up time per statement (HERALD_DEBUG_SQL); nil when off.
	sqlStats *sqlStats
	pprof    *http.Server // HERALD_PPROF_ADDR; nil when off
	riverUI  *riverui.Handler
	// stopRiverUI stops the River UI's background services.
	stopRiverUI context.CancelFunc
}

// New connects to Postgres (creating the database if it is missing),
// migrates it unless AutoMigrate is off, makes sure the bootstrap key
// exists, and assembles workers and API. It starts nothing: call Start or
// Run.
func New(ctx context.Context, cfg Config, opts *Options) (*App, error) {
	if opts == nil {
		opts = &Options{}
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	a := &App{cfg: cfg, logger: logger}
	var err error
	if a.telemetry, err = telemetry.New(ctx, "herald", Version, opts.Telemetry); err != nil {
		return nil, err
	}
	// Whatever fails from here on, release what was made before it.
	made := false
	defer func() {
		if !made {
			a.Close()
		}
	}()

	if err := store.EnsureDatabase(ctx, cfg.DatabaseURL); err != nil {
		return nil, &DatabaseError{URL: cfg.DatabaseURL, Err: err}
	}
	poolCfg, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("app: database url: %w", err)
	}
	poolCfg.MaxConns = cfg.DBMaxConns
	var tracers []pgx.QueryTracer
	if a.telemetry.Tracing() {
		tracers = append(tracers, otelpgx.NewTracer(otelpgx.WithTracerProvider(a.telemetry.TracerProvider()),
			otelpgx.WithTrimSQLInSpanName(), otelpgx.WithDisableConnectionDetailsInAttributes(), otelpgx.WithDisableAcquireTracer()))
	}
	if cfg.DebugSQL {
		a.sqlStats = newSQLStats()
		tracers = append(tracers, a.sqlStats)
	}
	switch len(tracers) {
	case 0:
	case 1:
		poolCfg.ConnConfig.Tracer = tracers[0]
	default:
		poolCfg.ConnConfig.Tracer = multitracer.New(tracers...)
	}
	if a.pool, err = pgxpool.NewWithConfig(ctx, poolCfg); err != nil {
		return nil, &DatabaseError{URL: cfg.DatabaseURL, Err: err}
	}
	if err := otelpgx.RecordStats(a.pool, otelpgx.WithStatsMeterProvider(a.telemetry.MeterProvider())); err != nil {
		return nil, fmt.Errorf("app: pool metrics: %w", err)
	}
	a.store = store.NewStore(a.pool)
	// The delivery worker's own writes skip the WAL flush wait; see
	// jobs.Options.AsyncStore for why that loses nothing.
	asyncCfg := poolCfg.Copy()
	asyncCfg.MaxConns = max(4, cfg.DBMaxConns/2)
	asyncCfg.ConnConfig.RuntimeParams["synchronous_commit"] = "off"
	if a.asyncPool, err = pgxpool.NewWithConfig(ctx, asyncCfg); err != nil {
		return nil, &DatabaseError{URL: cfg.DatabaseURL, Err: err}
	}
	if err := a.setup(ctx, opts); err != nil {
		return nil, err
	}
	made = true
	return a, nil
}

func (a *App) setup(ctx context.Context, opts *Options) error {
	cfg := a.cfg
	if cfg.AutoMigrate {
		if err := store.Migrate(ctx, a.pool); err != nil {
			return err
		}
	}
	if cfg.BootstrapAPIKey != "" {
		if err := EnsureBootstrapKey(ctx, a.store, cfg.BootstrapAPIKey); err != nil {
			return err
		}
	}

	renderer := render.New()
	if cfg.MessageTypesDir != "" {
		if err := LoadMessageTypes(ctx, a.store, renderer, cfg.MessageTypesDir, a.logger); err != nil {
			return err
		}
	}

	var err error
	a.flags, err = flags.New(ctx, &flags.Options{
		File: cfg.FlagsFile, FlagdAddr: cfg.FlagdAddr, Logger: a.logger, MeterProvider: a.telemetry.MeterProvider(),
	})
	if err != nil {
		return err
	}

	registry, err := newProviders(cfg, opts.RootCAs)
	if err != nil {
		return err
	}

	workers := river.NewWorkers()
	jobs.Register(workers, &jobs.Options{
		Store: a.store, AsyncStore: store.NewStore(a.asyncPool), Pipeline: pipeline.Default(renderer, a.flags).Replace(pipeline.NewTrack(cfg.PublicURL)), Providers: registry, Logger: a.logger,
		Now: opts.Now, MaxAttempts: cfg.MaxAttempts, ProviderTimeout: cfg.ProviderTimeout, FanoutChunk: cfg.FanoutChunk,
		Retry:         &jobs.RetryPolicy{Base: cfg.RetryBaseDelay, Max: cfg.RetryMaxDelay},
		MeterProvider: a.telemetry.MeterProvider(), TracerProvider: a.telemetry.TracerProvider(),
		Flags: a.flags, KillSwitchRecheck: cfg.KillSwitchRecheck,
		FailoverAfter:       cfg.Providers.FailoverAfter,
		Breaker:             &jobs.BreakerOptions{Failures: cfg.Providers.BreakerFailures, Cooldown: cfg.Providers.BreakerCooldown},
		Retention:           &jobs.RetentionOptions{Age: cfg.Retention, Batch: cfg.RetentionBatch},
		StatusWebhookClient: safehttp.NewClient(&safehttp.Options{AllowPrivate: cfg.WebhookAllowPrivate, Timeout: cfg.ProviderTimeout}),
	})
	riverCfg := &river.Config{
		Logger:      a.logger,
		Workers:     workers,
		RetryPolicy: &jobs.RetryPolicy{Base: cfg.RetryBaseDelay, Max: cfg.RetryMaxDelay},
		// A crashed worker's jobs come back after this; fan-out commits its
		// progress per chunk, so a long fan-out only resumes.
		RescueStuckJobsAfter: 2*cfg.ProviderTimeout + time.Minute,
		// River's own rows: finished jobs go after HERALD_JOB_RETENTION; a
		// failed job stays as long as the delivery it failed.
		CompletedJobRetentionPeriod: cfg.JobRetention,
		CancelledJobRetentionPeriod: cfg.JobRetention,
		DiscardedJobRetentionPeriod: discardedRetention(cfg),
		// A job's span continues the trace of the request that caused it
		// (TraceMiddleware first, so otelriver's span is its child).
		Middleware: []rivertype.Middleware{
			&jobs.TraceMiddleware{},
			otelriver.NewMiddleware(&otelriver.MiddlewareConfig{
				TracerProvider: a.telemetry.TracerProvider(), MeterProvider: a.telemetry.MeterProvider(),
				EnableSemanticMetrics: true, EnableWorkSpanJobKindSuffix: true,
			}),
		},
	}
	if opts.Queues == nil {
		opts.Queues = QueueOptions(cfg)
	}
	jobs.Configure(riverCfg, opts.Queues, cfg.Role == RoleAPI)
	if cfg.Role != RoleAPI && cfg.Retention > 0 {
		jobs.ConfigureRetention(riverCfg)
	}
	if a.river, err = river.NewClient(riverpgxv5.New(a.pool), riverCfg); err != nil {
		return fmt.Errorf("app: river: %w", err)
	}

	if err := jobs.RegisterQueueMetrics(a.telemetry.MeterProvider(), a.store); err != nil {
		return err
	}

	a.mux = http.NewServeMux()
	if cfg.Role != RoleWorker {
		enq, err := enqueue.New()
		if err != nil {
			return err
		}
		batcher := &enqueue.BatcherOptions{MaxBatch: cfg.AcceptBatch, Committers: cfg.AcceptCommitters, SharedFanoutMax: cfg.SharedFanoutMax,
			WakeInterval: cfg.FetchCooldown, Logger: a.logger,
			Validated: true} // by the API's validate interceptor
		if cfg.SharedFanoutMax == 0 {
			batcher.SharedFanoutMax = -1 // none shared
		}
		a.batcher = enqueue.NewBatcher(enq, a.store, batcher)
		otelInterceptor, err := otelconnect.NewInterceptor(otelconnect.WithMeterProvider(a.telemetry.MeterProvider()),
			otelconnect.WithTracerProvider(a.telemetry.TracerProvider()), otelconnect.WithPropagator(a.telemetry.Propagator()),
			// Herald's callers are the tenant's own services: their spans
			// parent ours, so one trace runs from their request to the
			// provider call.
			otelconnect.WithTrustRemote())
		if err != nil {
			return fmt.Errorf("app: otelconnect: %w", err)
		}
		a.inbox = store.NewListener(a.pool, store.InboxChannel, &store.ListenerOptions{Logger: a.logger})
		a.auth = store.NewListener(a.pool, store.AuthChannel, &store.ListenerOptions{Logger: a.logger})
		api, err := server.New(&server.Options{
			Store: a.store, Enqueuer: enq, Batcher: a.batcher, River: a.river, Renderer: renderer, Now: opts.Now, InboxListener: a.inbox, AuthListener: a.auth,
			Lanes: jobs.Lanes(), CORSOrigins: cfg.CORSOrigins, WebhookAllowPrivate: cfg.WebhookAllowPrivate,
			MeterProvider: a.telemetry.MeterProvider(),
			Interceptors:  []connect.Interceptor{otelInterceptor},
		})
		if err != nil {
			return err
		}
		a.mux.Handle("/", api)
		// Provider receipts and tracking links, verified by their signatures.
		receipts := engagement.New(&engagement.Options{Store: a.store, Providers: registry, PublicURL: cfg.PublicURL,
			Logger: a.logger, MeterProvider: a.telemetry.MeterProvider(), TracerProvider: a.telemetry.TracerProvider(), Now: opts.Now})
		a.mux.Handle("POST /receipts/", receipts)
		a.mux.Handle("GET /t/", receipts)
		console := web.Handler()
		a.mux.Handle("GET /console", console)
		a.mux.Handle("GET /console/", console)
		a.mux.Handle("GET /inbox/", console)
	} else {
		a.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) }) //nolint:errcheck // best effort
		a.mux.HandleFunc("GET /readyz", a.readyz)
	}
	a.mux.Handle("GET /metrics", a.telemetry.Handler())

	// River UI for operators: every lane's jobs, their errors and retries.
	if a.riverUI, err = riverui.NewHandler(&riverui.HandlerOpts{
		Endpoints: riverui.NewEndpoints(a.river, nil), Logger: a.logger, Prefix: "/riverui",
		JobListHideArgsByDefault: true,
	}); err != nil {
		return fmt.Errorf("app: river ui: %w", err)
	}
	a.mux.Handle("/riverui/", server.OperatorOnly(a.store, a.riverUI))
	a.mux.Handle("GET /riverui", http.RedirectHandler("/riverui/", http.StatusMovedPermanently))
	return nil
}

// discardedRetention is how long River keeps failed jobs: as long as
// deliveries are kept (-1, River's "forever", when they are kept forever).
func discardedRetention(cfg Config) time.Duration {
	if cfg.Retention == 0 {
		return -1
	}
	return max(cfg.Retention, cfg.JobRetention)
}

func (a *App) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := a.store.Ping(ctx); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n")) //nolint:errcheck // best effort
}

// QueueOptions sizes the lanes as cfg says.
func QueueOptions(cfg Config) *jobs.QueueOptions {
	return &jobs.QueueOptions{FetchCooldown: cfg.FetchCooldown, FetchPollInterval: cfg.FetchPollInterval, Lanes: cfg.LaneWorkers}
}

// EnsureBootstrapKey makes sure tenant "default" exists and key is one of
// its API keys.
func EnsureBootstrapKey(ctx context.Context, st *store.Store, key string) error {
	return st.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		t, err := q.CreateTenant(ctx, "default")
		if err != nil {
			return err
		}
		_, err = q.CreateAPIKey(ctx, t.ID, "bootstrap", key)
		return err
	})
}

// Mux returns the HTTP mux, for mounting more handlers before Start.
func (a *App) Mux() *http.ServeMux { return a.mux }

// Store returns the app's store.
func (a *App) Store() *store.Store { return a.store }

// River returns the app's River client.
func (a *App) River() *river.Client[pgx.Tx] { return a.river }

// Addr returns the address the app listens on, once started.
func (a *App) Addr() string { return a.listener.Addr().String() }

// URL returns the app's base URL, once started.
func (a *App) URL() string { return "http://" + a.Addr() }

// Start listens on the configured address, serves the API and starts the
// workers. It returns once both are running.
func (a *App) Start(ctx context.Context) error {
	ln, err := net.Listen("tcp", a.cfg.Addr)
	if err != nil {
		return fmt.Errorf("app: listen on %s: %w", a.cfg.Addr, err)
	}
	a.listener = ln
	var protocols http.Protocols
	protocols.SetHTTP1(true)
	protocols.SetUnencryptedHTTP2(true) // gRPC without TLS (h2c)
	a.server = &http.Server{
		Handler:           a.mux,
		Protocols:         &protocols,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(a.logger.Handler(), slog.LevelWarn),
	}
	if a.inbox != nil {
		var listenCtx context.Context
		listenCtx, a.stopListeners = context.WithCancel(context.WithoutCancel(ctx))
		for _, l := range []*store.Listener{a.inbox, a.auth} {
			a.listenersDone.Go(func() {
				l.Run(listenCtx) //nolint:errcheck // returns nil once stopped
			})
		}
		// Watch streams never go idle: end them when shutdown starts, so
		// browsers reconnect to another process instead of holding this one.
		a.server.RegisterOnShutdown(a.stopListeners)
	}
	if a.cfg.PprofAddr != "" {
		a.pprof = servePprof(a.cfg.PprofAddr, a.logger)
	}
	a.serveErr = make(chan error, 1)
	if a.batcher != nil {
		a.batcher.Start()
	}
	var uiCtx context.Context
	uiCtx, a.stopRiverUI = context.WithCancel(context.WithoutCancel(ctx))
	if err := a.riverUI.Start(uiCtx); err != nil {
		return fmt.Errorf("app: start river ui: %w", err)
	}
	go func() { a.serveErr <- a.server.Serve(ln) }()

	if a.cfg.Role != RoleAPI {
		if err := a.river.Start(context.WithoutCancel(ctx)); err != nil {
			return fmt.Errorf("app: start workers: %w", err)
		}
	}
	a.logger.InfoContext(ctx, "herald started", "addr", a.Addr(), "role", a.cfg.Role, "version", Version)
	return nil
}

// Run starts the app and stops it gracefully when ctx is done.
func (a *App) Run(ctx context.Context) error {
	if err := a.Start(ctx); err != nil {
		a.Close()
		return err
	}
	select {
	case <-ctx.Done():
	case err := <-a.serveErr:
		a.logger.Error("http server stopped", "error", err)
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
	defer cancel()
	return a.Shutdown(shutdownCtx)
}

// Shutdown stops accepting requests, lets in-flight RPCs and jobs finish
// until ctx is done, then cancels the jobs still running; River hands them
// to another process (or the next start). Nothing accepted is lost: every
// job is either finished or still in the database.
func (a *App) Shutdown(ctx context.Context) error {
	a.logger.InfoContext(ctx, "herald stopping")
	var errs []error
	if a.server != nil {
		if err := a.server.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("http shutdown: %w", err))
			a.server.Close()
		}
		if a.batcher != nil {
			a.batcher.Stop() // no Send can arrive any more
		}
	}
	if a.cfg.Role != RoleAPI && a.listener != nil {
		if err := a.river.Stop(ctx); err != nil {
			hardCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			if err := a.river.StopAndCancel(hardCtx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
				errs = append(errs, fmt.Errorf("workers: %w", err))
			}
			cancel()
		}
	}
	if a.stopListeners != nil {
		a.stopListeners()
		a.listenersDone.Wait()
	}
	if a.stopRiverUI != nil {
		a.stopRiverUI()
	}
	if err := a.flags.Close(context.WithoutCancel(ctx)); err != nil {
		errs = append(errs, fmt.Errorf("flags: %w", err))
	}
	if err := a.telemetry.Shutdown(context.WithoutCancel(ctx)); err != nil {
		errs = append(errs, err)
	}
	a.pool.Close()
	a.asyncPool.Close()
	if a.pprof != nil {
		a.pprof.Close() //nolint:errcheck // best effort
	}
	if a.sqlStats != nil {
		a.sqlStats.log(a.logger, 30)
	}
	return errors.Join(errs...)
}

// Close releases the app's resources without a graceful stop; it also
// cleans up after a New that failed half way.
func (a *App) Close() {
	if a.server != nil {
		a.server.Close()
	}
	if a.stopListeners != nil {
		a.stopListeners()
		a.listenersDone.Wait()
	}
	if a.flags != nil {
		a.flags.Close(context.Background()) //nolint:errcheck // best effort
	}
	if a.pool != nil {
		a.pool.Close()
	}
	if a.asyncPool != nil {
		a.asyncPool.Close()
	}
	a.telemetry.Shutdown(context.Background()) //nolint:errcheck // best effort
}

// DatabaseError is returned when Postgres cannot be reached or prepared. Its
// message says how to get a database.
type DatabaseError struct {
	URL string
	Err error
}

func (e *DatabaseError) Error() string {
	return fmt.Sprintf(`cannot use the database at %s: %v

Herald needs PostgreSQL 15 or newer. Either
  - start a local server (Debian/Ubuntu: sudo apt-get install postgresql && sudo pg_ctlcluster 15 main start)
    and point HERALD_DATABASE_URL at it (default %s),
  - or run one with Docker: docker compose up -d postgres
    and set HERALD_DATABASE_URL=postgres://herald:herald@localhost:5432/herald?sslmode=disable`, redactURL(e.URL), e.Err, DefaultDatabaseURL)
}

func (e *DatabaseError) Unwrap() error { return e.Err }

// redactURL hides a password in a database URL.
func redactURL(u string) string {
	cfg, err := pgx.ParseConfig(u)
	if err != nil || cfg.Password == "" {
		return u
	}
	return fmt.Sprintf("postgres://%s:***@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}
