package bench

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// IsolationResult is webhook latency before and while the SMS provider
// hangs: every call to it is held open until the provider timeout, so the
// SMS lane's workers are all stuck. The webhook lane must not notice.
type IsolationResult struct {
	RatePerSec float64 `json:"webhook_per_sec"`
	Before     Latency `json:"webhook_before"`
	During     Latency `json:"webhook_while_sms_hangs"`
	// Hanging is how many SMS calls were held open when the second
	// measurement started.
	Hanging int `json:"sms_calls_hanging"`
}

// isolationSends is the most webhook sends each phase makes, at
// criticalPerSec (fewer when N is smaller).
const isolationSends = 100

// smsServer speaks Twilio's Messages API on loopback. While hanging, it
// holds every call open until release.
type smsServer struct {
	srv     *http.Server
	url     string
	hang    atomic.Bool
	held    atomic.Int64
	release chan struct{}
	once    sync.Once
}

func newSMSServer() (*smsServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &smsServer{url: "http://" + ln.Addr().String(), release: make(chan struct{})}
	s.srv = &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln) //nolint:errcheck // stops with close
	return s, nil
}

func (s *smsServer) serve(w http.ResponseWriter, r *http.Request) {
	if s.hang.Load() {
		s.held.Add(1)
		defer s.held.Add(-1)
		select {
		case <-s.release:
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, `{"sid":"SM%032d","status":"queued"}`, time.Now().UnixNano())
}

// stopHanging answers every held and later call normally.
func (s *smsServer) stopHanging() {
	s.hang.Store(false)
	s.once.Do(func() { close(s.release) })
}

func (s *smsServer) close() {
	s.stopHanging()
	_ = s.srv.Close()
}

// smsEnv configures Herald's Twilio provider against s.
func (s *smsServer) env() map[string]string {
	return map[string]string{
		"HERALD_TWILIO_ACCOUNT_SID": "ACbench",
		"HERALD_TWILIO_AUTH_TOKEN":  "bench",
		"HERALD_TWILIO_FROM":        "+15550000000",
		"HERALD_TWILIO_URL":         s.url,
	}
}

func runIsolation(ctx context.Context, cfg Config, h *herald) (*IsolationResult, error) {
	recv, err := newReceiver(0)
	if err != nil {
		return nil, err
	}
	defer recv.close()
	if err := h.messageType(ctx, "bench.isolation", heraldv1.Priority_PRIORITY_NORMAL); err != nil {
		return nil, err
	}
	if err := h.smsType(ctx, "bench.sms", heraldv1.Priority_PRIORITY_NORMAL); err != nil {
		return nil, err
	}
	ids, err := h.addRecipients(ctx, "isolation-", 100, recv.url)
	if err != nil {
		return nil, err
	}
	res := &IsolationResult{RatePerSec: criticalPerSec}
	if res.Before, err = steadySends(ctx, h, recv, ids, "bench.isolation", min(cfg.N, isolationSends)); err != nil {
		return nil, err
	}

	// Fill the SMS lane with calls that hang, and then some.
	h.sms.hang.Store(true)
	defer h.sms.stopHanging()
	smsCount := 2 * h.workers
	for i := range smsCount {
		if _, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: "bench.sms", RecipientIds: []string{ids[i%len(ids)]}, Data: data(i),
		})); err != nil {
			return nil, err
		}
	}
	deadline := time.Now().Add(time.Minute)
	for h.sms.held.Load() < int64(h.workers) {
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the SMS lane held only %d calls open, want %d", h.sms.held.Load(), h.workers)
		}
		time.Sleep(20 * time.Millisecond)
	}
	res.Hanging = int(h.sms.held.Load())
	if res.During, err = steadySends(ctx, h, recv, ids, "bench.isolation", min(cfg.N, isolationSends)); err != nil {
		return nil, err
	}
	return res, nil
}

// steadySends sends n single-recipient notifications of messageType at
// criticalPerSec and returns their accept-to-delivered latency.
func steadySends(ctx context.Context, h *herald, recv *receiver, ids []string, messageType string, n int) (Latency, error) {
	before, _ := recv.counts()
	started := make(map[string]time.Time, n)
	tick := time.NewTicker(time.Second / criticalPerSec)
	defer tick.Stop()
	for i := range n {
		select {
		case <-ctx.Done():
			return Latency{}, ctx.Err()
		case <-tick.C:
		}
		t0 := time.Now()
		resp, err := h.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{
			MessageType: messageType, RecipientIds: []string{ids[i%len(ids)]}, Data: data(i),
		}))
		if err != nil {
			return Latency{}, err
		}
		started[resp.Msg.GetNotificationId()] = t0
	}
	waitCtx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := recv.wait(waitCtx, before+n); err != nil {
		return Latency{}, err
	}
	lat := make([]time.Duration, 0, n)
	for id, t0 := range started {
		if at, ok := recv.arrival(id); ok {
			lat = append(lat, at.Sub(t0))
		}
	}
	return latency(lat), nil
}
