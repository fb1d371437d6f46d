package bench

import (
	"context"
	"fmt"
	"time"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// LanesResult is critical sends at a steady rate while a bulk flood waits
// in the bulk lanes: Bulk deliveries queued by Sends of up to 10,000
// recipients each, then drained.
type LanesResult struct {
	Bulk         int     `json:"bulk"`
	CriticalSent int     `json:"critical_sent"`
	CriticalRate float64 `json:"critical_per_sec"`
	Critical     Latency `json:"critical_accept_to_delivered"`
	// BulkBacklogMax is the most bulk deliver jobs seen waiting.
	BulkBacklogMax int64 `json:"bulk_backlog_max"`
	// BulkDelivered is how many bulk deliveries arrived while the critical
	// ones were measured.
	BulkDelivered int     `json:"bulk_delivered"`
	Process       Process `json:"process"`
}

// criticalPerSec is the steady rate of critical sends during the flood.
const criticalPerSec = 20

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
	per := min(cfg.Bulk, 10_000)
	bulkIDs, err := h.addRecipients(ctx, "bulk-", per, bulkRecv.url)
	if err != nil {
		return nil, err
	}
	critIDs, err := h.addRecipients(ctx, "critical-", 100, critRecv.url)
	if err != nil {
		return nil, err
	}

	m := h.meter()
	var bulk []string
	for sent := 0; sent < cfg.Bulk; sent += per {
		resp, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: "bench.bulk", RecipientIds: bulkIDs[:min(per, cfg.Bulk-sent)], Data: data(sent),
		}))
		if err != nil {
			return nil, fmt.Errorf("bulk flood: %w", err)
		}
		bulk = append(bulk, resp.Msg.GetNotificationId())
	}

	// Critical sends at a steady rate until half the flood is delivered
	// (and for a second at least, so a small flood still yields a sample),
	// sampling the bulk backlog once a second.
	res := &LanesResult{Bulk: cfg.Bulk, CriticalRate: criticalPerSec}
	started := map[string]time.Time{}
	tick := time.NewTicker(time.Second / criticalPerSec)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-tick.C:
		}
		if got, _ := bulkRecv.counts(); got >= cfg.Bulk/2 && i >= criticalPerSec {
			res.BulkDelivered = got
			break
		}
		t0 := time.Now()
		resp, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: "bench.critical", RecipientIds: []string{critIDs[i%len(critIDs)]}, Data: data(i),
		}))
		if err != nil {
			return nil, err
		}
		started[resp.Msg.GetNotificationId()] = t0
		if i%criticalPerSec == 0 {
			var backlog int64
			if err := h.pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE queue LIKE 'bulk\\_%' AND state = 'available'").Scan(&backlog); err != nil {
				return nil, err
			}
			res.BulkBacklogMax = max(res.BulkBacklogMax, backlog)
		}
	}
	res.CriticalSent = len(started)
	waitCtx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if err := critRecv.wait(waitCtx, res.CriticalSent); err != nil {
		return nil, err
	}
	res.Process = m.done()
	lat := make([]time.Duration, 0, len(started))
	for id, t0 := range started {
		if at, ok := critRecv.arrival(id); ok {
			lat = append(lat, at.Sub(t0))
		}
	}
	res.Critical = latency(lat)
	// The rest of the flood would only slow the scenarios after this one.
	return res, h.cancel(ctx, bulk)
}
