package jobs

import (
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/heraldhq/herald/store"
)

// QueueOptions size the lanes. The zero value gives the defaults.
type QueueOptions struct {
	// DeliverWorkers is the worker count of each delivery lane (one per
	// channel) by priority. A worker works one delivery, or one batch of up
	// to 32 first attempts whose calls run at once. Defaults: critical 20,
	// high 20, normal 20, bulk 4 (bulk batches would otherwise take the CPU
	// critical deliveries need: measured, critical p99 during a 100,000
	// flood fell from 185 to 122 ms, bulk throughput by a fifth).
	DeliverWorkers map[store.Priority]int
	// FanoutWorkers is the worker count of each priority's fan-out lane.
	// Default 4.
	FanoutWorkers int
	// FetchCooldown is the least time between two fetches of one lane; it
	// caps a lane at about workers/FetchCooldown jobs per second.
	// Default 5ms.
	FetchCooldown time.Duration
	// FetchPollInterval is how often lanes poll when no insert notification
	// arrives. Default 1s.
	FetchPollInterval time.Duration
	// Lanes overrides worker counts by lane pattern, first match wins:
	// "normal_webhook", "bulk_*", "*_sms", "fanout_*". It takes precedence
	// over DeliverWorkers and FanoutWorkers. A count of 0 leaves the lane to
	// other processes: this one does not work it.
	Lanes []LaneWorkers
}

// LaneWorkers sizes the lanes a pattern matches.
type LaneWorkers struct {
	// Pattern is a lane name, "<priority>_<channel>" or "fanout_<priority>",
	// where either part may be "*".
	Pattern string
	Workers int
}

// matches reports whether lane (like "bulk_sms" or "fanout_high") fits
// pattern.
func (l LaneWorkers) matches(lane string) bool {
	pp, pc, ok1 := strings.Cut(l.Pattern, "_")
	lp, lc, ok2 := strings.Cut(lane, "_")
	if !ok1 || !ok2 {
		return l.Pattern == lane
	}
	if lp == "fanout" || pp == "fanout" {
		return pp == lp && (pc == "*" || pc == lc)
	}
	return (pp == "*" || pp == lp) && (pc == "*" || pc == lc)
}

// workers is the worker count of lane: the first matching override, else
// def.
func (o *QueueOptions) workers(lane string, def int) int {
	for _, l := range o.Lanes {
		if l.matches(lane) {
			return l.Workers
		}
	}
	return def
}

var defaultDeliverWorkers = map[store.Priority]int{
	store.PriorityCritical: 20,
	store.PriorityHigh:     20,
	store.PriorityNormal:   20,
	store.PriorityBulk:     4,
}

// Configure sets cfg's lanes (unless insertOnly) and fetch timing from opts.
//
// The client-level FetchCooldown matters even without lanes: River also uses
// it to rate-limit the notifications an insert sends to wake producers. An
// insert whose notification is held back waits for the lane's next poll
// unless a fetch happens to come after its commit: with a job that inserts
// more into its own lane (a fan-out planning its chunks) right after the
// Send's insert, that was a full poll interval about half the time. So the
// client's cooldown is River's least, 1ms; each lane keeps its own for
// fetching.
func Configure(cfg *river.Config, opts *QueueOptions, insertOnly bool) {
	if opts == nil {
		opts = &QueueOptions{}
	}
	_, cfg.FetchPollInterval = opts.timing()
	cfg.FetchCooldown = river.FetchCooldownMin
	if !insertOnly {
		cfg.Queues = Queues(opts)
		// Periodic jobs are not durable: run on start, unique per period, so
		// a restart neither skips nor doubles a sweep.
		cfg.PeriodicJobs = append(cfg.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(digestSweepEvery),
			func() (river.JobArgs, *river.InsertOpts) {
				return DigestSweepArgs{}, &river.InsertOpts{Queue: digestQueue, UniqueOpts: river.UniqueOpts{ByPeriod: digestSweepEvery}}
			}, &river.PeriodicJobOpts{RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(statusWebhookSweepEvery),
				func() (river.JobArgs, *river.InsertOpts) {
					return StatusWebhookSweepArgs{}, &river.InsertOpts{Queue: maintenanceQueue, UniqueOpts: river.UniqueOpts{ByPeriod: statusWebhookSweepEvery}}
				}, &river.PeriodicJobOpts{RunOnStart: true}))
	}
}

func (o *QueueOptions) timing() (cooldown, poll time.Duration) {
	cooldown, poll = o.FetchCooldown, o.FetchPollInterval
	if cooldown == 0 {
		cooldown = 5 * time.Millisecond
	}
	if poll == 0 {
		poll = time.Second
	}
	return cooldown, poll
}

// Lanes returns the name of every lane, whether this process works it or
// not.
func Lanes() []string {
	lanes := []string{digestQueue, maintenanceQueue, statusWebhookQueue}
	for _, p := range store.Priorities {
		lanes = append(lanes, FanoutQueue(p))
		for _, c := range store.Channels {
			lanes = append(lanes, DeliverQueue(p, c))
		}
	}
	return lanes
}

// Queues returns River's queue configuration for every lane this process
// works.
func Queues(opts *QueueOptions) map[string]river.QueueConfig {
	if opts == nil {
		opts = &QueueOptions{}
	}
	cooldown, poll := opts.timing()
	fanout := opts.FanoutWorkers
	if fanout == 0 {
		fanout = 4
	}
	queues := map[string]river.QueueConfig{
		digestQueue:      {MaxWorkers: 2, FetchCooldown: cooldown, FetchPollInterval: poll},
		maintenanceQueue: {MaxWorkers: 2, FetchCooldown: cooldown, FetchPollInterval: poll},
		// One job per endpoint, each mostly snoozing or waiting on HTTP.
		statusWebhookQueue: {MaxWorkers: 10, FetchCooldown: cooldown, FetchPollInterval: poll},
	}
	for _, p := range store.Priorities {
		q := FanoutQueue(p)
		if n := opts.workers(q, fanout); n > 0 {
			queues[q] = river.QueueConfig{MaxWorkers: n, FetchCooldown: cooldown, FetchPollInterval: poll}
		}
		workers := opts.DeliverWorkers[p]
		if workers == 0 {
			workers = defaultDeliverWorkers[p]
		}
		for _, c := range store.Channels {
			q := DeliverQueue(p, c)
			if n := opts.workers(q, workers); n > 0 {
				queues[q] = river.QueueConfig{MaxWorkers: n, FetchCooldown: cooldown, FetchPollInterval: poll}
			}
		}
	}
	return queues
}
