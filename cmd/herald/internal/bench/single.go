package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// SingleResult is the single-recipient scenario, in three phases of Sends
// from Concurrency clients, each to one recipient's webhook:
//
//  1. accept only: every lane paused (River's QueuePause), so the API path
//     is measured alone, as the Postgres baseline runs alone. Rounds of N
//     Sends alternate with rounds of the baseline's N transactions;
//  2. drain: the lanes resume and work that backlog;
//  3. end to end: N Sends while delivering, until every one has arrived.
type SingleResult struct {
	// AcceptOnlyPerSec is the median of AcceptOnlyRounds.
	AcceptOnlyPerSec float64   `json:"accept_only_per_sec"`
	AcceptOnlyRounds []float64 `json:"accept_only_rounds"`
	AcceptOnly       Latency   `json:"accept_only_latency"`
	// DeliveredWhilePaused counts deliveries that arrived in phase 1: a
	// worker that heard of the pause late. Expected 0.
	DeliveredWhilePaused int `json:"delivered_while_paused"`
	// DrainPerSec is phase 1's deliveries (Rounds x N) worked per second
	// from the resume to the last arrival.
	DrainPerSec float64 `json:"drain_per_sec"`
	// AcceptPerSec is phase 3's Sends accepted per second while Herald
	// delivers.
	AcceptPerSec float64 `json:"accept_per_sec"`
	// E2EPerSec is phase 3's deliveries per second from the first Send to
	// the last delivery at the receiver.
	E2EPerSec float64 `json:"e2e_per_sec"`
	Accept    Latency `json:"accept_latency"`
	// AcceptToDelivered is from starting a Send to its webhook arriving.
	AcceptToDelivered Latency `json:"accept_to_delivered_latency"`
	Repeats           int     `json:"repeated_deliveries"`
	// Process covers phase 3.
	Process Process `json:"process"`
}

// runSingle runs the scenario and records the Postgres baseline's rounds in
// b.
func runSingle(ctx context.Context, cfg Config, h *herald, b *Baselines) (*SingleResult, error) {
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
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	res := &SingleResult{}

	if err := h.pauseLanes(ctx); err != nil {
		return nil, err
	}
	if err := h.warmClients(ctx, cfg.Concurrency); err != nil {
		return nil, err
	}
	if err := acceptRounds(ctx, cfg, h, recipients, res, b); err != nil {
		return nil, err
	}
	res.DeliveredWhilePaused, _ = recv.counts()
	resumed := time.Now()
	if err := h.resumeLanes(ctx); err != nil {
		return nil, err
	}
	backlog := cfg.Rounds * cfg.N
	if err := recv.wait(waitCtx, backlog); err != nil {
		return nil, err
	}
	res.DrainPerSec = float64(backlog) / recv.lastArrival().Sub(resumed).Seconds()

	m := h.meter()
	e2e, err := sendSingles(ctx, cfg, h, recipients, "single-e-")
	if err != nil {
		return nil, err
	}
	if err := recv.wait(waitCtx, backlog+cfg.N); err != nil {
		return nil, err
	}
	res.Process = m.done()
	res.AcceptPerSec = float64(cfg.N) / e2e.dur.Seconds()
	res.E2EPerSec = float64(cfg.N) / recv.lastArrival().Sub(e2e.start).Seconds()
	res.Accept = latency(e2e.accept)
	toDelivered := make([]time.Duration, 0, len(e2e.started))
	for id, t0 := range e2e.started {
		if at, ok := recv.arrival(id); ok {
			toDelivered = append(toDelivered, at.Sub(t0))
		}
	}
	res.AcceptToDelivered = latency(toDelivered)
	_, res.Repeats = recv.counts()
	return res, nil
}

// acceptRounds runs phase 1: cfg.Rounds rounds of the Postgres baseline,
// each followed by one of cfg.N Sends, and records both sides' rounds and
// medians, and the Sends' accept latency, in res and b. The baseline's
// connections are closed before the phases that follow.
func acceptRounds(ctx context.Context, cfg Config, h *herald, recipients []string, res *SingleResult, b *Baselines) error {
	pg, err := openPGBaseline(ctx, h.dbURL, cfg.Concurrency)
	if err != nil {
		return err
	}
	defer pg.close()
	var accepted []time.Duration
	for r := range cfg.Rounds {
		if err := pg.round(ctx, cfg.N); err != nil {
			return err
		}
		only, err := sendSingles(ctx, cfg, h, recipients, fmt.Sprintf("single-a%d-", r))
		if err != nil {
			return err
		}
		res.AcceptOnlyRounds = append(res.AcceptOnlyRounds, float64(cfg.N)/only.dur.Seconds())
		accepted = append(accepted, only.accept...)
	}
	res.AcceptOnlyPerSec = median(res.AcceptOnlyRounds)
	res.AcceptOnly = latency(accepted)
	b.PGInsertTxRounds = pg.rounds
	b.PGInsertTxPerSec = median(pg.rounds)
	return nil
}

// sent is one phase of Sends.
type sent struct {
	start   time.Time
	dur     time.Duration
	started map[string]time.Time // by notification id
	accept  []time.Duration
}

// sendSingles sends cfg.N single-recipient notifications from
// cfg.Concurrency clients, idempotency keys prefixed with prefix.
func sendSingles(ctx context.Context, cfg Config, h *herald, recipients []string, prefix string) (*sent, error) {
	var mu sync.Mutex
	s := &sent{started: make(map[string]time.Time, cfg.N), accept: make([]time.Duration, 0, cfg.N), start: time.Now()}
	err := parallel(ctx, cfg.N, cfg.Concurrency, func(i int) error {
		t0 := time.Now()
		resp, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: "bench.single", RecipientIds: []string{recipients[i%len(recipients)]},
			Data: data(i), IdempotencyKey: fmt.Sprint(prefix, i),
		}))
		if err != nil {
			return err
		}
		d := time.Since(t0)
		mu.Lock()
		s.started[resp.Msg.GetNotificationId()] = t0
		s.accept = append(s.accept, d)
		mu.Unlock()
		return nil
	})
	s.dur = time.Since(s.start)
	return s, err
}
