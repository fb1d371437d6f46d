package jobs

import (
	"context"
	"fmt"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/heraldhq/herald/store"
)

// queueStatsMaxAge is how long one count of the queues serves scrapes:
// counting costs time in proportion to the backlog, and several scrapers
// (or processes) should not each pay it.
const queueStatsMaxAge = 5 * time.Second

// RegisterQueueMetrics reports every lane's backlog as gauges:
// herald.queue.jobs by queue and state (available, running, scheduled) and
// herald.queue.oldest_available_age, the wait of each lane's oldest ready
// job — the first sign that a lane needs more workers.
func RegisterQueueMetrics(mp metric.MeterProvider, st *store.Store) error {
	m := mp.Meter(meterName)
	jobsGauge, err := m.Int64ObservableGauge("herald.queue.jobs",
		metric.WithDescription("Jobs in each lane by state: available (ready, waiting for a worker), running, scheduled (later: sendAt, retries, throttling)."),
		metric.WithUnit("{job}"))
	if err != nil {
		return fmt.Errorf("jobs: queue metrics: %w", err)
	}
	ageGauge, err := m.Float64ObservableGauge("herald.queue.oldest_available_age",
		metric.WithDescription("How long each lane's oldest ready job has waited for a worker; 0 when none waits."),
		metric.WithUnit("s"))
	if err != nil {
		return fmt.Errorf("jobs: queue metrics: %w", err)
	}
	var (
		mu     sync.Mutex
		cached map[string]store.QueueStat
		at     time.Time
	)
	_, err = m.RegisterCallback(func(ctx context.Context, o metric.Observer) error {
		mu.Lock()
		defer mu.Unlock()
		if cached == nil || time.Since(at) > queueStatsMaxAge {
			ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			stats, err := st.QueueStats(ctx)
			if err != nil {
				return err
			}
			cached, at = stats, time.Now()
		}
		for _, lane := range Lanes() {
			s := cached[lane]
			q := attribute.String("queue", lane)
			o.ObserveInt64(jobsGauge, s.Available, metric.WithAttributes(q, attribute.String("state", "available")))
			o.ObserveInt64(jobsGauge, s.Running, metric.WithAttributes(q, attribute.String("state", "running")))
			o.ObserveInt64(jobsGauge, s.Scheduled, metric.WithAttributes(q, attribute.String("state", "scheduled")))
			o.ObserveFloat64(ageGauge, s.OldestAvailableAge.Seconds(), metric.WithAttributes(q))
		}
		return nil
	}, jobsGauge, ageGauge)
	if err != nil {
		return fmt.Errorf("jobs: queue metrics: %w", err)
	}
	return nil
}
