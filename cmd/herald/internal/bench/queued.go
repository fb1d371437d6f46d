package bench

import (
	"context"
	"time"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// QueuedResult is Herald's memory while many deliveries wait in its lanes:
// notifications fanned out to recipients whose webhook answers slowly, so
// the deliveries pile up queued.
type QueuedResult struct {
	// Deliveries is how many waited when the fan-out was done: its size
	// less what the slow receiver took meanwhile.
	Deliveries int     `json:"deliveries"`
	FanoutSec  float64 `json:"fanout_sec"`
	Process    Process `json:"process"`
}

func runQueued(ctx context.Context, cfg Config, h *herald) (*QueuedResult, error) {
	recv, err := newReceiver(2 * time.Second)
	if err != nil {
		return nil, err
	}
	defer recv.close()
	if err := h.messageType(ctx, "bench.queued", heraldv1.Priority_PRIORITY_BULK); err != nil {
		return nil, err
	}
	per := min(cfg.Queued, 10_000)
	ids, err := h.addRecipients(ctx, "queued-", per, recv.url)
	if err != nil {
		return nil, err
	}
	m := h.meter()
	start := time.Now()
	var notifications []string
	for sent := 0; sent < cfg.Queued; sent += per {
		resp, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: "bench.queued", RecipientIds: ids[:min(per, cfg.Queued-sent)], Data: data(sent),
		}))
		if err != nil {
			return nil, err
		}
		notifications = append(notifications, resp.Msg.GetNotificationId())
	}
	for {
		var pending int
		if err := h.pool.QueryRow(ctx, "SELECT count(*) FROM notifications WHERE id = ANY($1) AND status = 'accepted'", notifications).Scan(&pending); err != nil {
			return nil, err
		}
		if pending == 0 {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	fanout := time.Since(start)
	var queued int
	if err := h.pool.QueryRow(ctx, "SELECT count(*) FROM deliveries WHERE notification_id = ANY($1) AND status IN ('queued', 'sending')",
		notifications).Scan(&queued); err != nil {
		return nil, err
	}
	time.Sleep(5 * time.Second) // the lanes work the backlog while RSS is sampled
	return &QueuedResult{Deliveries: queued, FanoutSec: fanout.Seconds(), Process: m.done()}, nil
}
