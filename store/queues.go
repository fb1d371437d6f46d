package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// QueueStat is one River queue's backlog.
type QueueStat struct {
	Queue     string
	Available int64
	Running   int64
	// Scheduled counts jobs waiting for a later time, retries included.
	Scheduled int64
	// OldestAvailableAge is how long the oldest available job has been
	// ready; zero when none is.
	OldestAvailableAge time.Duration
}

// QueueStats returns the backlog of every River queue that has one, by
// queue name. It counts rows, so it costs time in proportion to the
// backlog; River's fetch index (state, queue, ...) keeps it to those rows.
func (q *Queries) QueueStats(ctx context.Context) (map[string]QueueStat, error) {
	rows, err := q.db.Query(ctx, `
		SELECT queue,
			count(*) FILTER (WHERE state = 'available'),
			count(*) FILTER (WHERE state = 'running'),
			count(*) FILTER (WHERE state IN ('scheduled', 'retryable')),
			coalesce((extract(epoch FROM now() - min(scheduled_at) FILTER (WHERE state = 'available')) * 1e6)::bigint, 0)
		FROM river_job
		WHERE state IN ('available', 'running', 'scheduled', 'retryable')
		GROUP BY queue`)
	if err != nil {
		return nil, fmt.Errorf("store: queue stats: %w", err)
	}
	out := map[string]QueueStat{}
	var (
		s     QueueStat
		ageUS int64
	)
	_, err = pgx.ForEachRow(rows, []any{&s.Queue, &s.Available, &s.Running, &s.Scheduled, &ageUS}, func() error {
		s.OldestAvailableAge = max(0, durationFromMicros(ageUS))
		out[s.Queue] = s
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: queue stats: %w", err)
	}
	return out, nil
}
