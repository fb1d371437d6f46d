package bench

import (
	"context"
	"time"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// FanoutResult is one Send to many recipients: listed in the request
// (fan-out) or subscribed to a topic (topic). The delivery lanes are
// paused until the fan-out is done, so it is measured alone; then they
// resume and deliver.
type FanoutResult struct {
	Recipients int `json:"recipients"`
	// QueuedPerSec is recipients per second from the Send's acceptance to
	// every delivery written and queued (fan-out done).
	QueuedPerSec float64 `json:"queued_per_sec"`
	// DeliveredPerSec is recipients per second from the resume of the
	// delivery lanes to the last webhook at the receiver.
	DeliveredPerSec float64 `json:"delivered_per_sec"`
	AcceptMS        float64 `json:"accept_ms"`
	Process         Process `json:"process"`
}

func runFanout(ctx context.Context, cfg Config, h *herald, topic bool) (*FanoutResult, error) {
	recv, err := newReceiver(0)
	if err != nil {
		return nil, err
	}
	defer recv.close()
	if err := h.messageType(ctx, "bench.fanout", heraldv1.Priority_PRIORITY_NORMAL); err != nil {
		return nil, err
	}
	prefix := "fanout-"
	if topic {
		prefix = "topic-"
	}
	ids, err := h.addRecipients(ctx, prefix, cfg.Recipients, recv.url)
	if err != nil {
		return nil, err
	}
	req := &heraldv1.SendRequest{MessageType: "bench.fanout", RecipientIds: ids, Data: data(0)}
	if topic {
		if err := h.subscribe(ctx, "bench", ids); err != nil {
			return nil, err
		}
		req.RecipientIds, req.Topic = nil, "bench"
	}
	if err := h.pauseLanes(ctx, deliveryLanes()...); err != nil {
		return nil, err
	}
	m := h.meter()
	start := time.Now()
	resp, err := h.notifications.Send(ctx, connect.NewRequest(req))
	if err != nil {
		return nil, err
	}
	accepted := time.Now()
	id := resp.Msg.GetNotificationId()
	for {
		var status string
		if err := h.pool.QueryRow(ctx, "SELECT status FROM notifications WHERE id = $1", id).Scan(&status); err != nil {
			return nil, err
		}
		if status != "accepted" {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
	queued := time.Now()
	resumed := time.Now()
	if err := h.resumeLanes(ctx, deliveryLanes()...); err != nil {
		return nil, err
	}
	waitCtx, cancel := context.WithTimeout(ctx, 15*time.Minute)
	defer cancel()
	if err := recv.wait(waitCtx, len(ids)); err != nil {
		return nil, err
	}
	n := float64(len(ids))
	return &FanoutResult{
		Recipients:      len(ids),
		QueuedPerSec:    n / queued.Sub(accepted).Seconds(),
		DeliveredPerSec: n / recv.lastArrival().Sub(resumed).Seconds(),
		AcceptMS:        float64(accepted.Sub(start)) / float64(time.Millisecond),
		Process:         m.done(),
	}, nil
}
