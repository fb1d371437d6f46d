package bench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// LanesResult is critical sends at a steady rate while a bulk flood is
// queued and drained.
type LanesResult struct {
	Bulk          int     `json:"bulk"`
	CriticalSent  int     `json:"critical_sent"`
	CriticalRate  float64 `json:"critical_per_sec"`
	Critical      Latency `json:"critical_accept_to_delivered"`
	BulkQueuedMax int64   `json:"bulk_backlog_max"`
	Process       Process `json:"process"`
}

func runLanes(ctx context.Context, cfg Config, h *herald) (*LanesResult, error) {
	bulkRecv, err := newReceiver(0)
	if err != nil {
		return nil, err
	}
	defer bulkRecv.close()
	critRecv, err := newReceiver(0)
	if err != nil {
		return nil, err
	}
	defer critRecv.close()
	if err := h.messageType(ctx, "bench.bulk", heraldv1.Priority_PRIORITY_BULK); err != nil {
		return nil, err
	}
	if err := h.messageType(ctx, "bench.critical", heraldv1.Priority_PRIORITY_CRITICAL); err != nil {
		return nil, err
	}
	bulkIDs, err := h.addRecipients(ctx, "bulk-", 1000, bulkRecv.url)
	if err != nil {
		return nil, err
	}
	critIDs, err := h.addRecipients(ctx, "critical-", 100, critRecv.url)
	if err != nil {
		return nil, err
	}

	m := h.meter()
	floodDone := make(chan error, 1)
	go func() {
		floodDone <- parallel(ctx, cfg.Bulk, cfg.Concurrency, func(i int) error {
			_, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
				MessageType: "bench.bulk", RecipientIds: []string{bulkIDs[i%len(bulkIDs)]}, Data: data(i),
			}))
			return err
		})
	}()

	// Critical sends at a steady 20/s until the flood is accepted and at
	// least half delivered, sampling the bulk backlog.
	const critPerSec = 20
	var (
		mu      sync.Mutex
		started = map[string]time.Time{}
		maxLag  atomic.Int64
		sent    int
	)
	tick := time.NewTicker(time.Second / critPerSec)
	defer tick.Stop()
	floodAccepted := false
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case err := <-floodDone:
			if err != nil {
				return nil, fmt.Errorf("bulk flood: %w", err)
			}
			floodAccepted = true
		case <-tick.C:
		}
		if floodAccepted {
			if got, _ := bulkRecv.counts(); got >= cfg.Bulk/2 {
				break
			}
		}
		t0 := time.Now()
		resp, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: "bench.critical", RecipientIds: []string{critIDs[i%len(critIDs)]}, Data: data(i),
		}))
		if err != nil {
			return nil, err
		}
		mu.Lock()
		started[resp.Msg.GetNotificationId()] = t0
		sent++
		mu.Unlock()
		if i%20 == 0 {
			var backlog int64
			_ = h.pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE queue LIKE 'bulk_%' AND state = 'available'").Scan(&backlog)
			if backlog > maxLag.Load() {
				maxLag.Store(backlog)
			}
		}
	}
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	if err := critRecv.wait(waitCtx, sent); err != nil {
		return nil, err
	}
	lat := make([]time.Duration, 0, sent)
	for id, t0 := range started {
		if at, ok := critRecv.arrival(id); ok {
			lat = append(lat, at.Sub(t0))
		}
	}
	return &LanesResult{Bulk: cfg.Bulk, CriticalSent: sent, CriticalRate: critPerSec, Critical: latency(lat),
		BulkQueuedMax: maxLag.Load(), Process: m.done()}, nil
}
