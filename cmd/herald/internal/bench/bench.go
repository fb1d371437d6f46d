// Package bench measures Herald against baselines taken in the same run on
// the same database: raw Postgres one-row insert transactions and raw River
// no-op jobs. Figures from shared machines swing from run to run; the
// ratios between Herald and the baselines mean the same everywhere.
package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"sort"
	"time"
)

// Scenarios herald bench knows.
const (
	ScenarioSingle = "single" // single-recipient sends, accept and end to end
	ScenarioFanout = "fanout" // one Send to many recipients
	ScenarioTopic  = "topic"  // one Send to a topic's subscribers
	ScenarioLanes  = "lanes"  // critical sends during a bulk flood
	ScenarioQueued = "queued" // RSS with many deliveries queued
	// ScenarioIsolation measures webhook latency while the SMS provider
	// hangs.
	ScenarioIsolation = "isolation"
)

// Config says what to measure. Zero fields take the defaults noted.
type Config struct {
	// DatabaseURL is any database on the Postgres server to use; the bench
	// creates its own database there and drops it afterwards.
	DatabaseURL string
	// N is how many notifications the single scenario sends per phase and
	// per round (default 2000).
	N int
	// Rounds is how many times the single scenario's accept-only phase and
	// the raw Postgres baseline run, alternately; their medians are
	// compared (default 3).
	Rounds int
	// Concurrency is how many clients send at once, and how many the
	// baselines use (default 32).
	Concurrency int
	// Recipients is the fan-out and topic size (default 10000).
	Recipients int
	// Bulk is the lanes scenario's flood size (default 100000).
	Bulk int
	// Queued is the queued scenario's delivery count (default 1000000).
	Queued int
	// Scenarios to run (default single).
	Scenarios []string
	// HeraldBinary runs Herald as a child process (its CPU and RSS are then
	// Herald's own). Empty runs it inside this process (tests).
	HeraldBinary string
	// WorkerProcs, with HeraldBinary, runs Herald as one API process and
	// this many worker processes instead of one process doing both.
	WorkerProcs int
	// Env adds HERALD_* settings for the Herald under test.
	Env map[string]string
	// Logger receives progress. Default: discard.
	Logger *slog.Logger
}

func (c *Config) defaults() {
	if c.N == 0 {
		c.N = 2000
	}
	if c.Rounds == 0 {
		c.Rounds = 3
	}
	if c.Concurrency == 0 {
		c.Concurrency = 32
	}
	if c.Recipients == 0 {
		c.Recipients = 10_000
	}
	if c.Bulk == 0 {
		c.Bulk = 100_000
	}
	if c.Queued == 0 {
		c.Queued = 1_000_000
	}
	if len(c.Scenarios) == 0 {
		c.Scenarios = []string{ScenarioSingle}
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// validate rejects sizes that cannot be measured; call it after defaults.
func (c *Config) validate() error {
	for _, f := range []struct {
		name string
		v    int
	}{{"n", c.N}, {"rounds", c.Rounds}, {"concurrency", c.Concurrency}, {"recipients", c.Recipients}, {"bulk", c.Bulk}, {"queued", c.Queued}} {
		if f.v < 1 {
			return fmt.Errorf("bench: %s must be at least 1, got %d", f.name, f.v)
		}
	}
	if c.WorkerProcs < 0 {
		return fmt.Errorf("bench: worker-procs must not be negative, got %d", c.WorkerProcs)
	}
	return nil
}

// Report is everything one run measured.
type Report struct {
	Machine     Machine            `json:"machine"`
	Settings    Settings           `json:"settings"`
	Baselines   Baselines          `json:"baselines"`
	Single      *SingleResult      `json:"single,omitempty"`
	Fanout      *FanoutResult      `json:"fanout,omitempty"`
	Topic       *FanoutResult      `json:"topic,omitempty"`
	Lanes       *LanesResult       `json:"lanes,omitempty"`
	Queued      *QueuedResult      `json:"queued,omitempty"`
	Isolation   *IsolationResult   `json:"isolation,omitempty"`
	Ratios      map[string]float64 `json:"ratios"`
	Targets     []TargetCheck      `json:"targets"`
	StartedAt   time.Time          `json:"started_at"`
	DurationSec float64            `json:"duration_sec"`
}

// Machine describes where the run happened.
type Machine struct {
	CPUs     int    `json:"cpus"`
	GOOS     string `json:"goos"`
	GOARCH   string `json:"goarch"`
	Postgres string `json:"postgres"`
}

// Settings are the knobs both Herald and the baselines used.
type Settings struct {
	N               int    `json:"n"`
	Rounds          int    `json:"rounds"`
	Concurrency     int    `json:"concurrency"`
	Workers         int    `json:"workers"`
	FetchCooldownMS int    `json:"fetch_cooldown_ms"`
	PoolSize        int    `json:"pool_size"`
	Herald          string `json:"herald"` // "child process" or "in process"
}

// Baselines are the reference rates, measured in the same run.
type Baselines struct {
	// PGInsertTxPerSec: one-row insert transactions (unique tenant +
	// idempotency key, jsonb payload) from Concurrency clients, the median
	// of PGInsertTxRounds. Measured with the single scenario only.
	PGInsertTxPerSec float64 `json:"pg_insert_tx_per_sec"`
	// PGInsertTxRounds are the rounds run between the single scenario's
	// accept-only rounds.
	PGInsertTxRounds []float64 `json:"pg_insert_tx_rounds,omitempty"`
	// RiverInsertTxPerSec: no-op jobs, each inserted in its own transaction
	// from Concurrency clients, inserted and worked per second.
	RiverInsertTxPerSec float64 `json:"river_insert_tx_per_sec"`
	// RiverInsertManyPerSec: the same with InsertMany batches of 1000,
	// the bulk path's reference.
	RiverInsertManyPerSec float64 `json:"river_insert_many_per_sec"`
}

// Latency holds percentiles in milliseconds.
type Latency struct {
	P50 float64 `json:"p50_ms"`
	P95 float64 `json:"p95_ms"`
	P99 float64 `json:"p99_ms"`
	Max float64 `json:"max_ms"`
}

func latency(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	at := func(q float64) float64 {
		i := int(q * float64(len(s)-1))
		return float64(s[i]) / float64(time.Millisecond)
	}
	return Latency{P50: at(0.50), P95: at(0.95), P99: at(0.99), Max: float64(s[len(s)-1]) / float64(time.Millisecond)}
}

// median is the middle of xs (the mean of the middle two for an even
// count), 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 0 {
		return (s[m-1] + s[m]) / 2
	}
	return s[m]
}

// Process is what the Herald process used during a scenario.
type Process struct {
	CPUSeconds float64 `json:"cpu_seconds"`
	// CPUCores is CPU seconds over wall seconds: cores kept busy.
	CPUCores  float64 `json:"cpu_cores"`
	PeakRSSMB float64 `json:"peak_rss_mb"`
}

// TargetCheck compares a figure with the target.
type TargetCheck struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Target float64 `json:"target"`
	// AtMost is true when the value must not exceed the target.
	AtMost bool `json:"at_most"`
	Met    bool `json:"met"`
}

func check(name string, value, target float64, atMost bool) TargetCheck {
	met := value >= target
	if atMost {
		met = value <= target
	}
	return TargetCheck{Name: name, Value: value, Target: target, AtMost: atMost, Met: met}
}

// Run measures the baselines and the configured scenarios.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg.defaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	r := &Report{StartedAt: time.Now(), Ratios: map[string]float64{}}
	r.Machine = Machine{CPUs: runtime.NumCPU(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH}

	db, err := createDatabase(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	defer db.drop(context.WithoutCancel(ctx))
	r.Machine.Postgres = db.serverVersion

	// River's baselines run on the migrated database before Herald starts,
	// with the worker count, fetch cooldown and pool size Herald will use;
	// Postgres's runs in rounds with the single scenario.
	h, err := startHerald(ctx, cfg, db.url, func(h *herald) error {
		cfg.Logger.Info("baselines", "concurrency", cfg.Concurrency, "workers", h.workers)
		var err error
		if r.Baselines, err = measureBaselines(ctx, db.url, cfg, h); err != nil {
			return fmt.Errorf("bench: baselines: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	defer h.stop(context.WithoutCancel(ctx))
	r.Settings = Settings{N: cfg.N, Rounds: cfg.Rounds, Concurrency: cfg.Concurrency, Workers: h.workers,
		FetchCooldownMS: int(h.fetchCooldown / time.Millisecond), PoolSize: h.poolSize, Herald: h.mode}
	for _, s := range cfg.Scenarios {
		cfg.Logger.Info("scenario", "name", s)
		var err error
		switch s {
		case ScenarioSingle:
			r.Single, err = runSingle(ctx, cfg, h, &r.Baselines)
		case ScenarioFanout:
			r.Fanout, err = runFanout(ctx, cfg, h, false)
		case ScenarioTopic:
			r.Topic, err = runFanout(ctx, cfg, h, true)
		case ScenarioLanes:
			r.Lanes, err = runLanes(ctx, cfg, h)
		case ScenarioIsolation:
			r.Isolation, err = runIsolation(ctx, cfg, h)
		case ScenarioQueued:
			r.Queued, err = runQueued(ctx, cfg, h)
		default:
			err = fmt.Errorf("unknown scenario %q", s)
		}
		if err != nil {
			return nil, fmt.Errorf("bench: %s: %w", s, err)
		}
	}
	r.judge()
	r.DurationSec = time.Since(r.StartedAt).Seconds()
	return r, nil
}

// judge computes the ratios and compares them with the targets.
func (r *Report) judge() {
	if s := r.Single; s != nil {
		r.Ratios["e2e_vs_river"] = s.E2EPerSec / r.Baselines.RiverInsertTxPerSec
		r.Ratios["accept_vs_pg"] = s.AcceptOnlyPerSec / r.Baselines.PGInsertTxPerSec
		r.Ratios["accept_while_delivering_vs_pg"] = s.AcceptPerSec / r.Baselines.PGInsertTxPerSec
		r.Targets = append(r.Targets,
			check("e2e_vs_river", r.Ratios["e2e_vs_river"], 0.5, false),
			check("accept_vs_pg", r.Ratios["accept_vs_pg"], 0.8, false))
	}
	if f := r.Fanout; f != nil {
		r.Targets = append(r.Targets, check("fanout_recipients_per_sec", f.QueuedPerSec, 20_000, false))
	}
	if l := r.Lanes; l != nil {
		r.Targets = append(r.Targets, check("critical_p99_ms_during_flood", l.Critical.P99, 250, true))
	}
	if i := r.Isolation; i != nil && i.Before.P99 > 0 {
		// Not one of the figures: ours, with room for noise.
		r.Ratios["hanging_provider_p99_ratio"] = i.During.P99 / i.Before.P99
		r.Targets = append(r.Targets, check("hanging_provider_p99_ratio", r.Ratios["hanging_provider_p99_ratio"], 2, true))
	}
	if q := r.Queued; q != nil {
		r.Targets = append(r.Targets, check("peak_rss_mb_with_deliveries_queued", q.Process.PeakRSSMB, 300, true))
	}
}
