package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/heraldhq/herald/store"
)

// maintenanceQueue is the lane of Herald's housekeeping: retention.
const maintenanceQueue = "maintenance"

// retentionEvery is how often retention runs.
const retentionEvery = time.Hour

// RetentionArgs deletes what is older than the retention period.
type RetentionArgs struct{}

// Kind implements river.JobArgs.
func (RetentionArgs) Kind() string { return "herald.retention" }

// RetentionOptions configure retention. The zero value keeps everything.
type RetentionOptions struct {
	// Age is how long a finished notification, its deliveries, events and
	// inbox items, and flushed digest items are kept. Zero keeps them
	// forever.
	Age time.Duration
	// Batch is the most rows one statement deletes. Default 1000.
	Batch int
	// Pause is how long retention waits between batches, leaving the
	// database to traffic. Default 10ms.
	Pause time.Duration
}

// RetentionWorker deletes, in batches, notifications done for longer than
// the retention age (with their deliveries, events and inbox items),
// flushed digest items as old, and expired dedupe keys. It runs hourly on
// the leader; a run cut short by a crash or a deploy is finished by the
// next.
type RetentionWorker struct {
	river.WorkerDefaults[RetentionArgs]
	w *worker
}

// Timeout implements river.Worker: a first run over a large backlog may
// take long, and is safe to stop at any point.
func (r *RetentionWorker) Timeout(*river.Job[RetentionArgs]) time.Duration { return 50 * time.Minute }

// Work implements river.Worker.
func (r *RetentionWorker) Work(ctx context.Context, job *river.Job[RetentionArgs]) error {
	w := r.w
	opts := w.opts.Retention
	if opts == nil || opts.Age <= 0 {
		return nil
	}
	batch, pause := opts.Batch, opts.Pause
	if batch <= 0 {
		batch = 1000
	}
	if pause <= 0 {
		pause = 10 * time.Millisecond
	}
	// Ages are measured by the database's clock, which stamped the rows
	// (a worker's clock may be off, or a test's).
	st := w.opts.Store
	var total store.Pruned
	steps := []func() (store.Pruned, bool, error){
		func() (store.Pruned, bool, error) { return st.PruneNotifications(ctx, opts.Age, batch) },
		func() (store.Pruned, bool, error) {
			n, more, err := st.PruneDigestItems(ctx, opts.Age, batch)
			return store.Pruned{DigestItems: n}, more, err
		},
		func() (store.Pruned, bool, error) {
			n, more, err := st.PruneDedupeKeys(ctx, batch)
			return store.Pruned{DedupeKeys: n}, more, err
		},
	}
	for _, step := range steps {
		for {
			p, more, err := step()
			total.Add(p)
			if err != nil {
				return fmt.Errorf("retention: %w", err)
			}
			if !more {
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err() // the next run finishes
			case <-time.After(pause):
			}
		}
	}
	for table, n := range map[string]int64{"notifications": total.Notifications, "deliveries": total.Deliveries,
		"delivery_events": total.Events, "digest_items": total.DigestItems, "dedupe_keys": total.DedupeKeys} {
		w.metrics.pruned.Add(ctx, n, metric.WithAttributes(attribute.String("table", table)))
	}
	w.opts.Logger.InfoContext(ctx, "retention pass done", "age", opts.Age, "notifications", total.Notifications,
		"deliveries", total.Deliveries, "events", total.Events, "digest_items", total.DigestItems, "dedupe_keys", total.DedupeKeys)
	return nil
}

// ConfigureRetention adds the hourly retention run to cfg, on the leader,
// unique per hour so a restart neither skips nor doubles it.
func ConfigureRetention(cfg *river.Config) {
	cfg.PeriodicJobs = append(cfg.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(retentionEvery),
		func() (river.JobArgs, *river.InsertOpts) {
			return RetentionArgs{}, &river.InsertOpts{Queue: maintenanceQueue, UniqueOpts: river.UniqueOpts{ByPeriod: retentionEvery}}
		}, &river.PeriodicJobOpts{RunOnStart: true}))
}
