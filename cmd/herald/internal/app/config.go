package app

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/heraldhq/herald/jobs"
)

// DefaultDatabaseURL is where Herald looks for Postgres unless
// HERALD_DATABASE_URL says otherwise.
const DefaultDatabaseURL = "postgres://localhost:5432/herald?sslmode=disable"

// Roles a process can take.
const (
	RoleAll    = "all"    // API and workers
	RoleAPI    = "api"    // API only: accepts and answers, never works jobs
	RoleWorker = "worker" // workers only, plus /healthz, /readyz and /metrics
)

// Config is everything a Herald process is configured with. ConfigFromEnv
// documents each field's variable and default.
type Config struct {
	DatabaseURL         string
	Addr                string
	Role                string
	BootstrapAPIKey     string
	WebhookAllowPrivate bool
	FlagsFile           string
	FlagdAddr           string
	KillSwitchRecheck   time.Duration
	FetchCooldown       time.Duration
	AcceptBatch         int
	AcceptCommitters    int
	SharedFanoutMax     int
	FanoutChunk         int
	FetchPollInterval   time.Duration
	LaneWorkers         []jobs.LaneWorkers
	MessageTypesDir     string
	AutoMigrate         bool
	DBMaxConns          int32
	MaxAttempts         int
	RetryBaseDelay      time.Duration
	RetryMaxDelay       time.Duration
	ProviderTimeout     time.Duration
	ShutdownTimeout     time.Duration
	Retention           time.Duration
	RetentionBatch      int
	JobRetention        time.Duration
	LogLevel            string
	LogFormat           string
	PprofAddr           string
	DebugSQL            bool
	// Providers configures the delivery providers (providers.go).
	Providers   ProviderConfig
	CORSOrigins []string
	// PublicURL is where Herald is reachable from outside (receipts,
	// tracking links); empty turns those off.
	PublicURL string
}

// Variables lists the environment variables ConfigFromEnv reads, with their
// defaults and meaning, in the order the README's table shows them.
var Variables = append([]struct{ Name, Default, Doc string }{
	{"HERALD_DATABASE_URL", DefaultDatabaseURL, "Postgres URL; the database is created if missing."},
	{"HERALD_ADDR", ":8080", "Listen address for Connect, gRPC, gRPC-Web, probes and /metrics (h2c)."},
	{"HERALD_ROLE", RoleAll, "all, api (accept and answer only) or worker (work jobs only)."},
	{"HERALD_BOOTSTRAP_API_KEY", "", "Ensures tenant `default` exists with this API key."},
	{"HERALD_WEBHOOK_ALLOW_PRIVATE", "false", "Let webhooks reach loopback and private addresses (true in `herald dev`)."},
	{"HERALD_FLAGS_FILE", "", "flagd flag file (JSON) for rollout, dark launch, kill switches, provider split and A/B variants; watched."},
	{"HERALD_FLAGD_ADDR", "", "host:port of a flagd sync service, used when HERALD_FLAGS_FILE is empty."},
	{"HERALD_KILL_SWITCH_RECHECK", "10s", "How often a delivery held by a kill switch looks again."},
	{"HERALD_LANE_WORKERS", "", "Worker counts per lane, first match wins: `critical_*=40,bulk_*=5,*_sms=10,fanout_*=8` (defaults: 20 per delivery lane, 4 for bulk, 4 per fan-out lane; a delivery worker takes one delivery or a batch of up to 32 first attempts; 0 leaves a lane to other processes)."},
	{"HERALD_ACCEPT_BATCH", "64", "Most Sends one accepting transaction takes (group commit)."},
	{"HERALD_ACCEPT_COMMITTERS", "2", "Accepting transactions in flight at once: one writes its group of Sends while the others wait for their commit."},
	{"HERALD_SHARED_FANOUT_MAX", "100", "Notifications due now with at most this many recipients share one fan-out job per accepting transaction; bigger ones are planned into parallel chunks. 0 gives every notification its own job."},
	{"HERALD_FANOUT_CHUNK", "500", "Recipients the fan-out job handles per transaction (a recipient list or a topic's subscribers)."},
	{"HERALD_FETCH_COOLDOWN", "5ms", "Least time between two fetches of one lane (caps a lane near workers/cooldown jobs per second)."},
	{"HERALD_FETCH_POLL_INTERVAL", "1s", "How often lanes poll when no insert notification arrives."},
	{"HERALD_MESSAGE_TYPES_DIR", "", "Directory of message type YAML files, validated and applied at start."},
	{"HERALD_AUTO_MIGRATE", "true", "Apply migrations at start (`herald migrate` does it on demand)."},
	{"HERALD_DB_MAX_CONNS", "32", "Postgres connection pool size."},
	{"HERALD_MAX_ATTEMPTS", "8", "Provider calls per delivery when the message type does not say."},
	{"HERALD_RETRY_BASE_DELAY", "2s", "First retry delay; doubles each attempt, with jitter."},
	{"HERALD_RETRY_MAX_DELAY", "1h", "Longest retry delay."},
	{"HERALD_PROVIDER_TIMEOUT", "30s", "Bound on one provider call."},
	{"HERALD_SHUTDOWN_TIMEOUT", "30s", "How long shutdown waits for in-flight jobs before handing them back."},
	{"HERALD_RETENTION", "2160h", "How long finished notifications are kept, with their deliveries, events, inbox items and idempotency keys (90 days); `0` keeps them forever. Deleted hourly in batches."},
	{"HERALD_RETENTION_BATCH", "1000", "Most rows one retention statement deletes."},
	{"HERALD_JOB_RETENTION", "24h", "How long River keeps completed and canceled jobs; failed (discarded) jobs are kept for HERALD_RETENTION."},
	{"HERALD_LOG_LEVEL", "info", "debug, info, warn or error."},
	{"HERALD_LOG_FORMAT", "json", "json or text."},
	{"HERALD_PPROF_ADDR", "", "Serve Go's pprof profiles on this separate address (e.g. `127.0.0.1:6060`); empty for none."},
	{"HERALD_DEBUG_SQL", "false", "Add up database time per SQL statement and log the costliest at shutdown (profiling aid)."},
	{"HERALD_CORS_ORIGINS", "", "Comma-separated origins whose pages may call the API from a browser (the sites embedding the inbox), e.g. `https://app.example.com`; `*` allows any."},
	{"HERALD_PUBLIC_URL", "", "Herald's base URL as providers and readers reach it, e.g. `https://herald.example.com`: Twilio status callbacks, webhook `receiptUrl`s and email open/click tracking links point there (see [Receipts and engagement](#receipts-and-engagement)); empty turns them off."},
}, providerVariables()...)

// ConfigFromEnv reads the configuration from getenv (os.Getenv if nil) and
// validates it, reporting every invalid variable at once.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	p := &parser{getenv: getenv}
	cfg := Config{
		DatabaseURL:         p.str("HERALD_DATABASE_URL"),
		Addr:                p.str("HERALD_ADDR"),
		Role:                p.str("HERALD_ROLE"),
		BootstrapAPIKey:     p.str("HERALD_BOOTSTRAP_API_KEY"),
		WebhookAllowPrivate: p.boolean("HERALD_WEBHOOK_ALLOW_PRIVATE"),
		FlagsFile:           p.str("HERALD_FLAGS_FILE"),
		FlagdAddr:           p.str("HERALD_FLAGD_ADDR"),
		KillSwitchRecheck:   p.duration("HERALD_KILL_SWITCH_RECHECK"),
		FetchCooldown:       p.duration("HERALD_FETCH_COOLDOWN"),
		AcceptBatch:         p.integer("HERALD_ACCEPT_BATCH", 1, 10000),
		AcceptCommitters:    p.integer("HERALD_ACCEPT_COMMITTERS", 1, 256),
		SharedFanoutMax:     p.integer("HERALD_SHARED_FANOUT_MAX", 0, 10000),
		FanoutChunk:         p.integer("HERALD_FANOUT_CHUNK", 1, 100000),
		FetchPollInterval:   p.duration("HERALD_FETCH_POLL_INTERVAL"),
		LaneWorkers:         p.lanes("HERALD_LANE_WORKERS"),
		MessageTypesDir:     p.str("HERALD_MESSAGE_TYPES_DIR"),
		AutoMigrate:         p.boolean("HERALD_AUTO_MIGRATE"),
		DBMaxConns:          int32(p.integer("HERALD_DB_MAX_CONNS", 1, 10000)),
		MaxAttempts:         p.integer("HERALD_MAX_ATTEMPTS", 1, 25),
		RetryBaseDelay:      p.duration("HERALD_RETRY_BASE_DELAY"),
		RetryMaxDelay:       p.duration("HERALD_RETRY_MAX_DELAY"),
		ProviderTimeout:     p.duration("HERALD_PROVIDER_TIMEOUT"),
		ShutdownTimeout:     p.duration("HERALD_SHUTDOWN_TIMEOUT"),
		Retention:           p.duration("HERALD_RETENTION"),
		RetentionBatch:      p.integer("HERALD_RETENTION_BATCH", 1, 100000),
		JobRetention:        p.duration("HERALD_JOB_RETENTION"),
		LogLevel:            p.str("HERALD_LOG_LEVEL"),
		LogFormat:           p.str("HERALD_LOG_FORMAT"),
		PprofAddr:           p.str("HERALD_PPROF_ADDR"),
		DebugSQL:            p.boolean("HERALD_DEBUG_SQL"),
		Providers:           providerConfigFromEnv(p),
		CORSOrigins:         p.list("HERALD_CORS_ORIGINS"),
		PublicURL:           strings.TrimRight(p.str("HERALD_PUBLIC_URL"), "/"),
	}
	if err := cfg.Validate(); err != nil {
		p.errs = append(p.errs, err)
	}
	return cfg, errors.Join(p.errs...)
}

// Validate checks the configuration's values, naming the variable at fault.
func (c *Config) Validate() error {
	var errs []error
	if _, err := pgxpool.ParseConfig(c.DatabaseURL); err != nil {
		errs = append(errs, fmt.Errorf("HERALD_DATABASE_URL: %w", err))
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("HERALD_ADDR: %q is not host:port (%v)", c.Addr, err))
	}
	switch c.Role {
	case RoleAll, RoleAPI, RoleWorker:
	default:
		errs = append(errs, fmt.Errorf("HERALD_ROLE: %q is not all, api or worker", c.Role))
	}
	if c.BootstrapAPIKey != "" && len(c.BootstrapAPIKey) < 16 {
		errs = append(errs, errors.New("HERALD_BOOTSTRAP_API_KEY: must be at least 16 characters"))
	}
	if c.FlagsFile != "" {
		if _, err := os.Stat(c.FlagsFile); err != nil {
			errs = append(errs, fmt.Errorf("HERALD_FLAGS_FILE: %w", err))
		}
	}
	if c.FlagdAddr != "" {
		if _, _, err := net.SplitHostPort(c.FlagdAddr); err != nil {
			errs = append(errs, fmt.Errorf("HERALD_FLAGD_ADDR: %q is not host:port", c.FlagdAddr))
		}
	}
	if c.PprofAddr != "" {
		if _, _, err := net.SplitHostPort(c.PprofAddr); err != nil {
			errs = append(errs, fmt.Errorf("HERALD_PPROF_ADDR: %q is not host:port", c.PprofAddr))
		}
	}
	if c.MessageTypesDir != "" {
		if fi, err := os.Stat(c.MessageTypesDir); err != nil || !fi.IsDir() {
			errs = append(errs, fmt.Errorf("HERALD_MESSAGE_TYPES_DIR: %q is not a readable directory", c.MessageTypesDir))
		}
	}
	if c.RetryBaseDelay <= 0 || c.RetryMaxDelay < c.RetryBaseDelay {
		errs = append(errs, errors.New("HERALD_RETRY_BASE_DELAY / HERALD_RETRY_MAX_DELAY: need 0 < base <= max"))
	}
	if c.FetchCooldown <= 0 || c.FetchPollInterval < c.FetchCooldown {
		errs = append(errs, errors.New("HERALD_FETCH_COOLDOWN / HERALD_FETCH_POLL_INTERVAL: need 0 < cooldown <= poll interval"))
	}
	if c.KillSwitchRecheck <= 0 {
		errs = append(errs, errors.New("HERALD_KILL_SWITCH_RECHECK: must be positive"))
	}
	if c.ProviderTimeout <= 0 {
		errs = append(errs, errors.New("HERALD_PROVIDER_TIMEOUT: must be positive"))
	}
	if c.Retention < 0 || c.JobRetention <= 0 {
		errs = append(errs, errors.New("HERALD_RETENTION / HERALD_JOB_RETENTION: retention must be 0 (forever) or positive, job retention positive"))
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("HERALD_SHUTDOWN_TIMEOUT: must be positive"))
	}
	switch strings.ToLower(c.LogLevel) {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("HERALD_LOG_LEVEL: %q is not debug, info, warn or error", c.LogLevel))
	}
	for _, o := range c.CORSOrigins {
		if err := checkOrigin(o); err != nil {
			errs = append(errs, fmt.Errorf("HERALD_CORS_ORIGINS: %w", err))
		}
	}
	if c.PublicURL != "" {
		if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			u.User != nil || u.RawQuery != "" || u.Fragment != "" {
			errs = append(errs, fmt.Errorf("HERALD_PUBLIC_URL: %q is not a base URL like https://herald.example.com", c.PublicURL))
		}
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		errs = append(errs, fmt.Errorf("HERALD_LOG_FORMAT: %q is not json or text", c.LogFormat))
	}
	if err := c.Providers.validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

type parser struct {
	getenv func(string) string
	errs   []error
}

func (p *parser) str(name string) string {
	if v := p.getenv(name); v != "" {
		return v
	}
	for _, v := range Variables {
		if v.Name == name {
			return v.Default
		}
	}
	return ""
}

// list splits a comma-separated variable, dropping empty entries.
func (p *parser) list(name string) []string {
	var out []string
	for _, v := range strings.Split(p.str(name), ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// checkOrigin accepts "*" or a browser origin: scheme://host[:port],
// nothing after.
func checkOrigin(o string) error {
	if o == "*" {
		return nil
	}
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q is not an origin like https://app.example.com", o)
	}
	return nil
}

func (p *parser) boolean(name string) bool {
	b, err := strconv.ParseBool(p.str(name))
	if err != nil {
		p.errs = append(p.errs, fmt.Errorf("%s: %q is not true or false", name, p.getenv(name)))
	}
	return b
}

func (p *parser) integer(name string, lo, hi int) int {
	n, err := strconv.Atoi(p.str(name))
	if err != nil || n < lo || n > hi {
		p.errs = append(p.errs, fmt.Errorf("%s: %q is not a whole number from %d to %d", name, p.getenv(name), lo, hi))
	}
	return n
}

func (p *parser) lanes(name string) []jobs.LaneWorkers {
	v := p.str(name)
	if v == "" {
		return nil
	}
	var out []jobs.LaneWorkers
	for _, part := range strings.Split(v, ",") {
		pattern, n, ok := strings.Cut(strings.TrimSpace(part), "=")
		workers, err := strconv.Atoi(n)
		if !ok || err != nil || workers < 0 || workers > 10000 || !strings.Contains(pattern, "_") {
			p.errs = append(p.errs, fmt.Errorf("%s: %q is not <priority|*>_<channel|*>=N or fanout_<priority|*>=N", name, part))
			continue
		}
		out = append(out, jobs.LaneWorkers{Pattern: pattern, Workers: workers})
	}
	return out
}

func (p *parser) duration(name string) time.Duration {
	d, err := time.ParseDuration(p.str(name))
	if err != nil {
		p.errs = append(p.errs, fmt.Errorf("%s: %q is not a duration like 30s or 5m", name, p.getenv(name)))
	}
	return d
}
