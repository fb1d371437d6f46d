package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// SingleResult is the single-recipient scenario: N Sends from Concurrency
// clients, each to one recipient's webhook, until every one is delivered.
type SingleResult struct {
	AcceptPerSec float64 `json:"accept_per_sec"`
	// E2EPerSec is deliveries per second from the first Send to the last
	// delivery at the receiver.
	E2EPerSec float64 `json:"e2e_per_sec"`
	Accept    Latency `json:"accept_latency"`
	// AcceptToDelivered is from starting a Send to its webhook arriving.
	AcceptToDelivered Latency `json:"accept_to_delivered_latency"`
	Repeats           int     `json:"repeated_deliveries"`
	Process           Process `json:"process"`
}

func runSingle(ctx context.Context, cfg Config, h *herald) (*SingleResult, error) {
	recv, err := newReceiver(0)
	if err != nil {
		return nil, err
	}
	defer recv.close()
	if err := h.messageType(ctx, "bench.single", heraldv1.Priority_PRIORITY_NORMAL); err != nil {
		return nil, err
	}
	recipients, err := h.addRecipients(ctx, "single-", min(cfg.N, 1000), recv.url)
	if err != nil {
		return nil, err
	}

	var (
		mu      sync.Mutex
		started = make(map[string]time.Time, cfg.N)
		accept  = make([]time.Duration, 0, cfg.N)
	)
	m := h.meter()
	start := time.Now()
	err = parallel(ctx, cfg.N, cfg.Concurrency, func(i int) error {
		t0 := time.Now()
		resp, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: "bench.single", RecipientIds: []string{recipients[i%len(recipients)]},
			Data: data(i), IdempotencyKey: fmt.Sprint("single-", i),
		}))
		if err != nil {
			return err
		}
		d := time.Since(t0)
		mu.Lock()
		started[resp.Msg.GetNotificationId()] = t0
		accept = append(accept, d)
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	acceptDur := time.Since(start)
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	if err := recv.wait(waitCtx, cfg.N); err != nil {
		return nil, err
	}
	res := &SingleResult{Process: m.done()}
	res.AcceptPerSec = float64(cfg.N) / acceptDur.Seconds()
	res.E2EPerSec = float64(cfg.N) / recv.lastArrival().Sub(start).Seconds()
	res.Accept = latency(accept)
	e2e := make([]time.Duration, 0, len(started))
	for id, t0 := range started {
		if at, ok := recv.arrival(id); ok {
			e2e = append(e2e, at.Sub(t0))
		}
	}
	res.AcceptToDelivered = latency(e2e)
	_, res.Repeats = recv.counts()
	return res, nil
}
